import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ConfirmDialog } from './ConfirmDialog';
import { BUTTON, CommandHint } from './ui';
import { volumeRemove } from '../../../electron/api/docker-commands';

/** Lists exactly the volumes that would go, and removes those (and only those) once confirmed. */
export function PruneButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<{ removed: string[]; kept: { name: string }[] }>();
  return (
    <>
      <button type="button" className={BUTTON} onClick={() => setOpen(true)}>
        {t('volumes.prune.open')}
      </button>
      {open && <PruneDialog onClose={() => setOpen(false)} onDone={(outcome) => setResult(outcome)} />}
      {result && (
        <p role="status" className="w-full text-sm">
          {t('volumes.prune.result', { count: result.removed.length })}
          {result.kept.length > 0 && ` ${t('volumes.prune.kept', { names: result.kept.map((kept) => kept.name).join(', ') })}`}
        </p>
      )}
    </>
  );
}

function PruneDialog({ onClose, onDone }: { onClose: () => void; onDone: (result: { removed: string[]; kept: { name: string }[] }) => void }) {
  const { t } = useTranslation();
  const listId = useId();
  const candidates = useQuery({ ...orpc.volumes.pruneCandidates.queryOptions(), staleTime: 0, gcTime: 0 });
  const prune = useMutation(orpc.volumes.prune.mutationOptions());
  const names = candidates.data ?? [];
  return (
    <ConfirmDialog
      title={t('volumes.prune.title')}
      confirmLabel={names.length ? t('volumes.prune.confirm', { count: names.length }) : t('volumes.close')}
      danger={names.length > 0}
      busy={candidates.isPending || prune.isPending}
      onCancel={onClose}
      onConfirm={() => {
        if (names.length === 0) return onClose();
        prune.mutate(
          { names },
          {
            onSuccess: (result) => {
              onDone(result);
              onClose();
            },
          },
        );
      }}
    >
      {candidates.isPending && <p aria-busy="true">{t('volumes.loading')}</p>}
      {candidates.error && <ErrorNotice error={candidates.error} />}
      {candidates.isSuccess && names.length === 0 && <p>{t('volumes.prune.nothing')}</p>}
      {names.length > 0 && (
        <>
          <p id={listId}>{t('volumes.prune.warning', { count: names.length })}</p>
          <ul tabIndex={0} aria-labelledby={listId} data-testid="prune-list" className="max-h-48 list-disc overflow-auto pl-5 font-mono text-xs">
            {names.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          <CommandHint command={volumeRemove(...names)} />
        </>
      )}
      {prune.error && <ErrorNotice error={prune.error} />}
    </ConfirmDialog>
  );
}
