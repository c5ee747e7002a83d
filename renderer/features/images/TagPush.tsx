import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, orpc } from '../../api/client';
import { CommandHint } from './CommandHint';
import { ImageError } from './ImageError';
import { TransferProgress } from './TransferProgress';
import { initialTransfer, reduceTransfer } from './transfer';
import { button, input, muted, primaryButton } from './ui';
import { useActionStream } from '../../api/use-action-stream';
import { imagePush, imageTag } from '../../../electron/api/docker-commands';
import { HeadingWithTerm } from '../glossary/Term';

/** `docker tag` then, optionally, `docker push` of the new name. */
export function TagPush({ source }: { source: string }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const tag = useMutation(orpc.images.tag.mutationOptions());
  const push = useActionStream(
    (reference: string, signal) => client.images.push({ reference }, { signal }),
    reduceTransfer,
    initialTransfer,
    (reference) => t('images.push.running', { reference }),
  );
  const name = target.trim();

  return (
    <section aria-labelledby="tag-title" className="space-y-2">
      <HeadingWithTerm id="tag-title" level={3} word="registry">
        {t('images.tag.title')}
      </HeadingWithTerm>
      <p className={muted}>{t('images.tag.help')}</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-72 flex-1 flex-col gap-1 text-sm">
          {t('images.tag.target')}
          <input className={input} value={target} onChange={(event) => setTarget(event.target.value)} placeholder={t('images.example.target')} spellCheck={false} />
        </label>
        <button type="button" className={button} disabled={tag.isPending} onClick={() => tag.mutate({ source, target: name })}>
          {t('images.tag.tag')}
        </button>
        <button
          type="button"
          className={primaryButton}
          disabled={push.status === 'running'}
          onClick={async () => {
            try {
              await tag.mutateAsync({ source, target: name });
            } catch {
              return;
            }
            void push.start(name);
          }}
        >
          {t('images.tag.tagAndPush')}
        </button>
        {push.status === 'running' && (
          <button type="button" className={button} onClick={push.cancel}>
            {t('images.cancel')}
          </button>
        )}
      </div>
      <CommandHint command={imageTag(source, name || 'REGISTRY/NAME:TAG')} />
      <CommandHint command={imagePush(name || 'REGISTRY/NAME:TAG')} />
      {tag.isSuccess && push.status === 'idle' && <p role="status">{t('images.tag.tagged', { target: tag.data.target })}</p>}
      {tag.isError && <ImageError error={tag.error} onDismiss={() => tag.reset()} />}
      <TransferProgress value={push.value} status={push.status} kind="push" />
      {push.status === 'done' && push.value.done && (
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {t('images.push.done', { reference: push.value.done.reference, digest: push.value.done.digest ?? '' })}
        </p>
      )}
      {push.status === 'failed' && <ImageError error={push.error} />}
      <p className={muted}>{t('images.push.loginHint')}</p>
    </section>
  );
}
