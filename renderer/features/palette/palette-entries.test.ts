import { defaultFilter } from 'cmdk';
import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../electron/api/schemas';
import { groupEntries, matchEntries, paletteEntries, type PaletteEntry } from './palette-entries';

const container = (name: string, state: string): ContainerSummary => ({
  id: `${name.padEnd(12, '0')}${'f'.repeat(52)}`,
  name,
  image: 'nginx:latest',
  state,
  status: state,
  created: 0,
  ports: [],
});
const label = (entry: PaletteEntry) => `${entry.labelKey} ${entry.name}`;

describe('paletteEntries', () => {
  it('offers start for a stopped container and stop, restart and terminal for a running one', () => {
    const verbs = (state: string) => paletteEntries({ pages: [], containers: [container('web', state)], images: [], volumes: [] }).map((e) => e.labelKey);
    expect(verbs('exited')).toEqual(['open', 'logs', 'start']);
    expect(verbs('running')).toEqual(['open', 'logs', 'terminal', 'stop', 'restart']);
  });

  it('skips untagged images and links a tagged one to its row on the images page', () => {
    const entries = paletteEntries({
      pages: [],
      containers: [],
      images: [{ id: 'sha256:abc', repoTags: ['<none>:<none>', 'redis:7'], repoDigests: [], size: 1, created: 0, dangling: false }],
      volumes: [],
    });
    expect(entries.map((e) => e.value)).toEqual(['image:redis:7:open', 'image:redis:7:run', 'image:redis:7:runForm']);
    expect(entries[0].action).toEqual({ kind: 'navigate', hash: '#images/sha256%3Aabc%2Fredis%3A7' });
    expect(entries[1].action).toEqual({ kind: 'quickRun', image: 'redis:7' });
  });
});

describe('matchEntries', () => {
  const many = Array.from({ length: 3000 }, (_, i) => container(`app-${i}`, 'exited'));
  const entries = paletteEntries({ pages: [{ id: 'dashboard', label: 'Dashboard' }], containers: many, images: [], volumes: [] });

  it('shows at most a screenful per group, however many containers there are', () => {
    const shown = matchEntries(entries, '', label, defaultFilter);
    expect(shown.filter((e) => e.group === 'containers')).toHaveLength(8);
    expect(shown.filter((e) => e.group === 'pages')).toHaveLength(1);
  });

  it('puts the best match first: the exact container, then the rest', () => {
    const shown = matchEntries(entries, 'start app-2999', label, defaultFilter);
    expect(shown[0].value).toBe(`container:${many[2999].id}:start`);
  });

  it('matches a container by its image too, and finds nothing for nonsense', () => {
    expect(matchEntries(entries, 'nginx', label, defaultFilter).length).toBeGreaterThan(0);
    expect(matchEntries(entries, 'zzqx', label, defaultFilter)).toEqual([]);
  });
});

describe('groupEntries', () => {
  // The labels the user sees (palette.en.json), so the scores are the real ones.
  const english: Record<string, string> = { open: 'Open', start: 'Start', logs: 'Logs of', openImage: 'Open image', run: 'Run', runForm: 'Run' };
  const shownLabel = (entry: PaletteEntry) => `${english[entry.labelKey] ?? entry.labelKey} ${entry.name}`;

  it('puts the group of the best match first, even when a container matches through its image', () => {
    const web = { ...container('cais-test-mwtg8nu8-ufb6e', 'exited'), image: 'cais-test/busybox:latest' };
    const image = { id: 'sha256:abc', repoTags: ['cais-test/busybox:latest'], repoDigests: [], size: 1, created: 0, containers: 1, dangling: false };
    const entries = paletteEntries({ pages: [{ id: 'images', label: 'Images' }], containers: [web], images: [image], volumes: [] });
    const groups = groupEntries(matchEntries(entries, 'open image cais-test/busybox:latest', shownLabel, defaultFilter));
    expect(groups.map((g) => g.group)).toContain('containers');
    expect(groups[0].group).toBe('images');
    expect(groups[0].entries[0].value).toBe('image:cais-test/busybox:latest:open');
  });

  it('keeps pages first when nothing is typed', () => {
    const entries = paletteEntries({ pages: [{ id: 'dashboard', label: 'Dashboard' }], containers: [container('web', 'running')], images: [], volumes: [] });
    expect(groupEntries(matchEntries(entries, '', shownLabel, defaultFilter)).map((g) => g.group)).toEqual(['pages', 'containers']);
  });
});
