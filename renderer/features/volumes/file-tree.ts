import type { VolumeEntry } from '../../../electron/api/volumes-schemas';
import { parentOf } from './format';

export interface FileTree {
  /** Children of each folder ("" is the root), folders first, then by name. */
  children: Map<string, VolumeEntry[]>;
  /** Total bytes of the files under each folder. */
  folderBytes: Map<string, number>;
}

export function buildTree(entries: VolumeEntry[]): FileTree {
  const children = new Map<string, VolumeEntry[]>([['', []]]);
  const folderBytes = new Map<string, number>([['', 0]]);
  for (const entry of entries) {
    const parent = parentOf(entry.path);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(entry);
    if (entry.type === 'directory' && !children.has(entry.path)) children.set(entry.path, []);
    if (entry.type === 'file') {
      let folder: string | undefined = parent;
      while (folder !== undefined) {
        folderBytes.set(folder, (folderBytes.get(folder) ?? 0) + entry.size);
        folder = folder === '' ? undefined : parentOf(folder);
      }
    }
  }
  for (const list of children.values()) {
    list.sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.path.localeCompare(b.path));
  }
  return { children, folderBytes };
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
