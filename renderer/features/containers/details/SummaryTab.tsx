import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeState } from '../status-text';
import { formatDateTime } from '../../../i18n/format';
import { showControls } from '../../../components/visible-text';
import { isSecretName } from '../../../../electron/api/secret-names';
import type { InspectInfo } from './ContainerDetails';
import { hostSettingsFromInspect, type InspectForSpec } from '../../../../electron/api/container-spec';
import { flagRisks } from '../../../../electron/api/root-risks';
import { RiskList, WARNING_TEXT } from '../../../components/RootRisks';

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
  if (shown) return <span>{showControls(value)}</span>;
  return (
    <button type="button" className="underline" onClick={() => setShown(true)} aria-label={t('containers.summary.reveal', { name })}>
      ••••••
    </button>
  );
}

/** What the container is, in plain words; values that look secret stay masked until clicked. */
export function SummaryTab({ info }: { info: InspectInfo }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => (value.startsWith('0001-') ? t('containers.summary.never') : formatDateTime(value, i18n.language));
  const command = [...(info.Config.Entrypoint ?? []), ...(info.Config.Cmd ?? [])].join(' ');
  const ports = Object.entries(info.NetworkSettings.Ports ?? {});
  const configured = Object.entries(info.HostConfig.PortBindings ?? {}).filter(([, bindings]) => (bindings?.length ?? 0) > 0);
  // Privileged mode, capabilities, devices, host pid/network and risky folders: a recreate keeps them all.
  const host = hostSettingsFromInspect(info as unknown as InspectForSpec);
  const risks = flagRisks(host);

  return (
    <dl className="max-w-4xl text-sm">
      <Field label={t('containers.summary.image')}>
        <span className="font-mono">{info.Config.Image}</span>
      </Field>
      <Field label={t('containers.summary.command')}>
        <span className="font-mono">{command || '—'}</span>
      </Field>
      <Field label={t('containers.summary.state')}>
        {localizeState(info.State.Status, t)}
        {info.State.Status === 'exited' && ` · ${t('containers.summary.exitCode', { code: info.State.ExitCode })}`}
      </Field>
      <Field label={t('rootRisk.summary')}>
        {risks.length === 0 ? (
          t('rootRisk.summaryNone')
        ) : (
          <div className={`space-y-1 ${WARNING_TEXT}`} data-testid="summary-risks">
            <RiskList risks={risks} />
            <p className="text-xs">{t('rootRisk.summaryKept')}</p>
          </div>
        )}
      </Field>
      <Field label={t('containers.summary.created')}>{date(info.Created)}</Field>
      <Field label={t('containers.summary.started')}>{date(info.State.StartedAt)}</Field>
      <Field label={t('containers.summary.ports')}>
        {ports.length > 0
          ? ports.map(([port, bindings]) => (
              <div key={port} className="font-mono">
                {port}{' '}
                {bindings?.length
                  ? `← ${bindings.map((b) => `${b.HostIp || '0.0.0.0'}:${b.HostPort}`).join(', ')}`
                  : `(${t('containers.summary.notPublished')})`}
              </div>
            ))
          : configured.length > 0
            ? configured.map(([port, bindings]) => (
                // Created or recreated but never started: the engine publishes nothing yet, but the bindings are set.
                <div key={port} data-testid="summary-configured-port">
                  {t('containers.summary.portsConfigured', {
                    port,
                    host: (bindings ?? [])
                      .map((b) => (b.HostPort ? `${b.HostIp || '0.0.0.0'}:${b.HostPort}` : t('containers.summary.anyPort', { ip: b.HostIp || '0.0.0.0' })))
                      .join(', '),
                  })}
                </div>
              ))
            : '—'}
      </Field>
      <Field label={t('containers.summary.mounts')}>
        {host.tmpfs.map((tmpfs) => (
          <div key={`tmpfs:${tmpfs.target}`} className="mb-1">
            <span className="font-mono">{tmpfs.target}</span>
            {' ← tmpfs'}
            {tmpfs.readOnly && ` (${t('containers.summary.readOnly')})`}
            <div className="text-xs text-slate-700 dark:text-slate-300">{t('containers.summary.mountKind.tmpfs')}</div>
          </div>
        ))}
        {info.Mounts.length === 0 && host.tmpfs.length === 0
          ? t('containers.summary.noMounts')
          : info.Mounts.map((mount) => (
              <div key={mount.Destination} className="mb-1">
                <span className="font-mono">{showControls(mount.Destination)}</span>
                {' ← '}
                <span className="font-mono">{showControls(mount.Type === 'volume' ? (mount.Name ?? '') : mount.Source || 'tmpfs')}</span>
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
              {showControls(name)}=<EnvValue name={name} value={rest.join('=')} />
            </div>
          );
        })}
      </Field>
    </dl>
  );
}
