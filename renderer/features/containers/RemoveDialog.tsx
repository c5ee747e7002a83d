import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { containerRemove } from '../../../electron/api/docker-commands';
import { CommandHint } from '../../components/CommandHint';
import { BUTTON, DANGER_BUTTON, Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';

/** Names exactly what goes and what stays before anything is removed. */
/** `onRemoved`: where to go once it is gone (the details page goes back to the list). */
export function RemoveDialog({ id, onClose, onRemoved }: { id: string; onClose: () => void; onRemoved?: () => void }) {
  const { t } = useTranslation();
  const preview = useQuery(orpc.containers.removalPreview.queryOptions({ input: { id } }));
  const [withAnonymous, setWithAnonymous] = useState(false);
  const remove = useMutation(orpc.containers.remove.mutationOptions({ onSuccess: () => (onRemoved ?? onClose)() }));
  const info = preview.data;

  return (
    <Dialog title={t('containers.remove.title', { name: info?.name ?? '' })} onClose={onClose}>
      {preview.isError && <ErrorNotice error={preview.error} />}
      {info && (
        <div className="space-y-3 text-sm">
          <p>{info.running ? t('containers.remove.running') : t('containers.remove.stopped')}</p>
          <p>{t('containers.remove.writableLayer')}</p>
          {info.namedVolumes.length > 0 && (
            <div>
              <p>{t('containers.remove.namedKept')}</p>
              <ul className="ml-5 list-disc font-mono text-xs">
                {info.namedVolumes.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </div>
          )}
          {info.hostFolders.length > 0 && (
            <div>
              <p>{t('containers.remove.foldersKept')}</p>
              <ul className="ml-5 list-disc font-mono text-xs">
                {info.hostFolders.map((folder) => (
                  <li key={folder}>{folder}</li>
                ))}
              </ul>
            </div>
          )}
          {info.anonymousVolumes.length > 0 && (
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-1 size-4"
                checked={withAnonymous}
                onChange={(event) => setWithAnonymous(event.target.checked)}
              />
              <span>{t('containers.remove.anonymous', { count: info.anonymousVolumes.length })}</span>
            </label>
          )}
          <CommandHint command={containerRemove([info.name], { force: info.running, volumes: withAnonymous })} />
          {remove.isError && <ErrorNotice error={remove.error} />}
          <div className="flex justify-end gap-2 pt-2">
            <button type="button" className={BUTTON} onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={DANGER_BUTTON}
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id, force: info.running, removeAnonymousVolumes: withAnonymous })}
            >
              {t('containers.remove.confirm', { name: info.name })}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
