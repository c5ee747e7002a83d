import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../electron/api/schemas';
import { orpc } from '../../api/client';
import { useSettings } from '../../api/settings';
import { containerLifecycle, containerRemove, containerRename } from '../../../electron/api/docker-commands';
import { CommandHint } from '../../components/CommandHint';
import { BUTTON, Dialog, PRIMARY_BUTTON } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { isRunning } from './list-filter';
import { RemoveDialog } from './RemoveDialog';
import { RenameDialog } from './RenameDialog';

type Action = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

const MENU_ITEM = 'block w-full px-3 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800';

/** A menu item named by its label alone, its docker command shown under it. */
function MenuItem({ label, command, danger, onClick }: { label: string; command: string; danger?: boolean; onClick: () => void }) {
  return (
    <button type="button" role="menuitem" aria-label={label} className={`${MENU_ITEM} ${danger ? 'text-red-700 dark:text-red-300' : ''}`} onClick={onClick}>
      <span aria-hidden="true">{label}</span>
      <CommandHint compact command={command} />
    </button>
  );
}

/** Start or stop up front; the rest in a menu. Each names its docker command. */
export function RowActions({ container, takenNames }: { container: ContainerSummary; takenNames: string[] }) {
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
  const menuId = `actions-${container.id.slice(0, 12)}`;
  const menuRef = useRef<HTMLDivElement>(null);
  const act = (action: Action) => {
    menuRef.current?.hidePopover();
    // Settings → Confirmations: stop and kill may ask first.
    if ((action === 'stop' || action === 'kill') && confirmations?.[action]) setConfirming(action);
    else mutation.mutate({ action });
  };
  const open = (which: 'remove' | 'rename') => {
    menuRef.current?.hidePopover();
    setDialog(which);
  };

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
        <button
          type="button"
          popoverTarget={menuId}
          aria-label={t('containers.moreLabel', { name: container.name })}
          style={{ anchorName: `--${menuId}` } as CSSProperties}
          className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700"
        >
          ⋯
        </button>
        {/* A popover lives in the top layer, so the list's scroll box cannot clip it. */}
        <div
          ref={menuRef}
          id={menuId}
          popover="auto"
          role="menu"
          aria-label={t('containers.moreLabel', { name: container.name })}
          style={{ positionAnchor: `--${menuId}`, positionArea: 'bottom span-left', margin: '4px 0' } as CSSProperties}
          className="w-64 overflow-hidden rounded-md border border-slate-300 bg-white p-0 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          {/* The main action too, so every action has its command beside it. */}
          {[primary, ...menu].map((action) => (
            <MenuItem key={action} label={t(`containers.action.${action}`)} command={containerLifecycle(action, container.name)} onClick={() => act(action)} />
          ))}
          <MenuItem label={t('containers.action.rename')} command={containerRename(container.name, t('learn.command.newName'))} onClick={() => open('rename')} />
          <MenuItem danger label={t('containers.action.remove')} command={containerRemove([container.name], { force: running })} onClick={() => open('remove')} />
        </div>
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
      {dialog === 'remove' && <RemoveDialog id={container.id} onClose={() => setDialog(undefined)} />}
      {dialog === 'rename' && (
        <RenameDialog id={container.id} name={container.name} takenNames={takenNames} onClose={() => setDialog(undefined)} />
      )}
    </div>
  );
}
