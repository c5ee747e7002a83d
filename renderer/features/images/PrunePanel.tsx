import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { CommandHint } from './CommandHint';
import { formatBytes, shortId } from './format';
import { ImageError } from './ImageError';
import { button, dangerButton, muted, panel } from './ui';
import { imagePrune } from '../../../electron/api/docker-commands';

/** `docker image prune [-a]`: lists exactly what goes and the space, then asks. */
export function PrunePanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const [all, setAll] = useState(false);
  const preview = useQuery({ ...orpc.images.prunePreview.queryOptions({ input: { all } }), staleTime: 0 });
  const prune = useMutation(orpc.images.prune.mutationOptions());
  const going = preview.data?.images ?? [];

  return (
    <section aria-labelledby="prune-title" className={panel}>
      <div className="flex items-center justify-between">
        <h2 id="prune-title" className="text-lg font-semibold">
          {t('images.prune.title')}
        </h2>
        <button type="button" className={button} onClick={onClose}>
          {t('images.close')}
        </button>
      </div>
      <fieldset className="space-y-1 text-sm">
        <legend className="sr-only">{t('images.prune.which')}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="prune" checked={!all} onChange={() => (setAll(false), prune.reset())} />
          {t('images.prune.dangling')}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="prune" checked={all} onChange={() => (setAll(true), prune.reset())} />
          {t('images.prune.unused')}
        </label>
      </fieldset>
      <CommandHint command={imagePrune(all)} />
      {preview.isPending && <p aria-busy="true">{t('images.prune.loading')}</p>}
      {preview.isError && <ImageError error={preview.error} />}
      {preview.isSuccess && !prune.isSuccess && (
        <>
          {going.length === 0 ? (
            <p className={muted}>{t('images.prune.nothing')}</p>
          ) : (
            <>
              <p id={listId} className="text-sm font-medium">
                {t('images.prune.summary', { count: going.length, size: formatBytes(preview.data.size, i18n.language) })}
              </p>
              <ul tabIndex={0} aria-labelledby={listId} className="max-h-48 overflow-auto text-sm" data-testid="prune-list">
                {going.map((image) => (
                  <li key={image.id} className="font-mono text-xs" data-id={image.id}>
                    {image.repoTags[0] ?? t('images.untagged')} · {shortId(image.id)} · {formatBytes(image.size, i18n.language)}
                  </li>
                ))}
              </ul>
              <p className={muted}>{t('images.prune.sharedNote')}</p>
              <button type="button" className={dangerButton} disabled={prune.isPending} onClick={() => prune.mutate({ all })}>
                {t('images.prune.do', { count: going.length })}
              </button>
            </>
          )}
        </>
      )}
      {prune.isSuccess && (
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {t('images.prune.done', { count: prune.data.deleted.length, size: formatBytes(prune.data.spaceReclaimed, i18n.language) })}
        </p>
      )}
      {prune.isError && <ImageError error={prune.error} />}
    </section>
  );
}
