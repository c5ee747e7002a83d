import { oc } from '@orpc/contract';
import { z } from 'zod';
import { containerRefInput } from './schemas';

export const namespaceKinds = ['pid', 'net', 'mnt', 'uts', 'ipc', 'cgroup', 'user'] as const;

export const containerAnatomy = z.object({
  name: z.string(),
  running: z.boolean(),
  /** The container's first process as the engine's host sees it (0 when stopped). */
  hostPid: z.number(),
  hostname: z.string(),
  /** Where Cais can see the host: "local" when /proc/<pid> is this container's process. */
  hostView: z.enum(['local', 'elsewhere']),
  namespaces: z.array(
    z.object({ kind: z.enum(namespaceKinds), id: z.string(), sharedWithHost: z.boolean(), mode: z.string().optional() }),
  ),
  cgroupPath: z.string().optional(),
  limits: z.object({
    memoryBytes: z.number(),
    memoryUsage: z.number().optional(),
    cpus: z.number(),
    cpuPercent: z.number().optional(),
    pidsLimit: z.number(),
    pids: z.number().optional(),
  }),
  storage: z.object({
    driver: z.string(),
    image: z.string(),
    layers: z.array(z.object({ createdBy: z.string(), size: z.number() })),
    writableDir: z.string().optional(),
    changes: z.array(z.object({ path: z.string(), kind: z.enum(['changed', 'added', 'deleted']) })),
    changesTruncated: z.boolean(),
  }),
  mounts: z.array(z.object({ type: z.string(), name: z.string().optional(), source: z.string(), destination: z.string(), readWrite: z.boolean() })),
  network: z.object({
    mode: z.string(),
    networks: z.array(z.object({ name: z.string(), ipAddress: z.string(), gateway: z.string(), macAddress: z.string() })),
    ports: z.array(z.object({ container: z.string(), hostIp: z.string(), hostPort: z.string() })),
  }),
  /** The engine runs in a VM (Docker Desktop, Colima…) or elsewhere: paths are inside it, not on this computer. */
  engineOs: z.string(),
});
export type ContainerAnatomy = z.infer<typeof containerAnatomy>;

export const anatomyContract = {
  /** What a container is made of, as the kernel and the engine see it. */
  ofContainer: oc.input(containerRefInput).output(containerAnatomy),
};
