import { z } from 'zod';
import { containerName, hasNoDotSteps, hasNoNul, hostPath } from './schemas';

/** An image reference as typed by a user: [registry[:port]/]name[:tag][@digest]. */
export const imageReference = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[a-z0-9]+([._-]+[a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/i, 'must be an image reference such as nginx:1.27');

/** Values are free text, but no process can receive a NUL byte in its environment or arguments. */
const argument = (max: number) => z.string().max(max).refine(hasNoNul, 'must not contain a NUL byte');

export const envVar = z.strictObject({ key: z.string().min(1).max(256).regex(/^[^=\s\0]+$/), value: argument(32_768) });
export const label = z.strictObject({ key: z.string().min(1).max(256).refine(hasNoNul, 'must not contain a NUL byte'), value: z.string().max(4096).refine(hasNoNul, 'must not contain a NUL byte') });

export const portMapping = z.strictObject({
  containerPort: z.number().int().min(1).max(65535),
  /** Absent: the engine picks a free port. */
  hostPort: z.number().int().min(1).max(65535).optional(),
  hostIp: z.union([z.ipv4(), z.ipv6()]),
  protocol: z.enum(['tcp', 'udp']),
});
export type PortMapping = z.infer<typeof portMapping>;

const containerPath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^\/[^\0]*$/, 'must be an absolute path inside the container')
  .refine(hasNoDotSteps, 'must be an absolute path inside the container');
export const mountSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('volume'), source: z.string().min(1).max(255).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/), target: containerPath, readOnly: z.boolean() }),
  z.strictObject({ type: z.literal('bind'), source: hostPath, target: containerPath, readOnly: z.boolean() }),
  z.strictObject({ type: z.literal('tmpfs'), target: containerPath, readOnly: z.boolean() }),
]);
export type MountSpec = z.infer<typeof mountSpec>;

export const restartPolicy = z.enum(['no', 'always', 'unless-stopped', 'on-failure']);

/** Everything the run form and `docker run` can say about a new container. */
export const runSpec = z.strictObject({
  image: imageReference,
  name: containerName.optional(),
  command: z.array(argument(32_768)).max(1000).optional(),
  entrypoint: z.array(argument(32_768)).max(100).optional(),
  env: z.array(envVar).max(1000),
  ports: z.array(portMapping).max(200),
  mounts: z.array(mountSpec).max(100),
  restart: restartPolicy,
  cpus: z.number().min(0.01).max(1024).optional(),
  /** Bytes; the engine refuses less than 6 MiB. */
  memory: z.number().int().min(6 * 1024 * 1024).max(2 ** 50).optional(),
  /** A network name, or a mode: host, none, container:NAME. */
  network: z.string().min(1).max(255).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:-]*$/, 'must be a network name').optional(),
  labels: z.array(label).max(200),
  tty: z.boolean(),
});
export type RunSpec = z.infer<typeof runSpec>;

export const imageDefaults = z.object({
  exposedPorts: z.array(z.object({ port: z.number(), protocol: z.enum(['tcp', 'udp']) })),
  command: z.array(z.string()),
  entrypoint: z.array(z.string()),
  env: z.array(z.string()),
  volumes: z.array(z.string()),
});
export type ImageDefaults = z.infer<typeof imageDefaults>;
