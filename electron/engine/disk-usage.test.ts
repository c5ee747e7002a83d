import { describe, expect, it } from 'vitest';
import { isAnonymousVolume, pruneCandidates, summarizeDiskUsage, type SystemDf } from './disk-usage';

const ANON = 'a'.repeat(64);
const df: SystemDf = {
  LayersSize: 1000,
  Images: [
    { Id: 'sha256:used', RepoTags: ['app:1'], Size: 600, SharedSize: 100, Containers: 1 },
    { Id: 'sha256:idle', RepoTags: ['app:0'], Size: 300, SharedSize: 100, Containers: 0 },
    { Id: 'sha256:dangling', RepoTags: ['<none>:<none>'], Size: 200, SharedSize: 0, Containers: 0 },
    { Id: 'sha256:danglingused', RepoTags: [], Size: 50, SharedSize: 0, Containers: 1 },
  ],
  Containers: [
    { Id: 'c1', Names: ['/web'], State: 'running', SizeRw: 10 },
    { Id: 'c2', Names: ['/old'], State: 'exited', SizeRw: 20 },
    { Id: 'c3', Names: ['/new'], State: 'created', SizeRw: 0 },
    { Id: 'c4', Names: ['/nap'], State: 'paused', SizeRw: 5 },
  ],
  Volumes: [
    { Name: 'data', UsageData: { Size: 100, RefCount: 1 } },
    { Name: 'photos', UsageData: { Size: 40, RefCount: 0 } },
    { Name: ANON, UsageData: { Size: 7, RefCount: 0 } },
    { Name: 'unknown', UsageData: { Size: -1, RefCount: 0 } },
  ],
  BuildCache: [
    { ID: 'b1', Size: 30, InUse: false, Shared: false },
    { ID: 'b2', Size: 50, InUse: true, Shared: false },
    { ID: 'b3', Size: 70, InUse: false, Shared: true },
  ],
};

describe('summarizeDiskUsage (as docker system df)', () => {
  const rows = Object.fromEntries(summarizeDiskUsage(df).map((row) => [row.kind, row]));

  it('images: total is the layers size; what containers use (minus shared) is not reclaimable', () => {
    expect(rows.images).toEqual({ kind: 'images', total: 4, active: 2, size: 1000, reclaimable: 1000 - (600 - 100) - 50 });
  });

  it('containers: running and paused ones are active; the others are reclaimable', () => {
    expect(rows.containers).toEqual({ kind: 'containers', total: 4, active: 2, size: 35, reclaimable: 20 });
  });

  it('volumes: unused ones are reclaimable; an unknown size (-1) counts as 0', () => {
    expect(rows.volumes).toEqual({ kind: 'volumes', total: 4, active: 1, size: 147, reclaimable: 47 });
  });

  it('build cache: shared records do not count; unused ones are reclaimable', () => {
    expect(rows.buildCache).toEqual({ kind: 'buildCache', total: 3, active: 1, size: 80, reclaimable: 30 });
  });

  it('an empty engine has zeros everywhere', () => {
    expect(summarizeDiskUsage({}).every((row) => row.total === 0 && row.size === 0 && row.reclaimable === 0)).toBe(true);
  });
});

describe('pruneCandidates', () => {
  it('containers: the stopped and created ones, never running or paused', () => {
    expect(pruneCandidates(df, 'containers').map((item) => item.name)).toEqual(['old', 'new']);
  });

  it('images: dangling ones no container uses', () => {
    expect(pruneCandidates(df, 'images').map((item) => item.id)).toEqual(['sha256:dangling']);
  });

  it('volumes: unused ones, with named ones marked as such', () => {
    expect(pruneCandidates(df, 'volumes').map((item) => [item.id, item.named])).toEqual([
      ['photos', true],
      [ANON, false],
      ['unknown', true],
    ]);
  });

  it('build cache: records neither in use nor shared', () => {
    expect(pruneCandidates(df, 'buildCache').map((item) => item.id)).toEqual(['b1']);
  });

  it('tells anonymous volume names from chosen ones', () => {
    expect(isAnonymousVolume(ANON)).toBe(true);
    expect(isAnonymousVolume('postgres-data')).toBe(false);
  });
});
