import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { CommandHint } from './CommandHint';
import { ImageError } from './ImageError';
import { button, dangerButton } from './ui';
import { imageRemove } from '../../../electron/api/docker-commands';

/**
 * `docker rmi`: asks first, naming what goes. When containers use the image
 * the engine's refusal is shown with their names, and forcing is offered
 * with what it means.
 */
export function RemoveImage({ reference, onRemoved }: { reference: string; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(orpc.images.remove.mutationOptions({ onSuccess: onRemoved }));
  const error = remove.error as { code?: string; data?: { containers?: string[] } } | null;
  const inUse = error?.code === 'IMAGE_IN_USE' ? (error.data?.containers ?? []) : undefined;

  return (
    <section aria-labelledby="remove-title" className="space-y-2">
      <h3 id="remove-title" className="text-base font-semibold">
        {t('images.remove.title')}
      </h3>
      {!confirming ? (
        <button type="button" className={button} onClick={() => setConfirming(true)}>
          {t('images.remove.ask', { name: reference })}
        </button>
      ) : inUse ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
          <p>{t('images.remove.inUse', { count: inUse.length, names: inUse.join(', ') })}</p>
          <p>{t('images.remove.forceMeans')}</p>
          <div className="flex gap-2">
            <button type="button" className={dangerButton} onClick={() => remove.mutate({ reference, force: true })} disabled={remove.isPending}>
              {t('images.remove.force')}
            </button>
            <button type="button" className={button} onClick={() => (remove.reset(), setConfirming(false))}>
              {t('images.cancel')}
            </button>
          </div>
          <CommandHint command={imageRemove(reference, true)} />
        </div>
      ) : (
        <div className="space-y-2 rounded-md border border-red-300 p-3 text-sm dark:border-red-800">
          <p>{t('images.remove.confirm', { name: reference })}</p>
          <div className="flex gap-2">
            <button type="button" className={dangerButton} onClick={() => remove.mutate({ reference, force: false })} disabled={remove.isPending}>
              {t('images.remove.do')}
            </button>
            <button type="button" className={button} onClick={() => setConfirming(false)}>
              {t('images.cancel')}
            </button>
          </div>
          <CommandHint command={imageRemove(reference)} />
        </div>
      )}
      {remove.isError && !inUse && <ImageError error={remove.error} onDismiss={() => remove.reset()} />}
    </section>
  );
}
