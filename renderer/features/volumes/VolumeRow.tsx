import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeState } from '../containers/status-text';
import type { ScanEvent } from '../../../electron/api/volumes-schemas';
import { client } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { relativeTime } from '../containers/format';
import { formatBytes } from './format';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { BUTTON, ProgressLine } from './ui';
import { follow, useWork } from './use-work';
import type { VolumeWithUsage } from './volume-usage';
import { volumeHref } from './VolumesPage';

/** Measures a volume on request (walking it can take a while), with progress and Cancel. */
export function SizeCell({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const work = useWork<ScanEvent>();
  const { state } = work;
  const measure = () =>
    work.run(async (signal, report) => follow(await client.volumes.scan({ name, entries: false }, { signal }), report));
  if (state.status === 'running') {
    const last = state.last && state.last.type !== 'entries' ? state.last : { files: 0, bytes: 0 };
    return <ProgressLine label={t('volumes.size.measuring')} files={last.files} bytes={last.bytes} onCancel={work.cancel} />;
  }
  if (state.status === 'done' && state.last?.type === 'done') {
    return (
      <span data-testid="volume-size">
        {t('volumes.size.result', { size: formatBytes(state.last.bytes, i18n.language), count: state.last.files })}
      </span>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" className={BUTTON} onClick={() => void measure()} aria-label={t('volumes.size.measureLabel', { name })}>
        {t('volumes.size.measure')}
      </button>
      {state.status === 'cancelled' && <span className="text-xs">{t('volumes.size.cancelled')}</span>}
      {state.status === 'error' && <ErrorNotice error={state.error} onDismiss={work.reset} />}
    </span>
  );
}

/** One line while the usage loads (the same height as "not used"), so the row does not jump for an unused volume. */
export function UsedBy({ volume }: { volume: VolumeWithUsage }) {
  const { t } = useTranslation();
  if (!volume.usedBy) {
    return (
      <span aria-busy="true" data-testid="usage-loading" className="text-slate-700 dark:text-slate-300">
        {t('volumes.usageLoading')}
      </span>
    );
  }
  if (volume.usedBy.length === 0) return <span className="text-slate-700 dark:text-slate-300">{t('volumes.unused')}</span>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label={t('volumes.usedByLabel', { name: volume.name })}>
      {volume.usedBy.map((user) => (
        <li key={user.id}>
          <a href="#containers" className="text-sky-800 underline dark:text-sky-300" title={`${user.destination}${user.readOnly ? ' (ro)' : ''}`}>
            {user.name}
          </a>{' '}
          <span className="text-xs text-slate-700 dark:text-slate-300">
            ({localizeState(user.state, t)}, {user.destination})
          </span>
        </li>
      ))}
    </ul>
  );
}

export function VolumeRow({ volume }: { volume: VolumeWithUsage }) {
  const { t, i18n } = useTranslation();
  const [removing, setRemoving] = useState(false);
  const created = volume.createdAt ? Date.parse(volume.createdAt) / 1000 : undefined;
  return (
    <div data-testid="volume-row" data-name={volume.name} className="grid grid-cols-[minmax(12rem,2fr)_minmax(10rem,2fr)_minmax(9rem,1.2fr)_auto] items-start gap-3 px-3 py-2 text-sm">
      <div className="min-w-0">
        <a href={volumeHref(volume.name)} className="font-medium break-all text-sky-800 underline dark:text-sky-300">
          {volume.anonymous ? `${volume.name.slice(0, 12)}…` : volume.name}
        </a>
        <div className="text-xs text-slate-700 dark:text-slate-300">
          {volume.driver}
          {volume.anonymous && ` · ${t('volumes.anonymous')}`}
          {created !== undefined && (
            <>
              {' · '}
              <time dateTime={volume.createdAt}>{relativeTime(created, i18n.language)}</time>
            </>
          )}
        </div>
        <div className="truncate font-mono text-xs text-slate-700 dark:text-slate-300" title={volume.mountpoint}>
          {volume.mountpoint}
        </div>
      </div>
      <div className="min-w-0">
        <span className="sr-only">{t('volumes.column.usedBy')}: </span>
        <UsedBy volume={volume} />
      </div>
      <div>
        <SizeCell name={volume.name} />
      </div>
      <div className="flex gap-2">
        <a href={volumeHref(volume.name, 'files')} className={BUTTON} aria-label={t('volumes.openLabel', { name: volume.name })}>
          {t('volumes.open')}
        </a>
        <button type="button" className={BUTTON} onClick={() => setRemoving(true)} aria-label={t('volumes.remove.label', { name: volume.name })}>
          {t('volumes.remove.button')}
        </button>
      </div>
      {removing && <RemoveVolumeDialog volume={volume} onClose={() => setRemoving(false)} />}
    </div>
  );
}
