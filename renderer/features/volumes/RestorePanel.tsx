import { useId, useState } from 'react';
import { FilePicker } from '../../components/FilePicker';
import { useTranslation } from 'react-i18next';
import type { VolumeSummary, WorkProgress } from '../../../electron/api/volumes-schemas';
import { client } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ConfirmDialog } from './ConfirmDialog';
import { useNameProblem } from './CreateVolumeForm';
import { splitHostPath, volumeRestore } from '../../../electron/api/docker-commands';
import { sendFile } from './transfer';
import { BUTTON, CommandHint, INPUT, PanelForm, PRIMARY, ProgressLine } from './ui';
import { follow, useWork } from './use-work';
import { volumeHref } from './VolumesPage';

type Step = { phase: 'upload'; bytes: number; total: number } | { phase: 'restore'; event: WorkProgress };

/** Restores a .tar.gz (picked in the window, or a path on this computer) into a new or an existing volume. */
export function RestorePanel({ existing, target, onDone }: { existing: VolumeSummary[]; target?: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File>();
  const [hostPath, setHostPath] = useState('');
  const [name, setName] = useState(target ?? '');
  const [askOverwrite, setAskOverwrite] = useState<string>();
  const [submitted, setSubmitted] = useState(false);
  const [started, setStarted] = useState<string>();
  const work = useWork<Step>();
  // The volume this restore is creating (or created) is not "already taken".
  const made = work.state.status === 'running' || work.state.status === 'done' ? started : undefined;
  const nameProblem = useNameProblem(name, target ? [] : existing.filter((volume) => volume.name !== made), submitted);
  const running = work.state.status === 'running';

  const start = (allowNonEmpty: boolean, uploaded?: string) => {
    setStarted(name);
    return work.run(async (signal, report) => {
      let uploadId = uploaded;
      if (!hostPath && !uploadId && file) {
        uploadId = await sendFile(file, (bytes) => report({ phase: 'upload', bytes, total: file.size }), signal);
      }
      const source = uploadId ? { uploadId } : { path: hostPath };
      try {
        const last = await follow(await client.volumes.restore({ name, source, allowNonEmpty }, { signal }), (event) => report({ phase: 'restore', event }));
        return last ? { phase: 'restore', event: last } : undefined;
      } catch (error) {
        if ((error as { code?: string }).code === 'VOLUME_NOT_EMPTY') setAskOverwrite(uploadId ?? '');
        throw error;
      }
    }, t('volumes.work.restore', { name }));
  };

  const state = work.state;
  const done = state.status === 'done' && state.last?.phase === 'restore' && state.last.event.type === 'done' ? state.last.event : undefined;
  const fileLabel = hostPath || file?.name || 'backup.tar.gz';
  return (
    <PanelForm
      title={target ? t('volumes.restore.intoTitle', { name: target }) : t('volumes.restore.title')}
      onSubmit={() => {
        setSubmitted(true);
        if (nameProblem || (!file && !hostPath) || !name) return;
        void start(false);
      }}
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('volumes.restore.intro')}</p>
      <div className="flex flex-wrap gap-4">
        <FilePicker label={t('volumes.restore.file')} accept=".gz,.tgz,.tar,application/gzip,application/x-tar" fileName={file?.name} onFile={setFile} />
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.restore.path')}</span>
          <input value={hostPath} onChange={(event) => setHostPath(event.target.value)} placeholder={t('volumes.example.backupPath')} className={`${INPUT} w-80 font-mono`} />
        </label>
        {!target && (
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor={`${id}-name-input`}>{t('volumes.restore.newName')}</label>
            <input id={`${id}-name-input`} value={name} onChange={(event) => setName(event.target.value)} aria-invalid={nameProblem ? true : undefined} aria-describedby={`${id}-name`} className={INPUT} spellCheck={false} />
            <span id={`${id}-name`} className={nameProblem ? 'text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}>
              {nameProblem ?? t('volumes.restore.newNameHelp')}
            </span>
          </div>
        )}
      </div>
      {submitted && !file && !hostPath && <p className="text-sm text-red-800 dark:text-red-300">{t('volumes.restore.pickFile')}</p>}
      <CommandHint command={volumeRestore(name || 'NAME', hostPath ? splitHostPath(hostPath) : { file: fileLabel.split('/').pop() || 'BACKUP.tar.gz' })} />
      {state.status === 'running' && state.last?.phase === 'upload' && (
        <ProgressLine label={t('volumes.restore.sending')} bytes={state.last.bytes} totalBytes={state.last.total} onCancel={work.cancel} />
      )}
      {state.status === 'running' && state.last?.phase !== 'upload' && (
        <ProgressLine
          label={t('volumes.restore.running')}
          bytes={state.last?.phase === 'restore' ? state.last.event.bytes : 0}
          totalBytes={state.last?.phase === 'restore' && state.last.event.type === 'progress' ? state.last.event.totalBytes : undefined}
          onCancel={work.cancel}
        />
      )}
      {done && (
        <p role="status" className="text-sm" data-testid="restore-done">
          {t('volumes.restore.done', { name: done.volume ?? name, count: done.files })}{' '}
          {!target && (
            <a className="text-sky-800 underline dark:text-sky-300" href={volumeHref(done.volume ?? name, 'files')}>
              {t('volumes.open')}
            </a>
          )}
        </p>
      )}
      {state.status === 'cancelled' && <p role="status" className="text-sm">{t('volumes.restore.cancelled')}</p>}
      {state.status === 'error' && !askOverwrite && <ErrorNotice error={state.error} onDismiss={work.reset} />}
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY} disabled={running}>
          {t('volumes.restore.submit')}
        </button>
        {onDone && (
          <button type="button" className={BUTTON} onClick={onDone}>
            {t('volumes.close')}
          </button>
        )}
      </div>
      {askOverwrite !== undefined && (
        <ConfirmDialog
          title={t('volumes.restore.notEmptyTitle', { name })}
          confirmLabel={t('volumes.restore.writeAnyway')}
          danger
          onCancel={() => {
            if (askOverwrite) void client.volumes.uploadCancel({ id: askOverwrite }).catch(() => undefined);
            setAskOverwrite(undefined);
            work.reset();
          }}
          onConfirm={() => {
            const uploaded = askOverwrite || undefined;
            setAskOverwrite(undefined);
            void start(true, uploaded);
          }}
        >
          <p>{t('volumes.restore.notEmpty', { name })}</p>
        </ConfirmDialog>
      )}
    </PanelForm>
  );
}
