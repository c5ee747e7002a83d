import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent, VolumeEntry } from '../../../electron/api/volumes-schemas';
import { client, orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { baseName, buildTree } from './file-tree';
import { formatBytes, formatMode } from './format';
import { saveDownload, sendFile, type ReadyDownload } from './transfer';
import { BUTTON, CommandHint, ProgressLine } from './ui';
import { useWork } from './use-work';
import { volumeList } from '../../../electron/api/docker-commands';
import { showControls } from '../../components/visible-text';
import { useEngineSupports } from '../../api/engine-supports';

type ScanState = { files: number; bytes: number; entries: VolumeEntry[]; truncated?: boolean };

function TextViewer({ name, path, onClose }: { name: string; path: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({ ...orpc.volumes.readText.queryOptions({ input: { name, path } }), staleTime: 0, gcTime: 0, retry: false });
  const code = (query.error as { code?: string } | null)?.code;
  return (
    <section aria-label={t('volumes.files.viewing', { path })} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="text-viewer">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-mono text-sm font-medium break-all">{path}</h3>
        <button type="button" className={BUTTON} onClick={onClose}>
          {t('volumes.close')}
        </button>
      </div>
      {query.isPending && <p aria-busy="true">{t('volumes.loading')}</p>}
      {code === 'BINARY_FILE' ? <p>{t('volumes.files.binary')}</p> : query.error && <ErrorNotice error={query.error} />}
      {query.data && (
        <>
          {query.data.truncated && <p className="text-xs">{t('volumes.files.truncated', { size: formatBytes(query.data.size, i18n.language) })}</p>}
          <pre tabIndex={0} className="max-h-80 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-slate-900">
            {query.data.text}
          </pre>
        </>
      )}
    </section>
  );
}

/**
 * The volume's files, read through the archive API of a helper that is
 * created but never started: works on any volume, without pulling an image.
 */
export function FileBrowser({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  // Podman's archive API says 0:0 for every file: show no owner rather than a wrong one.
  const ownersKnown = useEngineSupports('volumeArchiveOwners');
  const [dir, setDir] = useState('');
  const [viewing, setViewing] = useState<string>();
  const scan = useWork<ScanState>();
  const transfer = useWork<{ label: string; bytes: number; total?: number }>();
  const uploadInput = useRef<HTMLInputElement>(null);
  const [ready, setReady] = useState<ReadyDownload>();
  useEffect(() => () => {
    if (ready) URL.revokeObjectURL(ready.url);
  }, [ready]);

  const runScan = scan.run;
  const rescan = useCallback(
    () =>
      runScan(async (signal, report) => {
        const state: ScanState = { files: 0, bytes: 0, entries: [] };
        for await (const event of await client.volumes.scan({ name, entries: true }, { signal })) {
          const e = event as ScanEvent;
          if (e.type === 'entries') state.entries.push(...e.entries);
          else {
            state.files = e.files;
            state.bytes = e.bytes;
            if (e.type === 'done') state.truncated = e.truncated;
          }
          report({ ...state });
        }
        return state;
      }),
    [name, runScan],
  );
  useEffect(() => {
    void rescan();
  }, [rescan]);

  const result = scan.state.status === 'done' ? scan.state.last : undefined;
  const tree = useMemo(() => (result ? buildTree(result.entries) : undefined), [result]);
  const rows = tree?.children.get(dir) ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 40, overscan: 10 });

  const download = (path: string) =>
    transfer.run(async (signal, report) => {
      const label = t('volumes.files.downloading', { name: baseName(path) || name });
      setReady(undefined);
      setReady(await saveDownload(await client.volumes.download({ name, path }, { signal }), (bytes) => report({ label, bytes })));
    });
  const upload = (files: File[]) =>
    transfer.run(async (signal, report) => {
      for (const file of files) {
        const label = t('volumes.files.uploading', { name: file.name });
        const uploadId = await sendFile(file, (bytes) => report({ label, bytes, total: file.size }), signal);
        await client.volumes.putFile({ name, dir, fileName: file.name, uploadId });
      }
      await rescan();
    });

  const crumbs = dir ? dir.split('/') : [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label={t('volumes.files.breadcrumbs')}>
          <ol className="flex flex-wrap items-center gap-1 font-mono text-sm">
            <li>
              <button type="button" className="text-sky-800 underline dark:text-sky-300" onClick={() => setDir('')} aria-current={dir === '' ? 'location' : undefined}>
                {name}:/
              </button>
            </li>
            {crumbs.map((part, index) => {
              const path = crumbs.slice(0, index + 1).join('/');
              return (
                <li key={path} className="flex items-center gap-1">
                  <span aria-hidden="true">/</span>
                  <button type="button" className="text-sky-800 underline dark:text-sky-300" onClick={() => setDir(path)} aria-current={path === dir ? 'location' : undefined}>
                    {part}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={BUTTON} onClick={() => void rescan()} disabled={scan.state.status === 'running'}>
            {t('volumes.files.refresh')}
          </button>
          <button type="button" className={BUTTON} onClick={() => void download(dir)} disabled={transfer.state.status === 'running'}>
            {t('volumes.files.downloadFolder')}
          </button>
          <label className={`${BUTTON} cursor-pointer`}>
            {t('volumes.files.upload')}
            <input
              ref={uploadInput}
              type="file"
              multiple
              className="sr-only"
              data-testid="upload-input"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                if (files.length) void upload(files);
              }}
            />
          </label>
        </div>
      </div>
      <CommandHint command={volumeList(name, dir)} />
      {scan.state.status === 'running' && (
        <ProgressLine label={t('volumes.files.reading')} files={scan.state.last?.files ?? 0} bytes={scan.state.last?.bytes ?? 0} onCancel={scan.cancel} />
      )}
      {scan.state.status === 'cancelled' && <p role="status">{t('volumes.files.scanCancelled')}</p>}
      {scan.state.status === 'error' && <ErrorNotice error={scan.state.error} onDismiss={scan.reset} />}
      {transfer.state.status === 'running' && transfer.state.last && (
        <ProgressLine label={transfer.state.last.label} bytes={transfer.state.last.bytes} totalBytes={transfer.state.last.total} onCancel={transfer.cancel} />
      )}
      {ready && transfer.state.status === 'done' && (
        <p role="status" className="text-sm">
          {t('volumes.files.ready')}{' '}
          <a href={ready.url} download={ready.fileName} autoFocus className="font-medium text-sky-800 underline dark:text-sky-300" data-testid="download-ready">
            {t('volumes.files.save', { name: ready.fileName, size: formatBytes(ready.size, i18n.language) })}
          </a>
        </p>
      )}
      {transfer.state.status === 'error' && <ErrorNotice error={transfer.state.error} onDismiss={transfer.reset} />}
      {result?.truncated && <p role="status">{t('volumes.files.truncatedTree')}</p>}
      {tree && rows.length === 0 && <p className="text-slate-700 dark:text-slate-300">{t('volumes.files.emptyFolder')}</p>}
      {rows.length > 0 && (
        <div ref={scroller} className="max-h-[55vh] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <div role="table" aria-label={t('volumes.files.tableLabel', { path: `${name}:/${dir}` })} aria-rowcount={rows.length + 1} className="text-sm">
            <div role="rowgroup" className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-900">
              <div role="row" className="grid grid-cols-[1fr_7rem_7rem_6rem_9rem] gap-2 px-3 py-2 font-medium text-slate-700 dark:text-slate-300">
                <span role="columnheader">{t('volumes.files.name')}</span>
                <span role="columnheader">{t('volumes.files.size')}</span>
                <span role="columnheader">{t('volumes.files.mode')}</span>
                <span role="columnheader">{t('volumes.files.owner')}</span>
                <span role="columnheader">{t('volumes.column.actions')}</span>
              </div>
            </div>
            <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const entry = rows[item.index];
                const label = showControls(baseName(entry.path));
                const size = entry.type === 'directory' ? (tree?.folderBytes.get(entry.path) ?? 0) : entry.size;
                return (
                  <div
                    key={entry.path}
                    role="row"
                    aria-rowindex={item.index + 2}
                    data-testid="file-row"
                    data-path={entry.path}
                    className="absolute left-0 top-0 grid w-full grid-cols-[1fr_7rem_7rem_6rem_9rem] items-center gap-2 border-t border-slate-100 px-3 py-1.5 dark:border-slate-800"
                    style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                  >
                    <span role="cell" className="min-w-0 truncate">
                      {entry.type === 'directory' ? (
                        <button type="button" className="font-medium text-sky-800 underline dark:text-sky-300" onClick={() => setDir(entry.path)}>
                          {label}/
                        </button>
                      ) : entry.type === 'file' ? (
                        <button type="button" className="text-left text-sky-800 underline dark:text-sky-300" onClick={() => setViewing(entry.path)} aria-label={t('volumes.files.view', { name: label })}>
                          {label}
                        </button>
                      ) : (
                        <span>
                          {label}
                          {entry.linkTarget !== undefined && <span className="font-mono text-xs text-slate-700 dark:text-slate-300"> → {showControls(entry.linkTarget)}</span>}
                        </span>
                      )}
                    </span>
                    <span role="cell" className="tabular-nums">{entry.type === 'symlink' ? '—' : formatBytes(size, i18n.language)}</span>
                    <span role="cell" className="font-mono text-xs">{formatMode(entry.mode, entry.type)}</span>
                    <span role="cell" className="font-mono text-xs" title={ownersKnown ? undefined : t('volumes.files.ownerUnknown')}>
                      {ownersKnown ? `${entry.uid}:${entry.gid}` : '—'}
                    </span>
                    <span role="cell">
                      {entry.type !== 'symlink' && entry.type !== 'other' && (
                        <button type="button" className={BUTTON} onClick={() => void download(entry.path)} aria-label={t('volumes.files.downloadLabel', { name: label })} disabled={transfer.state.status === 'running'}>
                          {t('volumes.files.download')}
                        </button>
                      )}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      {viewing && <TextViewer name={name} path={viewing} onClose={() => setViewing(undefined)} />}
    </div>
  );
}
