import type { ContainerSummary } from '../../../electron/api/schemas';

export type SortKey = 'name' | 'image' | 'state' | 'created';

export interface ListView {
  query: string;
  sort: SortKey;
}

const STATE_ORDER: Record<string, number> = { running: 0, restarting: 1, paused: 2, created: 3, exited: 4, dead: 5 };

/** Search by name or image (case-insensitive), then sort; newest first for "created". */
export function viewContainers(containers: ContainerSummary[], view: ListView): ContainerSummary[] {
  const needle = view.query.trim().toLowerCase();
  const matching = needle
    ? containers.filter((c) => c.name.toLowerCase().includes(needle) || c.image.toLowerCase().includes(needle))
    : containers;
  const byName = (a: ContainerSummary, b: ContainerSummary) => a.name.localeCompare(b.name);
  const compare: Record<SortKey, (a: ContainerSummary, b: ContainerSummary) => number> = {
    name: byName,
    image: (a, b) => a.image.localeCompare(b.image) || byName(a, b),
    state: (a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || byName(a, b),
    created: (a, b) => b.created - a.created || byName(a, b),
  };
  return [...matching].sort(compare[view.sort]);
}

export function isRunning(container: Pick<ContainerSummary, 'state'>): boolean {
  return container.state === 'running' || container.state === 'restarting';
}
