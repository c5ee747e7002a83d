import type { DiskKind, PruneItem } from '../../../electron/api/system-schemas';

/** The docker command that removes exactly these items (not a blanket prune). */
export function pruneCommand(kind: DiskKind, items: Pick<PruneItem, 'id' | 'name'>[]): string {
  switch (kind) {
    case 'containers':
      return ['docker', 'rm', ...items.map((item) => item.name)].join(' ');
    case 'images':
      return ['docker', 'rmi', ...items.map((item) => item.id.replace(/^sha256:/, '').slice(0, 12))].join(' ');
    case 'volumes':
      return ['docker', 'volume', 'rm', ...items.map((item) => item.id)].join(' ');
    case 'buildCache':
      return ['docker', 'builder', 'prune', '-f', ...items.map((item) => `--filter id=${item.id}`)].join(' ');
  }
}
