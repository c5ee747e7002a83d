import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../electron/api/schemas';
import { client } from '../../api/client';
import { containerLifecycle, containerRemove } from '../../../electron/api/docker-commands';
import { CommandHint } from '../../components/CommandHint';
import { BUTTON, DANGER_BUTTON, Dialog } from '../../components/Dialog';
import { isRunning } from './list-filter';

type BulkAction = 'start' | 'stop' | 'remove';

/** Acts on every selected container; reports how many the engine refused. */
export function BulkBar({ containers, onDone }: { containers: ContainerSummary[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const bulk = useMutation({
    mutationFn: async (action: BulkAction) => {
      const results = await Promise.allSettled(
        containers.map((container) => {
          if (action === 'remove') return client.containers.remove({ id: container.id, force: isRunning(container), removeAnonymousVolumes: false });
          if (action === 'start' && isRunning(container)) return Promise.resolve();
          if (action === 'stop' && !isRunning(container)) return Promise.resolve();
          return client.containers[action]({ id: container.id });
        }),
      );
      return results.filter((result) => result.status === 'rejected').length;
    },
    onSuccess: (failures) => {
      if (failures === 0) onDone();
    },
  });
  const names = containers.map((c) => c.name);

  return (
    <div role="region" aria-label={t('containers.bulk.label')} className="flex flex-wrap items-center gap-2 rounded-md bg-sky-50 px-3 py-2 text-sm dark:bg-sky-950">
      <span className="font-medium">{t('containers.bulk.selected', { count: containers.length })}</span>
      <button type="button" className={BUTTON} disabled={bulk.isPending} onClick={() => bulk.mutate('start')} title={containerLifecycle('start', ...names)}>
        {t('containers.bulk.start')}
      </button>
      <button type="button" className={BUTTON} disabled={bulk.isPending} onClick={() => bulk.mutate('stop')} title={containerLifecycle('stop', ...names)}>
        {t('containers.bulk.stop')}
      </button>
      <button type="button" className={BUTTON} disabled={bulk.isPending} onClick={() => setConfirming(true)}>
        {t('containers.bulk.remove')}
      </button>
      {bulk.isPending && <span role="status">{t('containers.bulk.working')}</span>}
      {bulk.data ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {t('containers.bulk.failures', { count: bulk.data })}
        </span>
      ) : null}
      {confirming && (
        <Dialog title={t('containers.bulk.removeTitle', { count: containers.length })} onClose={() => setConfirming(false)}>
          <div className="space-y-3 text-sm">
            <ul tabIndex={0} aria-label={t('containers.bulk.listLabel')} className="ml-5 max-h-40 list-disc overflow-auto font-mono text-xs">
              {containers.map((c) => (
                <li key={c.id}>{c.name}</li>
              ))}
            </ul>
            <p>{t('containers.bulk.removeKeeps')}</p>
            <CommandHint command={containerRemove(names, { force: true })} />
            <div className="flex justify-end gap-2">
              <button type="button" className={BUTTON} onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className={DANGER_BUTTON}
                onClick={() => {
                  setConfirming(false);
                  bulk.mutate('remove');
                }}
              >
                {t('containers.bulk.removeConfirm', { count: containers.length })}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </div>
  );
}
