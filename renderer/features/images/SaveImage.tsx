import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { CommandHint } from './CommandHint';
import { formatBytes, fromBase64 } from './format';
import { ImageError } from './ImageError';
import { button } from './ui';
import { useActionStream } from '../../api/use-action-stream';
import { imageSave } from '../../../electron/api/docker-commands';

interface SaveValue {
  parts: Uint8Array<ArrayBuffer>[];
  bytes: number;
}

/** `docker save -o NAME.tar`: the tar arrives in chunks and is offered as a download. */
export function SaveImage({ reference }: { reference: string }) {
  const { t, i18n } = useTranslation();
  const save = useActionStream(
    (ref: string, signal) => client.images.save({ reference: ref }, { signal }),
    (value: SaveValue, event): SaveValue => {
      if (event.type !== 'chunk') return value;
      const bytes = fromBase64(event.data);
      return { parts: [...value.parts, bytes], bytes: value.bytes + bytes.length };
    },
    { parts: [], bytes: 0 },
    (ref) => t('images.save.running', { reference: ref }),
  );
  const fileName = `${reference.replace(/[^a-zA-Z0-9_.-]+/g, '_')}.tar`;

  // The file is offered as a link the user clicks: a download started from code
  // after the stream ends no longer counts as the user's click, and browsers block it.
  const [ready, setReady] = useState<{ url: string; size: number }>();
  useEffect(() => () => {
    if (ready) URL.revokeObjectURL(ready.url);
  }, [ready]);

  const run = async () => {
    setReady(undefined);
    const value = await save.start(reference);
    if (!value) return;
    setReady({ url: URL.createObjectURL(new Blob(value.parts, { type: 'application/x-tar' })), size: value.bytes });
  };

  return (
    <section aria-labelledby="save-title" className="space-y-2">
      <h3 id="save-title" className="text-base font-semibold">
        {t('images.save.title')}
      </h3>
      <div className="flex items-center gap-2">
        <button type="button" className={button} onClick={() => void run()} disabled={save.status === 'running'}>
          {t('images.save.do', { file: fileName })}
        </button>
        {save.status === 'running' && (
          <>
            <span role="status">{t('images.save.progress', { size: formatBytes(save.value.bytes, i18n.language) })}</span>
            <button type="button" className={button} onClick={save.cancel}>
              {t('images.cancel')}
            </button>
          </>
        )}
        {save.status === 'done' && ready && (
          <span role="status">
            {t('images.save.ready')}{' '}
            <a href={ready.url} download={fileName} className="text-sky-800 underline dark:text-sky-300" data-testid="save-download">
              {t('images.save.download', { file: fileName, size: formatBytes(ready.size, i18n.language) })}
            </a>
          </span>
        )}
      </div>
      <CommandHint command={imageSave(reference, fileName)} />
      {save.status === 'failed' && <ImageError error={save.error} />}
    </section>
  );
}
