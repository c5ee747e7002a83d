import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiskKind } from '../../../electron/api/system-schemas';
import { client, orpc } from '../../api/client';
import { BUTTON, DANGER_BUTTON, Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../images/format';
import { pruneItems } from '../../../electron/api/docker-commands';
import { CommandHint } from '../../components/CommandHint';

/**
 * Lists exactly what goes and asks first. Named volumes are never taken by
 * default: each one is listed with its own unticked box.
 */
export function PruneDialog({ kind, onClose }: { kind: DiskKind; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  // A snapshot, outside the keys engine events refresh: what the user confirms is what they saw.
  const preview = useQuery({
    queryKey: ['prune-snapshot', kind],
    queryFn: () => client.system.prunePreview({ kind }),
    staleTime: Infinity,
    gcTime: 0,
  });
  const prune = useMutation(orpc.system.prune.mutationOptions());
  const [namedChosen, setNamedChosen] = useState<Set<string>>(new Set());
  const items = preview.data ?? [];
  const plain = items.filter((item) => !item.named);
  const named = items.filter((item) => item.named);
  const going = [...plain, ...named.filter((item) => namedChosen.has(item.id))];
  const kindLabel = t(`learn.dashboard.kindInSentence.${kind}`);
  const bytes = (value: number) => formatBytes(value, i18n.language);
  const toggle = (id: string) =>
    setNamedChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Dialog title={t('learn.prune.title', { kind: kindLabel })} onClose={onClose}>
      <div className="space-y-3 text-sm" data-testid="prune-dialog">
        <p>{t(`learn.prune.explain.${kind}`)}</p>
        {preview.isPending && <p aria-busy="true">{t('learn.prune.loading')}</p>}
        {preview.isError && <ErrorNotice error={preview.error} />}
        {preview.isSuccess && !prune.isSuccess && items.length === 0 && <p>{t('learn.prune.nothing')}</p>}
        {preview.isSuccess && !prune.isSuccess && plain.length > 0 && (
          <>
            <p id={listId} className="font-medium">{t('learn.prune.willGo', { count: plain.length })}</p>
            <ul tabIndex={0} aria-labelledby={listId} className="max-h-40 overflow-auto font-mono text-xs" data-testid="prune-items">
              {plain.map((item) => (
                <li key={item.id} data-id={item.id}>
                  {item.name} · {bytes(item.size)}
                </li>
              ))}
            </ul>
          </>
        )}
        {preview.isSuccess && !prune.isSuccess && named.length > 0 && (
          <fieldset className="rounded-md border border-amber-400 p-2">
            <legend className="px-1 font-medium">{t('learn.prune.namedTitle')}</legend>
            <p className="mb-1">{t('learn.prune.namedHelp')}</p>
            {named.map((item) => (
              <label key={item.id} className="flex min-h-7 items-center gap-2 font-mono text-xs">
                <input type="checkbox" className="size-4" checked={namedChosen.has(item.id)} onChange={() => toggle(item.id)} />
                {t('learn.prune.alsoRemove', { name: item.name, size: bytes(item.size) })}
              </label>
            ))}
          </fieldset>
        )}
        {preview.isSuccess && !prune.isSuccess && going.length > 0 && (
          // Containers by name, as a person would type them; the rest by id, as the activity log records them.
          <CommandHint command={pruneItems(kind, going.map((item) => (kind === 'containers' ? item.name : item.id)))} />
        )}
        {prune.isSuccess && (
          <div role="status" data-testid="prune-done">
            <p className="font-medium">{t('learn.prune.done', { count: prune.data.removed.length, size: bytes(prune.data.spaceReclaimed) })}</p>
            {prune.data.kept.length > 0 && (
              <ul className="mt-1 text-xs">
                {prune.data.kept.map((kept) => (
                  <li key={kept.id}>{t('learn.prune.kept', { id: kept.id.slice(0, 24), reason: kept.reason })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {prune.isError && <ErrorNotice error={prune.error} />}
        <div className="flex justify-end gap-2">
          <button type="button" className={BUTTON} onClick={onClose}>
            {prune.isSuccess ? t('learn.close') : t('learn.cancel')}
          </button>
          {preview.isSuccess && !prune.isSuccess && going.length > 0 && (
            <button
              type="button"
              className={DANGER_BUTTON}
              disabled={prune.isPending}
              onClick={() => prune.mutate({ kind, ids: going.map((item) => item.id) })}
            >
              {t('learn.prune.confirm', { count: going.length })}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
