import { ClosablePanel } from './ClosablePanel';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { CommandHint } from './CommandHint';
import { ImageError } from './ImageError';
import { TransferProgress } from './TransferProgress';
import { initialTransfer, nothingToTransfer, reduceTransfer } from './transfer';
import { button, input, muted, primaryButton } from './ui';
import { useActionStream } from '../../api/use-action-stream';
import { imagePull } from '../../../electron/api/docker-commands';
import { TermHelp } from '../glossary/Term';

/** `docker pull`: any name, name:tag, name@digest, or a registry host:port/name. */
export function PullPanel({ initial, onClose }: { initial?: { reference: string; start: boolean }; onClose: () => void }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState(initial?.reference ?? '');
  const pull = useActionStream(
    (value: string, signal) => client.images.pull({ reference: value }, { signal }),
    reduceTransfer,
    initialTransfer,
    (value) => t('images.pull.running', { reference: value }),
  );
  const { start } = pull;

  useEffect(() => {
    if (initial?.start && initial.reference) void start(initial.reference);
  }, [initial, start]);

  return (
    <ClosablePanel id="pull" title={t('images.pull.title')} onClose={onClose}>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void pull.start(reference.trim());
        }}
      >
        <div className="flex min-w-72 flex-1 flex-col gap-1 text-sm">
          <span className="flex items-center gap-1">
            <label htmlFor="pull-reference">{t('images.pull.reference')}</label>
            <TermHelp word="registry" />
          </span>
          <input
            id="pull-reference"
            className={input}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            placeholder={t('images.example.pull')}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button type="submit" className={primaryButton} disabled={pull.status === 'running'}>
          {t('images.pull.start')}
        </button>
        {pull.status === 'running' && (
          <button type="button" className={button} onClick={pull.cancel}>
            {t('images.cancel')}
          </button>
        )}
      </form>
      <p className={muted}>{t('images.pull.help')}</p>
      <CommandHint command={imagePull(reference.trim() || 'NAME[:TAG|@DIGEST]')} />
      <TransferProgress value={pull.value} status={pull.status} kind="pull" />
      {pull.status === 'done' && pull.value.done && (
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {t(nothingToTransfer(pull.value) ? 'images.pull.upToDate' : 'images.pull.done', { reference: pull.value.done.reference })}
        </p>
      )}
      {pull.status === 'cancelled' && <p role="status">{t('images.pull.cancelled')}</p>}
      {pull.status === 'failed' && <ImageError error={pull.error} />}
    </ClosablePanel>
  );
}
