import type Docker from 'dockerode';
import type { ContainerSummary, PublishedPort } from '../api/schemas';
import { HELPER_LABEL } from './volume-helper';

/** Lists containers in the shape the window shows. */
export async function listContainers(docker: Docker, all: boolean): Promise<ContainerSummary[]> {
  const items = await docker.listContainers({ all });
  // Cais's own never-started helpers (volume browsing) are plumbing, not the user's containers.
  return items.filter((item) => !item.Labels?.[HELPER_LABEL]).map((item) => ({
    id: item.Id,
    name: (item.Names[0] ?? item.Id.slice(0, 12)).replace(/^\//, ''),
    image: item.Image,
    state: item.State,
    status: item.Status,
    created: item.Created,
    ports: uniquePorts(item.Ports),
  }));
}

/** The engine lists a port once per address family; show each mapping once. */
export function uniquePorts(ports: Docker.Port[]): PublishedPort[] {
  const seen = new Map<string, PublishedPort>();
  for (const port of ports) {
    const key = `${port.PrivatePort}/${port.Type}->${port.PublicPort ?? ''}`;
    const existing = seen.get(key);
    if (existing && existing.hostIp && !existing.hostIp.includes(':')) continue;
    seen.set(key, {
      privatePort: port.PrivatePort,
      publicPort: port.PublicPort,
      hostIp: port.IP,
      protocol: port.Type,
    });
  }
  return [...seen.values()].sort((a, b) => a.privatePort - b.privatePort);
}
