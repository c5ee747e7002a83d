import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSecretName } from '../../../../electron/api/secret-names';
import type { InspectInfo } from './ContainerDetails';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-3 border-b border-slate-100 py-2 dark:border-slate-800">
      <dt className="font-medium text-slate-700 dark:text-slate-300">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}

function EnvValue({ name, value }: { name: string; value: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(!isSecretName(name));
  if (shown) return <span>{value}</span>;
  return (
    <button type="button" className="underline" onClick={() => setShown(true)} aria-label={t('containers.summary.reveal', { name })}>
      ••••••
    </button>
  );
}

/** What the container is, in plain words; values that look secret stay masked until clicked. */
export function SummaryTab({ info }: { info: InspectInfo }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => (value.startsWith('0001-') ? t('containers.summary.never') : new Date(value).toLocaleString(i18n.language));
  const command = [...(info.Config.Entrypoint ?? []), ...(info.Config.Cmd ?? [])].join(' ');
  const ports = Object.entries(info.NetworkSettings.Ports ?? {});

  return (
    <dl className="max-w-4xl text-sm">
      <Field label={t('containers.summary.image')}>
        <span className="font-mono">{info.Config.Image}</span>
      </Field>
      <Field label={t('containers.summary.command')}>
        <span className="font-mono">{command || '—'}</span>
      </Field>
      <Field label={t('containers.summary.state')}>
        {t(`containers.state.${info.State.Status}`, { defaultValue: info.State.Status })}
        {info.State.Status === 'exited' && ` · ${t('containers.summary.exitCode', { code: info.State.ExitCode })}`}
      </Field>
      <Field label={t('containers.summary.created')}>{date(info.Created)}</Field>
      <Field label={t('containers.summary.started')}>{date(info.State.StartedAt)}</Field>
      <Field label={t('containers.summary.ports')}>
        {ports.length === 0
          ? '—'
          : ports.map(([port, bindings]) => (
              <div key={port} className="font-mono">
                {port}{' '}
                {bindings?.length
                  ? `← ${bindings.map((b) => `${b.HostIp || '0.0.0.0'}:${b.HostPort}`).join(', ')}`
                  : `(${t('containers.summary.notPublished')})`}
              </div>
            ))}
      </Field>
      <Field label={t('containers.summary.mounts')}>
        {info.Mounts.length === 0
          ? t('containers.summary.noMounts')
          : info.Mounts.map((mount) => (
              <div key={mount.Destination} className="mb-1">
                <span className="font-mono">{mount.Destination}</span>
                {' ← '}
                <span className="font-mono">{mount.Type === 'volume' ? mount.Name : mount.Source || 'tmpfs'}</span>
                {!mount.RW && ` (${t('containers.summary.readOnly')})`}
                <div className="text-xs text-slate-700 dark:text-slate-300">
                  {t(`containers.summary.mountKind.${mount.Type}`, { defaultValue: mount.Type })}
                </div>
              </div>
            ))}
      </Field>
      <Field label={t('containers.summary.environment')}>
        {(info.Config.Env ?? []).map((entry) => {
          const [name, ...rest] = entry.split('=');
          return (
            <div key={entry} className="font-mono">
              {name}=<EnvValue name={name} value={rest.join('=')} />
            </div>
          );
        })}
      </Field>
    </dl>
  );
}
