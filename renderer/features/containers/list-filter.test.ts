import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../electron/api/schemas';
import { viewContainers } from './list-filter';

const container = (name: string, image: string, state: string, created: number): ContainerSummary => ({
  id: name,
  name,
  image,
  state,
  status: '',
  created,
  ports: [],
});

const all = [
  container('web', 'nginx:1', 'running', 30),
  container('db', 'postgres:16', 'exited', 10),
  container('cache', 'redis:7', 'paused', 20),
  container('api', 'node:20', 'running', 40),
];

describe('viewContainers', () => {
  it('searches names and images, ignoring case', () => {
    expect(viewContainers(all, { query: 'POST', sort: 'name' }).map((c) => c.name)).toEqual(['db']);
    expect(viewContainers(all, { query: 'a', sort: 'name' }).map((c) => c.name)).toEqual(['api', 'cache']);
  });

  it('sorts by name, image, state (running first) and newest first', () => {
    expect(viewContainers(all, { query: '', sort: 'name' }).map((c) => c.name)).toEqual(['api', 'cache', 'db', 'web']);
    expect(viewContainers(all, { query: '', sort: 'image' }).map((c) => c.name)).toEqual(['web', 'api', 'db', 'cache']);
    expect(viewContainers(all, { query: '', sort: 'state' }).map((c) => c.name)).toEqual(['api', 'web', 'cache', 'db']);
    expect(viewContainers(all, { query: '', sort: 'created' }).map((c) => c.name)).toEqual(['api', 'web', 'cache', 'db']);
  });

  it('does not reorder the input array', () => {
    const copy = [...all];
    viewContainers(all, { query: '', sort: 'name' });
    expect(all).toEqual(copy);
  });
});
