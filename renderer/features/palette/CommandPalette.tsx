import { useMutation, useQuery } from '@tanstack/react-query';
import { Command, defaultFilter } from 'cmdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, orpc } from '../../api/client';
import { navigate } from '../../api/use-hash-route';
import { AREAS } from '../../areas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { groupEntries, matchEntries, paletteEntries, type PaletteEntry } from './palette-entries';

/** Ctrl+K everywhere, Cmd+K on macOS: the shortcut people know from editors. */
export const isPaletteShortcut = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
export const paletteKeys = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl+K');

const itemClass =
  'flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-sky-100 data-[selected=true]:text-sky-950 dark:text-slate-200 dark:data-[selected=true]:bg-sky-900/60 dark:data-[selected=true]:text-sky-50';
const groupClass =
  '[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:text-slate-600 dark:[&_[cmdk-group-heading]]:text-slate-400';

/**
 * The command palette: jump to any page, container, image or volume and act
 * on it from the keyboard. Lists are fetched only while it is open.
 */
export function CommandPalette({ connected }: { connected: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      setOpen((current) => !current);
    };
    const onOpenRequest = () => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener('cais:open-palette', onOpenRequest);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('cais:open-palette', onOpenRequest);
    };
  }, []);

  const enabled = open && connected;
  const containers = useQuery({ ...orpc.containers.list.queryOptions({ input: { all: true } }), enabled });
  const images = useQuery({ ...orpc.images.list.queryOptions(), enabled });
  const volumes = useQuery({ ...orpc.volumes.list.queryOptions(), enabled });
  const act = useMutation({
    mutationFn: async (entry: PaletteEntry) => {
      const { action } = entry;
      if (action.kind === 'navigate') return navigate(action.hash);
      if (action.kind === 'quickRun') {
        const created = await client.containers.quickRun({ image: action.image });
        return navigate(`#containers/${created.id}/logs`);
      }
      await client.containers[action.kind]({ id: action.id });
    },
    onSuccess: () => setOpen(false),
  });

  const label = (entry: PaletteEntry) => t(`palette.action.${entry.labelKey}`, { name: entry.name, page: entry.name });
  const all = paletteEntries({
    pages: AREAS.map((area) => ({ id: area.id, label: t(area.labelKey) })),
    containers: connected ? (containers.data ?? []) : [],
    images: connected ? (images.data ?? []) : [],
    volumes: connected ? (volumes.data ?? []) : [],
  });
  const entries = matchEntries(all, search, label, defaultFilter);
  const loading = enabled && (containers.isPending || images.isPending || volumes.isPending);
  const groups = groupEntries(entries);

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          act.reset();
          setSearch('');
        }
      }}
      label={t('palette.label')}
      shouldFilter={false}
      overlayClassName="fixed inset-0 bg-slate-900/50"
      contentClassName="fixed left-1/2 top-[12vh] w-[min(40rem,92vw)] -translate-x-1/2 overflow-hidden rounded-lg border border-slate-300 bg-white text-slate-900 shadow-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <Command.Input
        value={search}
        onValueChange={setSearch}
        placeholder={t('palette.placeholder')}
        className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-base focus-visible:-outline-offset-2 placeholder:text-slate-500 dark:border-slate-700 dark:placeholder:text-slate-400"
      />
      {act.isError && (
        <div className="px-4 pt-3">
          <ErrorNotice error={act.error} />
        </div>
      )}
      <Command.List className="max-h-[55vh] overflow-y-auto p-2" data-testid="palette-list">
        {loading && <Command.Loading>{t('palette.loading')}</Command.Loading>}
        <Command.Empty className="px-3 py-6 text-center text-sm text-slate-600 dark:text-slate-400">{t('palette.empty')}</Command.Empty>
        {groups.map(({ group, entries: inGroup }) => (
          <Command.Group key={group} heading={t(`palette.group.${group}`)} className={groupClass}>
            {inGroup.map((entry) => (
              <Command.Item key={entry.value} value={entry.value} onSelect={() => act.mutate(entry)} disabled={act.isPending} className={itemClass}>
                <span className="truncate">{label(entry)}</span>
                {entry.detail && <span className="shrink-0 font-mono text-xs text-slate-600 dark:text-slate-400">{entry.detail}</span>}
              </Command.Item>
            ))}
          </Command.Group>
        ))}
      </Command.List>
      <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">{t('palette.hint')}</p>
    </Command.Dialog>
  );
}

/** A visible way in for mouse users, and a reminder of the shortcut. */
export function PaletteButton() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      onClick={() => window.dispatchEvent(new Event('cais:open-palette'))}
      className="flex w-full items-center justify-between rounded-md border border-slate-300 px-3 py-1.5 text-left hover:bg-slate-200 dark:border-slate-700 dark:hover:bg-slate-800"
      aria-keyshortcuts="Control+K Meta+K"
    >
      <span>{t('palette.open')}</span>
      <kbd className="font-mono text-xs text-slate-600 dark:text-slate-400">{t('palette.shortcut', { keys: paletteKeys() })}</kbd>
    </button>
  );
}
