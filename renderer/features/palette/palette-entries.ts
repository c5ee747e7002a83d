import type { ImageSummary } from '../../../electron/api/images-schemas';
import type { ContainerSummary } from '../../../electron/api/schemas';
import type { VolumeSummary } from '../../../electron/api/volumes-schemas';

export type PaletteGroup = 'pages' | 'containers' | 'images' | 'volumes';

export type PaletteAction =
  | { kind: 'navigate'; hash: string }
  | { kind: 'start' | 'stop' | 'restart'; id: string }
  | { kind: 'quickRun'; image: string };

/** One line of the palette: what it says (an i18n key under palette.action), and what it does. */
export interface PaletteEntry {
  /** Unique among the entries. */
  value: string;
  group: PaletteGroup;
  labelKey: string;
  /** The container, image, volume or page it is about. */
  name: string;
  /** Also matched when typing: the image of a container, an id, a verb. */
  keywords: string[];
  detail?: string;
  action: PaletteAction;
}

const go = (hash: string): PaletteAction => ({ kind: 'navigate', hash });
const enc = encodeURIComponent;

function containerEntries(container: ContainerSummary): PaletteEntry[] {
  const { id, name, image } = container;
  const running = container.state === 'running';
  const base = { group: 'containers' as const, name, detail: container.state };
  const entry = (verb: string, action: PaletteAction, keywords: string[] = []): PaletteEntry => ({
    ...base,
    value: `container:${id}:${verb}`,
    labelKey: verb,
    keywords: [name, image, id.slice(0, 12), ...keywords],
    action,
  });
  return [
    entry('open', go(`#containers/${id}/summary`)),
    entry('logs', go(`#containers/${id}/logs`), ['logs']),
    ...(running
      ? [entry('terminal', go(`#containers/${id}/terminal`), ['shell', 'exec']), entry('stop', { kind: 'stop', id }), entry('restart', { kind: 'restart', id })]
      : [entry('start', { kind: 'start', id })]),
  ];
}

function imageEntries(image: ImageSummary): PaletteEntry[] {
  return image.repoTags
    .filter((tag) => tag !== '<none>:<none>')
    .flatMap((tag) => {
      const base = { group: 'images' as const, name: tag, keywords: [tag, image.id.replace(/^sha256:/, '').slice(0, 12)] };
      return [
        // The images page opens the row whose key is in the address (see imageRows).
        { ...base, value: `image:${tag}:open`, labelKey: 'openImage', action: go(`#images/${enc(`${image.id}/${tag}`)}`) },
        { ...base, value: `image:${tag}:run`, labelKey: 'run', keywords: [...base.keywords, 'run'], action: { kind: 'quickRun', image: tag } as const },
        { ...base, value: `image:${tag}:runForm`, labelKey: 'runForm', keywords: [...base.keywords, 'run'], action: go(`#containers/~run/${enc(tag)}`) },
      ];
    });
}

function volumeEntries(volume: VolumeSummary): PaletteEntry[] {
  const base = { group: 'volumes' as const, name: volume.name, keywords: [volume.name] };
  return [
    { ...base, value: `volume:${volume.name}:open`, labelKey: 'openVolume', action: go(`#volumes/${enc(volume.name)}`) },
    { ...base, value: `volume:${volume.name}:backup`, labelKey: 'backupVolume', keywords: [volume.name, 'backup'], action: go(`#volumes/${enc(volume.name)}/backup`) },
  ];
}

export function paletteEntries(lists: {
  pages: { id: string; label: string }[];
  containers: ContainerSummary[];
  images: ImageSummary[];
  volumes: VolumeSummary[];
}): PaletteEntry[] {
  return [
    ...lists.pages.map((page) => ({
      value: `page:${page.id}`,
      group: 'pages' as const,
      labelKey: 'goTo',
      name: page.label,
      keywords: [page.label, page.id],
      action: go(`#${page.id}`),
    })),
    ...lists.containers.flatMap(containerEntries),
    ...lists.images.flatMap(imageEntries),
    ...lists.volumes.flatMap(volumeEntries),
  ];
}

/**
 * The entries worth showing for what was typed, best first, at most `limit`
 * per group: with thousands of containers the palette stays quick because it
 * never renders more than a screenful. `score` is cmdk's own matcher.
 */
export function matchEntries(
  entries: PaletteEntry[],
  search: string,
  labelOf: (entry: PaletteEntry) => string,
  score: (value: string, search: string, keywords?: string[]) => number,
  limit = 8,
): PaletteEntry[] {
  const query = search.trim();
  const scored = entries
    .map((entry, index) => ({ entry, index, score: query ? score(labelOf(entry), query, entry.keywords) : 1 }))
    .filter((item) => item.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const perGroup = new Map<PaletteGroup, number>();
  const shown: PaletteEntry[] = [];
  for (const { entry } of scored) {
    const count = perGroup.get(entry.group) ?? 0;
    // With nothing typed, every page and the first few of each list.
    if (count >= (query || entry.group !== 'pages' ? limit : Infinity)) continue;
    perGroup.set(entry.group, count + 1);
    shown.push(entry);
  }
  return shown;
}

/**
 * The shown entries in groups, each group placed by its best match: what was
 * typed decides what comes first, so Enter always picks the best match (a
 * container whose image matches must not come before the image itself).
 */
export function groupEntries(shown: PaletteEntry[]): { group: PaletteGroup; entries: PaletteEntry[] }[] {
  const groups = new Map<PaletteGroup, PaletteEntry[]>();
  for (const entry of shown) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  return [...groups].map(([group, entries]) => ({ group, entries }));
}
