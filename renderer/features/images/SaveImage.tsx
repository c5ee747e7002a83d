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

  const run = async () => {
    const value = await save.start(reference);
    if (!value) return;
    const url = URL.createObjectURL(new Blob(value.parts, { type: 'application/x-tar' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
        {save.status === 'done' && <span role="status">{t('images.save.done', { size: formatBytes(save.value.bytes, i18n.language) })}</span>}
      </div>
      <CommandHint command={imageSave(reference, fileName)} />
      {save.status === 'failed' && <ImageError error={save.error} />}
    </section>
  );
}
