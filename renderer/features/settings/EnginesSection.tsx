import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Endpoint } from '../../../electron/api/schemas';
import type { EngineEntry, EngineTestResult } from '../../../electron/api/settings-schemas';
import { offlineReasonKey } from '../engine/offline-reason';
import { client, orpc } from '../../api/client';
import { useConnectionState } from '../../api/engine-state';
import { EngineGap } from '../../components/EngineGap';
import { HostKeyTrust } from '../engine/HostKeyTrust';
import { ErrorNotice } from '../../components/ErrorNotice';
import { button, dangerButton, muted, panel, primaryButton } from '../images/ui';
import { AddEngineForm } from './AddEngineForm';

/** Every engine found or added; which one is in use; test, switch, remove. */
export function EnginesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery(orpc.engines.list.queryOptions({ input: {} }));
  const state = useConnectionState();
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.engines.key() });
  const use = useMutation({ mutationFn: (id: string | null) => client.engines.use({ id }), onSuccess: refresh });
  const inUse = state?.endpoint;

  return (
    <section aria-labelledby="settings-engines" className={panel}>
      <h2 id="settings-engines" className="text-lg font-semibold">
        {t('settings.engines.title')}
      </h2>
      <p className={muted}>{t('settings.engines.help')}</p>
      {list.isError && <ErrorNotice error={list.error} />}
      {list.data && (
        <>
          <p className="text-sm">
            {list.data.selected === null ? t('settings.engines.automatic') : t('settings.engines.chosen')}{' '}
            {list.data.selected !== null && (
              <button type="button" className={button} onClick={() => use.mutate(null)} disabled={use.isPending}>
                {t('settings.engines.useAutomatic')}
              </button>
            )}
          </p>
          <ul className="divide-y divide-slate-200 dark:divide-slate-700" aria-label={t('settings.engines.listLabel')}>
            {list.data.engines.map((engine) => (
              <EngineRow
                key={engine.id}
                engine={engine}
                inUse={inUse?.address === engine.address && inUse.kind === engine.kind}
                onUse={() => use.mutate(engine.id)}
                busy={use.isPending}
                onRemoved={refresh}
              />
            ))}
            {list.data.engines.length === 0 && <li className="py-2">{t('settings.engines.none')}</li>}
          </ul>
        </>
      )}
      {use.isError && <ErrorNotice error={use.error} onDismiss={() => use.reset()} />}
      <AddEngineForm onAdded={refresh} />
    </section>
  );
}

function EngineRow({ engine, inUse, onUse, busy, onRemoved }: { engine: EngineEntry; inUse: boolean; onUse: () => void; busy: boolean; onRemoved: () => void }) {
  const { t } = useTranslation();
  const test = useMutation({ mutationFn: () => client.engines.test({ id: engine.id }) });
  const remove = useMutation({ mutationFn: () => client.engines.remove({ id: engine.id }), onSuccess: onRemoved });
  const title = engine.name || engine.address;
  return (
    <li className="space-y-1 py-3" data-testid="engine-row" data-engine-id={engine.id}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{title}</span>
        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">{t(`settings.engines.source.${engine.source}`)}</span>
        {engine.tls && <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">TLS</span>}
        {inUse && <span className="rounded bg-sky-100 px-1.5 text-xs font-semibold text-sky-900 dark:bg-sky-900 dark:text-sky-100">{t('settings.engines.inUse')}</span>}
        <span className="ml-auto flex gap-2">
          <button type="button" className={button} onClick={() => test.mutate()} disabled={test.isPending || Boolean(engine.problem)} aria-label={t('settings.engines.testLabel', { name: title })}>
            {t('settings.engines.test')}
          </button>
          <button type="button" className={primaryButton} onClick={onUse} disabled={busy || inUse || Boolean(engine.problem)} aria-label={t('settings.engines.useLabel', { name: title })}>
            {t('settings.engines.use')}
          </button>
          {engine.source === 'custom' && (
            <button type="button" className={dangerButton} onClick={() => remove.mutate()} disabled={remove.isPending} aria-label={t('settings.engines.removeLabel', { name: title })}>
              {t('settings.engines.remove')}
            </button>
          )}
        </span>
      </div>
      <p className={`${muted} break-all font-mono`}>
        {engine.kind}://{engine.address}
      </p>
      {engine.problem && <p className="text-sm text-red-700 dark:text-red-300">{t('settings.engines.problem', { problem: engine.problem })}</p>}
      {test.isPending && <p role="status" className={muted}>{t('settings.engines.testing')}</p>}
      {test.data && <TestOutcome result={test.data} address={`${engine.kind}://${engine.address}`} kind={engine.kind} />}
      {test.data && !test.data.ok && test.data.reason === 'ssh-host-unknown' && (
        <HostKeyTrust offer={test.data.hostKey} engineId={engine.id} host={engine.address} onTrusted={() => test.mutate()} />
      )}
      {test.isError && <ErrorNotice error={test.error} onDismiss={() => test.reset()} />}
      {remove.isError && <ErrorNotice error={remove.error} onDismiss={() => remove.reset()} />}
    </li>
  );
}

function TestOutcome({ result, address, kind }: { result: EngineTestResult; address: string; kind: Endpoint['kind'] }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <div role="status" className="text-sm text-emerald-800 dark:text-emerald-200">
        <p>{t('settings.engines.testOk', { product: result.product, version: result.engineVersion, api: result.apiVersion, os: result.os })}</p>
        {result.unsupported.length > 0 && (
          <div className="mt-2 space-y-2">
            <p className={muted}>{t('settings.engines.gapsIntro', { product: result.product })}</p>
            {result.unsupported.map((feature) => <EngineGap key={feature} feature={feature} />)}
          </div>
        )}
      </div>
    );
  }
  return (
    <details role="status" className="text-sm text-red-700 dark:text-red-300">
      <summary>{t(offlineReasonKey(result.reason, kind), { endpoint: address, defaultValue: t('settings.engines.testFailed') })}</summary>
      <pre className="whitespace-pre-wrap font-mono text-xs">{result.detail}</pre>
    </details>
  );
}
