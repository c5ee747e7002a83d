import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ConfirmDialog } from './ConfirmDialog';
import { CommandHint } from './ui';
import type { VolumeWithUsage } from './volume-usage';
import { volumeRemove } from '../../../electron/api/docker-commands';

/**
 * Refuses at once while a container is known to use the volume (naming them);
 * otherwise asks, naming the volume. The server checks again before removing,
 * so a refusal it sends (usage not loaded yet, or changed since) is shown alike.
 */
export function RemoveVolumeDialog({ volume, onClose, onRemoved }: { volume: VolumeWithUsage; onClose: () => void; onRemoved?: () => void }) {
  const { t } = useTranslation();
  const remove = useMutation(orpc.volumes.remove.mutationOptions());
  const knownUsers = volume.usedBy?.map((user) => user.name) ?? [];
  const refusedBy =
    knownUsers.length > 0
      ? knownUsers
      : ((remove.error as { code?: string; data?: { containers?: string[] } } | null)?.code === 'VOLUME_IN_USE'
          ? ((remove.error as { data?: { containers?: string[] } }).data?.containers ?? [])
          : []);
  if (refusedBy.length > 0) {
    return (
      <ConfirmDialog title={t('volumes.remove.refusedTitle', { name: volume.name })} confirmLabel={t('volumes.close')} onCancel={onClose}>
        <p data-testid="remove-refused">{t('volumes.remove.refused', { count: refusedBy.length })}</p>
        <ul className="list-disc pl-5 font-medium">
          {refusedBy.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
        <p>{t('volumes.remove.refusedHint')}</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={t('volumes.remove.title', { name: volume.name })}
      confirmLabel={t('volumes.remove.confirm', { name: volume.name })}
      danger
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(
          { name: volume.name },
          {
            onSuccess: () => {
              onClose();
              onRemoved?.();
            },
          },
        )
      }
    >
      <p>{t('volumes.remove.warning', { name: volume.name })}</p>
      <CommandHint command={volumeRemove(volume.name)} />
      {remove.error && (remove.error as { code?: string }).code !== 'VOLUME_IN_USE' && <ErrorNotice error={remove.error} />}
    </ConfirmDialog>
  );
}
