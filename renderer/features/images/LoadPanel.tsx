import { useState } from 'react';
import { FilePicker } from '../../components/FilePicker';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { CommandHint } from './CommandHint';
import { formatBytes, toBase64 } from './format';
import { ImageError } from './ImageError';
import { button, muted, panel } from './ui';
import { imageLoad } from '../../../electron/api/docker-commands';

/** Matches the server: 512 KiB per frame, well under the web host's 1 MiB limit once in base64. */
const CHUNK = 512 * 1024;

type LoadState = { status: 'idle' } | { status: 'sending'; sent: number; total: number } | { status: 'loading' } | { status: 'done'; loaded: string[] } | { status: 'failed'; error: unknown };

/** `docker load -i FILE.tar`: the tar goes up in chunks, then the engine loads it. */
export function LoadPanel({ onClose, onLoaded }: { onClose: () => void; onLoaded: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | undefined>();
  const [state, setState] = useState<LoadState>({ status: 'idle' });

  const run = async () => {
    if (!file) return;
    let uploadId: string | undefined;
    try {
      uploadId = (await client.images.loadStart({ size: file.size })).uploadId;
      for (let offset = 0; offset < file.size; offset += CHUNK) {
        const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
        await client.images.loadChunk({ uploadId, offset, data: toBase64(bytes) });
        setState({ status: 'sending', sent: Math.min(file.size, offset + CHUNK), total: file.size });
      }
      setState({ status: 'loading' });
      const { loaded } = await client.images.loadFinish({ uploadId });
      setState({ status: 'done', loaded });
      if (loaded[0]) onLoaded(loaded[0]);
    } catch (error) {
      if (uploadId) void client.images.loadCancel({ uploadId }).catch(() => undefined);
      setState({ status: 'failed', error });
    }
  };

  const busy = state.status === 'sending' || state.status === 'loading';
  return (
    <section aria-labelledby="load-title" className={panel}>
      <div className="flex items-center justify-between">
        <h2 id="load-title" className="text-lg font-semibold">
          {t('images.load.title')}
        </h2>
        <button type="button" className={button} onClick={onClose}>
          {t('images.close')}
        </button>
      </div>
      <p className={muted}>{t('images.load.help')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <FilePicker label={t('images.load.file')} accept=".tar,application/x-tar" fileName={file?.name} onFile={setFile} />
        <button type="button" className={button} disabled={!file || busy} onClick={() => void run()}>
          {t('images.load.do')}
        </button>
      </div>
      <CommandHint command={imageLoad(file?.name ?? 'FILE.tar')} />
      {state.status === 'sending' && (
        <p role="status">{t('images.load.sending', { sent: formatBytes(state.sent, i18n.language), total: formatBytes(state.total, i18n.language) })}</p>
      )}
      {state.status === 'loading' && <p role="status">{t('images.load.loading')}</p>}
      {state.status === 'done' && (
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {t('images.load.done', { names: state.loaded.join(', ') })}
        </p>
      )}
      {state.status === 'failed' && <ImageError error={state.error} />}
    </section>
  );
}
