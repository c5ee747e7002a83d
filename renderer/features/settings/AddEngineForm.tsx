import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customEngine, ENGINE_ADDRESS_PASSWORD } from '../../../electron/api/settings-schemas';
import { client } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { button, input, muted } from '../images/ui';

const draftSchema = customEngine.omit({ id: true });
const EMPTY = { name: '', host: '', tls: false, ca: '', cert: '', key: '' };

/** A unix socket path, tcp://host:port (with TLS files) or ssh://user@host. */
export function AddEngineForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const [touched, setTouched] = useState(false);
  // A bare path is a unix socket: the form accepts what people paste.
  const host = draft.host.startsWith('/') ? `unix://${draft.host}` : draft.host.trim();
  const candidate = {
    name: draft.name,
    host,
    ...(draft.tls ? { tls: { ca: draft.ca.trim(), cert: draft.cert.trim(), key: draft.key.trim() } } : {}),
  };
  const parsed = draftSchema.safeParse(candidate);
  const problems = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
  // Said as soon as it is typed: it would be saved in clear, and Docker never uses it.
  const passwordInAddress = !parsed.success && parsed.error.issues.some((issue) => issue.message === ENGINE_ADDRESS_PASSWORD);
  const add = useMutation({
    mutationFn: () => client.engines.add(parsed.data!),
    onSuccess: () => {
      setDraft(EMPTY);
      setTouched(false);
      onAdded();
    },
  });
  const set = (patch: Partial<typeof EMPTY>) => setDraft((old) => ({ ...old, ...patch }));

  return (
    <form
      aria-labelledby="settings-add-engine"
      className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (parsed.success) add.mutate();
      }}
    >
      <h3 id="settings-add-engine" className="font-semibold">
        {t('settings.engines.add')}
      </h3>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="flex flex-col gap-1">
          <span>{t('settings.engines.name')}</span>
          <input className={input} value={draft.name} onChange={(e) => set({ name: e.target.value })} aria-invalid={touched && problems.has('name')} />
        </label>
        <label className="flex flex-col gap-1">
          <span>{t('settings.engines.address')}</span>
          <input
            className={`${input} font-mono`}
            value={draft.host}
            placeholder={t('settings.example.engineAddress')}
            spellCheck={false}
            onChange={(e) => set({ host: e.target.value })}
            aria-invalid={touched && problems.has('host')}
            aria-describedby="settings-address-help"
          />
        </label>
      </div>
      <p id="settings-address-help" className={touched && problems.has('host') ? 'text-sm text-red-700 dark:text-red-300' : muted}>
        {t('settings.engines.addressHelp')}
      </p>
      {passwordInAddress && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="engine-address-password">
          {t('settings.engines.noPassword')}
        </p>
      )}
      {touched && problems.has('name') && <p className="text-sm text-red-700 dark:text-red-300">{t('settings.engines.nameRequired')}</p>}
      {host.startsWith('tcp://') && (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={draft.tls} onChange={(e) => set({ tls: e.target.checked })} />
          {t('settings.engines.useTls')}
        </label>
      )}
      {draft.tls && host.startsWith('tcp://') && (
        <div className="grid gap-2 sm:grid-cols-3">
          {(['ca', 'cert', 'key'] as const).map((part) => (
            <label key={part} className="flex flex-col gap-1">
              <span>{t(`settings.engines.tls.${part}`)}</span>
              <input className={`${input} font-mono`} value={draft[part]} spellCheck={false} onChange={(e) => set({ [part]: e.target.value })} aria-invalid={touched && problems.has('tls')} />
            </label>
          ))}
        </div>
      )}
      {touched && problems.has('tls') && <p className="text-sm text-red-700 dark:text-red-300">{t('settings.engines.tlsRequired')}</p>}
      <button type="submit" className={button} disabled={add.isPending}>
        {t('settings.engines.addButton')}
      </button>
      {add.isError && <ErrorNotice error={add.error} onDismiss={() => add.reset()} />}
    </form>
  );
}
