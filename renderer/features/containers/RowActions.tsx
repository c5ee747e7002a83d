import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../electron/api/schemas';
import { orpc } from '../../api/client';
import { useSettings } from '../../api/settings';
import { containerLifecycle, containerRemove, containerRename } from '../../../electron/api/docker-commands';
import { CommandHint } from '../../components/CommandHint';
import { BUTTON, Dialog, PRIMARY_BUTTON } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Menu, MenuItem } from '../../components/ui/Menu';
import { isRunning } from './list-filter';
import { RemoveDialog } from './RemoveDialog';
import { RenameDialog } from './RenameDialog';

type Action = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

/** A menu item: its label, its docker command shown under it; named by both, as seen. */
function ActionItem({ label, command, danger, onSelect }: { label: string; command: string; danger?: boolean; onSelect: () => void }) {
  return (
    <MenuItem danger={danger} onSelect={onSelect}>
      <span className="block">{label}</span>
      <CommandHint compact command={command} />
    </MenuItem>
  );
}

/**
 * Start or stop up front; the rest in a menu. Each names its docker command.
 * The list's rows and a container's page both use it; `onRemoved` lets the page leave once it is gone.
 */
export function RowActions({ container, takenNames, onRemoved }: { container: ContainerSummary; takenNames: string[]; onRemoved?: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'remove' | 'rename'>();
  const [confirming, setConfirming] = useState<'stop' | 'kill'>();
  const confirmations = useSettings()?.confirmations;
  // The list refreshes from the engine's own events; no manual invalidation.
  const mutation = useMutation({
    mutationFn: ({ action }: { action: Action }) => {
      const call = orpc.containers[action].call;
      return call({ id: container.id });
    },
  });
  const running = isRunning(container);
  const paused = container.state === 'paused';
  const primary: Action = paused ? 'unpause' : running ? 'stop' : 'start';
  const menu: Action[] = running ? ['restart', 'pause', 'kill'] : paused ? ['stop', 'kill'] : [];
  const act = (action: Action) => {
    // Settings → Confirmations: stop and kill may ask first.
    if ((action === 'stop' || action === 'kill') && confirmations?.[action]) setConfirming(action);
    else mutation.mutate({ action });
  };
  const open = (which: 'remove' | 'rename') => setDialog(which);

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-1">
        <button
          type="button"
          disabled={mutation.isPending}
          aria-label={t(`containers.actionLabel.${primary}`, { name: container.name })}
          title={containerLifecycle(primary, container.name)}
          onClick={() => act(primary)}
          className={BUTTON}
        >
          {t(`containers.action.${primary}`)}
        </button>
        <Menu label={t('containers.moreLabel', { name: container.name })} trigger="⋯">
          {/* The main action too, so every action has its command beside it. */}
          {[primary, ...menu].map((action) => (
            <ActionItem key={action} label={t(`containers.action.${action}`)} command={containerLifecycle(action, container.name)} onSelect={() => act(action)} />
          ))}
          <ActionItem label={t('containers.action.rename')} command={containerRename(container.name, t('learn.command.newName'))} onSelect={() => open('rename')} />
          <ActionItem danger label={t('containers.action.remove')} command={containerRemove([container.name], { force: running })} onSelect={() => open('remove')} />
        </Menu>
      </div>
      {mutation.isPending && (
        <span role="status" className="text-xs text-slate-700 dark:text-slate-300">
          {t(`containers.progress.${mutation.variables?.action ?? primary}`)}
        </span>
      )}
      {mutation.isError && (
        <div className="w-72 text-left">
          <ErrorNotice error={mutation.error} onDismiss={() => mutation.reset()} />
        </div>
      )}
      {confirming && (
        <Dialog title={t(`settings.confirmTitle.${confirming}`, { name: container.name })} onClose={() => setConfirming(undefined)}>
          <p>{t(`settings.confirmBody.${confirming}`, { name: container.name })}</p>
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" className={BUTTON} onClick={() => setConfirming(undefined)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={PRIMARY_BUTTON}
              onClick={() => {
                mutation.mutate({ action: confirming });
                setConfirming(undefined);
              }}
            >
              {t(`settings.confirmAction.${confirming}`)}
            </button>
          </div>
        </Dialog>
      )}
      {dialog === 'remove' && <RemoveDialog id={container.id} onClose={() => setDialog(undefined)} onRemoved={onRemoved} />}
      {dialog === 'rename' && (
        <RenameDialog id={container.id} name={container.name} takenNames={takenNames} onClose={() => setDialog(undefined)} />
      )}
    </div>
  );
}
