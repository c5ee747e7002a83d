import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerMounts, MountSpec, VolumeSummary } from '../../../electron/api/volumes-schemas';
import { orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ConfirmDialog } from './ConfirmDialog';
import { BUTTON, CommandHint, INPUT, PanelForm, PRIMARY } from './ui';
import { volumeRun } from '../../../electron/api/docker-commands';
import type { MountSpec as RunMount } from '../../../electron/api/run-schema';
import { useRecreatePreview } from '../../api/use-recreate-preview';
import { hostPathRisk, risksKey, type RootRisk } from '../../../electron/api/root-risks';
import { RiskConfirm, useRiskText, WARNING_TEXT } from '../../components/RootRisks';

const PATH_RULE = /^\/[^\0:]*$/;

function pathProblem(path: string, t: (key: string) => string): string | undefined {
  if (!PATH_RULE.test(path) || path === '/' || path.split('/').includes('..')) return t('volumes.attach.badPath');
  return undefined;
}

/** Where the data of each kind of mount lives, and what survives removing the container. */
export function MountKindHelp({ kind, source, mountpoint }: { kind: MountSpec['kind']; source: string; mountpoint?: string }) {
  const { t } = useTranslation();
  return (
    <p className="rounded-md bg-slate-100 p-2 text-sm dark:bg-slate-900" data-testid="mount-help">
      {t(`volumes.attach.where.${kind}`, { source: source || '…', mountpoint: mountpoint ?? '' })}
    </p>
  );
}

/** The volumes panel's mount as the run spec says it. */
function asRunMount(spec: MountSpec): RunMount {
  if (spec.kind === 'tmpfs') return { type: 'tmpfs', target: spec.target, readOnly: spec.readOnly };
  return { type: spec.kind, source: spec.source, target: spec.target, readOnly: spec.readOnly };
}

function AttachExisting({ volume, containers }: { volume: VolumeSummary; containers: ContainerMounts[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [containerId, setContainerId] = useState('');
  const [kind, setKind] = useState<MountSpec['kind']>('volume');
  const [hostFolder, setHostFolder] = useState('');
  const [target, setTarget] = useState('/data');
  const [readOnly, setReadOnly] = useState(false);
  const [confirming, setConfirming] = useState<{ action: 'attach' } | { action: 'detach'; target: string }>();
  const [acceptedRisks, setAcceptedRisks] = useState<string>();
  const riskText = useRiskText();
  const attach = useMutation(orpc.volumes.attach.mutationOptions());
  const detach = useMutation(orpc.volumes.detach.mutationOptions());
  const container = containers.find((candidate) => candidate.id === containerId);
  const problem = pathProblem(target, t);
  const source = kind === 'volume' ? volume.name : kind === 'bind' ? hostFolder : '';
  const spec: MountSpec = { kind, source, target, readOnly };
  const riskCode = kind === 'bind' && hostFolder ? hostPathRisk(hostFolder) : undefined;
  const risks: RootRisk[] = riskCode ? [{ code: riskCode, subject: hostFolder }] : [];
  const risksAccepted = risks.length === 0 || acceptedRisks === risksKey(risks);
  const replaced = container?.mounts.find((mount) => mount.target === target);
  const busy = attach.isPending || detach.isPending;
  const result = attach.data ?? detach.data;
  // The real steps of each change, before it is confirmed (the activity log records the same).
  const attachPreview = useRecreatePreview(container?.id, (current) => ({
    ...current,
    mounts: [...current.mounts.filter((mount) => mount.target !== target), asRunMount(spec)],
  }));
  const detachTarget = confirming?.action === 'detach' ? confirming.target : undefined;
  const detachPreview = useRecreatePreview(detachTarget ? container?.id : undefined, (current) => ({
    ...current,
    mounts: current.mounts.filter((mount) => mount.target !== detachTarget),
  }));

  return (
    <PanelForm
      title={t('volumes.attach.existingTitle')}
      onSubmit={() => {
        if (container && !problem && (kind !== 'bind' || hostFolder.startsWith('/'))) setConfirming({ action: 'attach' });
      }}
    >
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.attach.container')}</span>
          <select value={containerId} onChange={(event) => setContainerId(event.target.value)} className={INPUT} data-testid="attach-container">
            <option value="">{t('volumes.attach.pick')}</option>
            {containers.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} ({t(`containers.state.${candidate.state}`, { defaultValue: candidate.state })})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.attach.kind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as MountSpec['kind'])} className={INPUT}>
            <option value="volume">{t('volumes.attach.kinds.volume', { name: volume.name })}</option>
            <option value="bind">{t('volumes.attach.kinds.bind')}</option>
            <option value="tmpfs">{t('volumes.attach.kinds.tmpfs')}</option>
          </select>
        </label>
        {kind === 'bind' && (
          <div className="flex max-w-md flex-col gap-1 text-sm">
            <label htmlFor={`${id}-host-input`}>{t('volumes.attach.hostFolder')}</label>
            <input id={`${id}-host-input`} value={hostFolder} onChange={(event) => setHostFolder(event.target.value)} placeholder={t('volumes.example.hostFolder')} aria-describedby={risks.length ? `${id}-host-risk` : undefined} className={`${INPUT} font-mono`} />
            {risks.length > 0 && (
              <span id={`${id}-host-risk`} className={`font-medium ${WARNING_TEXT}`} data-warning="true">
                <span aria-hidden="true">⚠ </span>
                {riskText(risks[0])}
              </span>
            )}
          </div>
        )}
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${id}-path-input`}>{t('volumes.attach.path')}</label>
          <input id={`${id}-path-input`} value={target} onChange={(event) => setTarget(event.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={`${id}-path`} className={`${INPUT} font-mono`} spellCheck={false} />
          <span id={`${id}-path`} className={problem ? 'text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}>
            {problem ?? t('volumes.attach.pathHelp')}
          </span>
        </div>
        {kind !== 'tmpfs' && (
          <label className="flex items-center gap-2 self-center text-sm">
            <input type="checkbox" checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} className="size-4" />
            {t('volumes.attach.readOnly')}
          </label>
        )}
      </div>
      <MountKindHelp kind={kind} source={source} mountpoint={volume.mountpoint} />
      {container && (
        <div className="text-sm">
          <h3 className="font-medium">{t('volumes.attach.currentMounts', { name: container.name })}</h3>
          {container.mounts.length === 0 ? (
            <p>{t('volumes.attach.noMounts')}</p>
          ) : (
            <ul className="mt-1 space-y-1" data-testid="current-mounts">
              {container.mounts.map((mount) => (
                <li key={mount.target} className="flex flex-wrap items-center gap-2">
                  <code className="font-mono text-xs">
                    {mount.kind}: {mount.source || 'tmpfs'} → {mount.target}
                    {mount.readOnly ? ' (ro)' : ''}
                  </code>
                  <button type="button" className={BUTTON} onClick={() => setConfirming({ action: 'detach', target: mount.target })} aria-label={t('volumes.attach.detachLabel', { path: mount.target, name: container.name })}>
                    {t('volumes.attach.detach')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-slate-700 dark:text-slate-300">{t('volumes.attach.recreateNote', { name: container.name })}</p>
          {attachPreview && <CommandHint command={attachPreview} />}
        </div>
      )}
      {(attach.error ?? detach.error) && <ErrorNotice error={attach.error ?? detach.error} onDismiss={() => (attach.reset(), detach.reset())} />}
      {result && (
        <p role="status" className="text-sm" data-testid="attach-done">
          {t('volumes.attach.done', { name: result.name })}
          {result.keptOld && ` ${t('volumes.attach.keptOld', { name: result.keptOld })}`}
        </p>
      )}
      <button type="submit" className={PRIMARY} disabled={!container || busy}>
        {t('volumes.attach.submit')}
      </button>
      {confirming && container && (
        <ConfirmDialog
          title={t('volumes.attach.confirmTitle', { name: container.name })}
          confirmLabel={t('volumes.attach.confirm', { name: container.name })}
          busy={busy}
          blocked={confirming.action === 'attach' && !risksAccepted}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            const done = { onSettled: () => setConfirming(undefined) };
            if (confirming.action === 'attach') attach.mutate({ container: container.id, mount: spec }, done);
            else detach.mutate({ container: container.id, target: confirming.target }, done);
          }}
        >
          <p>{t('volumes.attach.confirmBody', { name: container.name })}</p>
          {confirming.action === 'attach' ? (
            <p className="font-medium">{t('volumes.attach.confirmAdd', { source: source || 'tmpfs', path: target })}</p>
          ) : (
            <p className="font-medium">{t('volumes.attach.confirmRemove', { path: confirming.target })}</p>
          )}
          {confirming.action === 'attach' && risks.length > 0 && (
            <RiskConfirm risks={risks} accepted={risksAccepted} onAccept={(accepted) => setAcceptedRisks(accepted ? risksKey(risks) : undefined)} />
          )}
          {confirming.action === 'attach' && replaced && <p>{t('volumes.attach.confirmReplace', { source: replaced.source, path: target })}</p>}
          {container.state === 'running' && <p>{t('volumes.attach.confirmRestart')}</p>}
          {confirming.action === 'detach' && detachPreview && <CommandHint command={detachPreview} />}
        </ConfirmDialog>
      )}
    </PanelForm>
  );
}

/**
 * What became of the container just started: still running, or already
 * stopped with its exit code. It starts from the engine's answer right after
 * the start and follows the container's live state (engine events refresh it),
 * so a command that exits a moment later is not reported as running.
 */
function RunOutcome({ started }: { started: { id: string; name: string; state: string; exitCode: number } }) {
  const { t } = useTranslation();
  const live = useQuery(orpc.containers.inspect.queryOptions({ input: { id: started.id } }));
  const state = (live.data as { State?: { Status?: string; ExitCode?: number } } | undefined)?.State;
  const status = state?.Status ?? started.state;
  const exitCode = state?.ExitCode ?? started.exitCode;
  const text =
    status === 'running'
      ? t('volumes.run.doneRunning', { name: started.name })
      : status === 'exited'
        ? t('volumes.run.doneStopped', { name: started.name, code: exitCode })
        : t('volumes.run.doneOther', { name: started.name, state: t(`containers.state.${status}`, { defaultValue: status }) });
  return (
    <p role="status" className="text-sm" data-testid="run-done" data-state={status}>
      {text}{' '}
      <a href={`#containers/${encodeURIComponent(started.id)}/logs`} className="text-sky-800 underline dark:text-sky-300">
        {t('volumes.run.logs')}
      </a>
    </p>
  );
}

function RunNew({ volume }: { volume: VolumeSummary }) {
  const { t } = useTranslation();
  const images = useQuery(orpc.volumes.images.queryOptions());
  const [image, setImage] = useState('');
  const [containerName, setContainerName] = useState('');
  const [target, setTarget] = useState('/data');
  const [command, setCommand] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const run = useMutation(orpc.volumes.run.mutationOptions());
  const chosen = image || images.data?.[0] || '';
  const problem = pathProblem(target, t);
  const nameOk = containerName === '' || /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(containerName);
  return (
    <PanelForm
      title={t('volumes.run.title')}
      onSubmit={() => {
        if (!chosen || problem || !nameOk) return;
        run.mutate({ name: volume.name, image: chosen, target, readOnly, command, ...(containerName ? { containerName } : {}) });
      }}
    >
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.run.image')}</span>
          <select value={chosen} onChange={(event) => setImage(event.target.value)} className={INPUT}>
            {(images.data ?? []).map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.run.name')}</span>
          <input value={containerName} onChange={(event) => setContainerName(event.target.value)} aria-invalid={nameOk ? undefined : true} className={INPUT} spellCheck={false} />
          {!nameOk && <span className="text-red-800 dark:text-red-300">{t('volumes.run.badName')}</span>}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.attach.path')}</span>
          <input value={target} onChange={(event) => setTarget(event.target.value)} aria-invalid={problem ? true : undefined} className={`${INPUT} font-mono`} spellCheck={false} />
          {problem && <span className="text-red-800 dark:text-red-300">{problem}</span>}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.run.command')}</span>
          <input value={command} onChange={(event) => setCommand(event.target.value)} placeholder={t('volumes.example.runCommand')} className={`${INPUT} w-96 font-mono`} spellCheck={false} />
        </label>
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} className="size-4" />
          {t('volumes.attach.readOnly')}
        </label>
      </div>
      <MountKindHelp kind="volume" source={volume.name} mountpoint={volume.mountpoint} />
      <CommandHint command={volumeRun({ volume: volume.name, image: chosen || 'IMAGE', containerName: containerName || undefined, target, readOnly, command })} />
      {images.error && <ErrorNotice error={images.error} />}
      {run.error && <ErrorNotice error={run.error} onDismiss={() => run.reset()} />}
      {run.data && <RunOutcome started={run.data} />}
      <button type="submit" className={PRIMARY} disabled={!chosen || run.isPending}>
        {t('volumes.run.submit')}
      </button>
    </PanelForm>
  );
}

export function AttachPanel({ volume }: { volume: VolumeSummary }) {
  const containers = useQuery(orpc.volumes.containers.queryOptions());
  return (
    <div className="space-y-4">
      {containers.error && <ErrorNotice error={containers.error} />}
      <RunNew volume={volume} />
      <AttachExisting volume={volume} containers={containers.data ?? []} />
    </div>
  );
}
