import { describe, expect, it } from 'vitest';
import type { VolumeEntry } from '../../../electron/api/volumes-schemas';
import { buildTree } from './file-tree';

const entry = (path: string, type: VolumeEntry['type'], size = 0): VolumeEntry => ({ path, type, size, mode: 0o644, uid: 0, gid: 0, mtime: 0 });

describe('buildTree', () => {
  it('groups entries by folder, folders first, and sums folder sizes up to the root', () => {
    const tree = buildTree([
      entry('b.txt', 'file', 5),
      entry('docs', 'directory'),
      entry('docs/deep', 'directory'),
      entry('docs/deep/x', 'file', 100),
      entry('docs/a', 'file', 10),
      entry('link', 'symlink', 0),
      entry('empty', 'directory'),
    ]);
    expect(tree.children.get('')!.map((e) => e.path)).toEqual(['docs', 'empty', 'b.txt', 'link']);
    expect(tree.children.get('docs')!.map((e) => e.path)).toEqual(['docs/deep', 'docs/a']);
    expect(tree.children.get('empty')).toEqual([]);
    expect(tree.folderBytes.get('')).toBe(115);
    expect(tree.folderBytes.get('docs')).toBe(110);
    expect(tree.folderBytes.get('docs/deep')).toBe(100);
  });
});
