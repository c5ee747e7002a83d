import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, orpc } from '../../api/client';
import { ClosablePanel } from './ClosablePanel';
import { CommandHint } from './CommandHint';
import { ImageError } from './ImageError';
import { registryLogin } from '../../../electron/api/docker-commands';
import { registryFromInput } from './registry-address';
import { button, input, muted, primaryButton } from './ui';

/**
 * `docker login` / `docker logout`. The password is sent once, to the main
 * process, which has the engine check it and keeps it; this window only ever
 * gets back the registry and the user name. It is not kept in any query or
 * mutation cache here: the field is cleared as soon as the login succeeds.
 */
export function RegistriesPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery(orpc.registries.list.queryOptions());
  const [registry, setRegistry] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ registry: string; username: string } | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.registries.key() });

  const host = registryFromInput(registry);
  const command = registryLogin(host || 'HOST', username.trim() || 'USER');

  return (
    <ClosablePanel id="registries" title={t('images.registries.title')} onClose={onClose}>
      {list.data && (
        <p className={muted} data-testid="login-keeping" data-keeping={list.data.keeping}>
          {t(`images.registries.keeping.${list.data.keeping}`)}
        </p>
      )}
      {list.isError && <ImageError error={list.error} />}
      {list.data && list.data.logins.length === 0 && <p className={muted}>{t('images.registries.none')}</p>}
      {list.data && list.data.logins.length > 0 && (
        <ul aria-label={t('images.registries.listLabel')} className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
          {list.data.logins.map((login) => (
            <li key={login.registry} data-testid="registry-login" data-registry={login.registry} className="flex items-center justify-between gap-3 p-2 text-sm">
              <span className="break-all">{t('images.registries.loggedInAs', { registry: login.registry, username: login.username })}</span>
              <button
                type="button"
                className={button}
                aria-label={t('images.registries.logoutLabel', { registry: login.registry })}
                onClick={async () => {
                  setDone(undefined);
                  try {
                    await client.registries.logout({ registry: login.registry });
                  } catch (failure) {
                    setError(failure);
                  }
                  await refresh();
                }}
              >
                {t('images.registries.logout')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form
        className="grid gap-2 md:grid-cols-3"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(undefined);
          setDone(undefined);
          try {
            const result = await client.registries.login({ registry: host, username: username.trim(), password });
            setPassword('');
            setDone(result);
          } catch (failure) {
            setError(failure);
          } finally {
            setBusy(false);
            await refresh();
          }
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t('images.registries.registry')}
          <input className={input} value={registry} onChange={(e) => setRegistry(e.target.value)} placeholder="127.0.0.1:5000" required autoComplete="off" spellCheck={false} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('images.registries.username')}
          <input className={input} value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="username" spellCheck={false} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('images.registries.password')}
          <input className={input} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
        </label>
        <p className={`${muted} md:col-span-3`}>{t('images.registries.help')}</p>
        <div className="md:col-span-3">
          <button type="submit" className={primaryButton} disabled={busy}>
            {busy ? t('images.registries.checking') : t('images.registries.login')}
          </button>
        </div>
      </form>
      <CommandHint command={command} />
      {done && (
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {t('images.registries.done', { registry: done.registry, username: done.username })}
        </p>
      )}
      {error !== undefined && <ImageError error={error} onDismiss={() => setError(undefined)} />}
    </ClosablePanel>
  );
}
