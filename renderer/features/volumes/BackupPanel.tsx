import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeSummary, WorkProgress } from '../../../electron/api/volumes-schemas';
import { client, orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EngineGap } from '../../components/EngineGap';
import { useEngineSupports } from '../../api/engine-supports';
import { ConfirmDialog } from './ConfirmDialog';
import { useNameProblem } from './CreateVolumeForm';
import { splitHostPath, volumeBackup, volumeClone } from '../../../electron/api/docker-commands';
import { backupFileName } from './format';
import { RestorePanel } from './RestorePanel';
import { CommandHint, INPUT, PanelForm, PRIMARY, ProgressLine } from './ui';
import { follow, useWork } from './use-work';
import { volumeHref } from './VolumesPage';

function BackupForm({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'pt-BR' ? 'pt-BR' : 'en';
  const folder = useQuery(orpc.volumes.backupFolder.queryOptions({ input: { language } }));
  const keepsOwners = useEngineSupports('volumeArchiveOwners');
  const [destination, setDestination] = useState<string>();
  const [askOverwrite, setAskOverwrite] = useState(false);
  const work = useWork<WorkProgress>();
  const suggested = folder.data ? `${folder.data.folder}${folder.data.separator}${backupFileName(name)}` : '';
  const path = destination ?? suggested;
  const start = (overwrite: boolean) =>
    work.run(async (signal, report) => {
      try {
        return await follow(await client.volumes.backup({ name, destination: path, overwrite }, { signal }), report);
      } catch (error) {
        if ((error as { code?: string }).code === 'DESTINATION_EXISTS') setAskOverwrite(true);
        throw error;
      }
    }, t('volumes.work.backup', { name }));
  const state = work.state;

  return (
    <PanelForm
      title={t('volumes.backup.title')}
      onSubmit={() => {
        if (path && keepsOwners) void start(false);
      }}
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('volumes.backup.intro')}</p>
      {!keepsOwners && <EngineGap feature="volumeArchiveOwners" name={name} />}
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('volumes.backup.destination')}</span>
        <input value={path} onChange={(event) => setDestination(event.target.value)} className={`${INPUT} w-full max-w-2xl font-mono`} spellCheck={false} />
      </label>
      <CommandHint command={volumeBackup(name, splitHostPath(path || backupFileName(name)))} />
      {state.status === 'running' && (
        <ProgressLine label={t('volumes.backup.running')} files={state.last?.files ?? 0} bytes={state.last?.bytes ?? 0} onCancel={work.cancel} />
      )}
      {state.status === 'done' && state.last?.type === 'done' && (
        <p role="status" className="text-sm" data-testid="backup-done">
          {t('volumes.backup.done', { path: state.last.path, count: state.last.files })}
        </p>
      )}
      {state.status === 'cancelled' && (
        <p role="status" className="text-sm" data-testid="backup-cancelled">
          {t('volumes.backup.cancelled')}
        </p>
      )}
      {state.status === 'error' && !askOverwrite && <ErrorNotice error={state.error} onDismiss={work.reset} />}
      <button type="submit" className={PRIMARY} disabled={state.status === 'running' || !path || !keepsOwners}>
        {t('volumes.backup.submit')}
      </button>
      {askOverwrite && (
        <ConfirmDialog
          title={t('volumes.backup.existsTitle')}
          confirmLabel={t('volumes.backup.replace')}
          danger
          onCancel={() => {
            setAskOverwrite(false);
            work.reset();
          }}
          onConfirm={() => {
            setAskOverwrite(false);
            void start(true);
          }}
        >
          <p className="break-all">{t('volumes.backup.exists', { path })}</p>
        </ConfirmDialog>
      )}
    </PanelForm>
  );
}

function CloneForm({ name, existing }: { name: string; existing: VolumeSummary[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [target, setTarget] = useState(`${name}-copy`);
  const [started, setStarted] = useState<string>();
  const work = useWork<WorkProgress>();
  const state = work.state;
  const keepsOwners = useEngineSupports('volumeArchiveOwners');
  // The copy this form is making (or made) is not "already taken".
  const made = state.status === 'running' || state.status === 'done' ? started : undefined;
  const problem = useNameProblem(target, existing.filter((volume) => volume.name !== made), true);
  return (
    <PanelForm
      title={t('volumes.clone.title')}
      onSubmit={() => {
        if (problem || !keepsOwners) return;
        setStarted(target);
        void work.run(
          async (signal, report) => follow(await client.volumes.clone({ source: name, target }, { signal }), report),
          t('volumes.work.clone', { source: name, target }),
        );
      }}
    >
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-input`}>{t('volumes.clone.name')}</label>
        <input id={`${id}-input`} value={target} onChange={(event) => setTarget(event.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={`${id}-help`} className={`${INPUT} w-72`} spellCheck={false} />
        <span id={`${id}-help`} className={problem ? 'text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}>
          {problem ?? t('volumes.clone.help')}
        </span>
      </div>
      {!keepsOwners && <EngineGap feature="volumeArchiveOwners" name={name} />}
      <CommandHint command={volumeClone(name, target)} />
      {state.status === 'running' && (
        <ProgressLine label={t('volumes.clone.running')} files={state.last?.files ?? 0} bytes={state.last?.bytes ?? 0} onCancel={work.cancel} />
      )}
      {state.status === 'done' && state.last?.type === 'done' && (
        <p role="status" className="text-sm" data-testid="clone-done">
          {t('volumes.clone.done', { name: state.last.volume, count: state.last.files })}{' '}
          <a className="text-sky-800 underline dark:text-sky-300" href={volumeHref(state.last.volume ?? target, 'files')}>
            {t('volumes.open')}
          </a>
        </p>
      )}
      {state.status === 'cancelled' && <p role="status" className="text-sm">{t('volumes.clone.cancelled')}</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} onDismiss={work.reset} />}
      <button type="submit" className={PRIMARY} disabled={state.status === 'running' || !keepsOwners}>
        {t('volumes.clone.submit')}
      </button>
    </PanelForm>
  );
}

export function BackupPanel({ volume, existing }: { volume: VolumeSummary; existing: VolumeSummary[] }) {
  return (
    <div className="space-y-4">
      <BackupForm name={volume.name} />
      <RestorePanel existing={existing} target={volume.name} />
      <CloneForm name={volume.name} existing={existing} />
    </div>
  );
}
