import { z } from 'zod';
import { containerRef, hasNoDotSteps, hasNoNul, hasPlainSteps, hostPath } from './schemas';
import { hostAccess } from './host-access';
import { runSpec } from './run-schema';

/** Why a volume name is not acceptable, or undefined when it is (the engine's own rule). */
export type VolumeNameProblem = 'empty' | 'tooShort' | 'tooLong' | 'badStart' | 'badChar';

export const VOLUME_NAME_MAX = 128;

export function volumeNameProblem(name: string): VolumeNameProblem | undefined {
  if (name.length === 0) return 'empty';
  if (!/^[a-zA-Z0-9]/.test(name)) return 'badStart';
  if (!/^[a-zA-Z0-9_.-]*$/.test(name)) return 'badChar';
  if (name.length < 2) return 'tooShort';
  if (name.length > VOLUME_NAME_MAX) return 'tooLong';
  return undefined;
}

export const volumeName = z
  .string()
  .refine((name) => volumeNameProblem(name) === undefined, 'must be a volume name: letters, digits, _ . - (2 or more)');

export const volumeRefInput = z.strictObject({ name: volumeName });

/** A path inside a volume, relative to its root: "", "a/b.txt". No "..", no leading slash. */
export const volumePath = z
  .string()
  .max(4096)
  .refine(
    (value) => value === '' || (!value.startsWith('/') && !value.includes('\0') && value.split('/').every((part) => part !== '' && part !== '.' && part !== '..')),
    'must be a relative path inside the volume',
  );

const labelKey = z.string().min(1).max(256).regex(/^[^\s=\0]+$/);
export const volumeLabels = z.record(labelKey, z.string().max(4096));

export const createVolumeInput = z.strictObject({
  name: volumeName,
  driver: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]{0,127}$/)
    .refine(hasNoDotSteps, 'must be a driver name')
    .default('local'),
  labels: volumeLabels.default({}),
});

export const volumeUser = z.object({ id: z.string(), name: z.string(), state: z.string(), destination: z.string(), readOnly: z.boolean() });
export type VolumeUser = z.infer<typeof volumeUser>;

export const volumeSummary = z.object({
  name: z.string(),
  driver: z.string(),
  /** ISO time, or '' when the driver does not say. */
  createdAt: z.string(),
  mountpoint: z.string(),
  scope: z.string(),
  labels: z.record(z.string(), z.string()),
  anonymous: z.boolean(),
});
export type VolumeSummary = z.infer<typeof volumeSummary>;

/** The volumes some container uses (helpers excluded), each with those containers; unused volumes are absent. */
export const volumeUsage = z.array(z.object({ name: z.string(), usedBy: z.array(volumeUser) }));
export type VolumeUsage = z.infer<typeof volumeUsage>;

/** One entry of a volume's file tree; `path` is relative to the volume root. */
export const volumeEntry = z.object({
  path: z.string(),
  type: z.enum(['file', 'directory', 'symlink', 'other']),
  size: z.number(),
  mode: z.number(),
  uid: z.number(),
  gid: z.number(),
  mtime: z.number(),
  linkTarget: z.string().optional(),
});
export type VolumeEntry = z.infer<typeof volumeEntry>;

export const scanEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), files: z.number(), bytes: z.number() }),
  z.object({ type: z.literal('entries'), entries: z.array(volumeEntry) }),
  z.object({ type: z.literal('done'), files: z.number(), bytes: z.number(), truncated: z.boolean() }),
]);
export type ScanEvent = z.infer<typeof scanEvent>;

export const transferChunk = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), fileName: z.string(), mime: z.string() }),
  /** base64, at most 512 KiB of bytes per chunk (fits the web host's 1 MiB frames). */
  z.object({ type: z.literal('chunk'), data: z.string() }),
  z.object({ type: z.literal('done'), bytes: z.number() }),
]);
export type TransferChunk = z.infer<typeof transferChunk>;

export const workProgress = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), files: z.number(), bytes: z.number(), totalBytes: z.number().optional() }),
  z.object({ type: z.literal('done'), files: z.number(), bytes: z.number(), path: z.string().optional(), volume: z.string().optional() }),
]);
export type WorkProgress = z.infer<typeof workProgress>;

export const uploadId = z.string().regex(/^[a-f0-9]{32}$/);
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

export const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((value) => !value.includes('/') && !value.includes('\0') && value !== '.' && value !== '..', 'must be a file name');

export const backupInput = z.strictObject({
  name: volumeName,
  /** Absolute path of the .tar.gz to write, on the machine that runs Cais. */
  destination: hostPath,
  overwrite: z.boolean().default(false),
});

export const restoreSource = z.union([
  z.strictObject({ uploadId }),
  /** A .tar.gz on the machine that runs Cais. */
  z.strictObject({ path: hostPath }),
]);

export const restoreInput = z.strictObject({
  name: volumeName,
  source: restoreSource,
  /** Create the volume if it does not exist; write into a non-empty one only when true. */
  allowNonEmpty: z.boolean().default(false),
});

export const cloneInput = z.strictObject({ source: volumeName, target: volumeName });

export const mountKind = z.enum(['volume', 'bind', 'tmpfs']);
export const containerPath = z
  .string()
  .min(2)
  .max(4096)
  .regex(/^\/[^\0:]*$/, 'must be an absolute path inside the container')
  .refine((value) => value !== '/' && !value.split('/').includes('..'), 'must be an absolute path inside the container');

export const mountSpec = z
  .strictObject({
    kind: mountKind,
    /** Volume name, host folder (absolute) or '' for tmpfs. */
    source: z.string().max(4096),
    target: containerPath,
    readOnly: z.boolean().default(false),
  })
  .refine(
    ({ kind, source }) =>
      kind === 'volume' ? volumeNameProblem(source) === undefined : kind === 'bind' ? hostPath.safeParse(source).success : source === '',
    { message: 'must be a volume name, an absolute host folder, or empty for tmpfs', path: ['source'] },
  );
export type MountSpec = z.infer<typeof mountSpec>;

export const attachInput = z.strictObject({
  container: containerRef,
  mount: mountSpec,
});

export const detachInput = z.strictObject({ container: containerRef, target: containerPath });

export const runWithVolumeInput = z.strictObject({
  name: volumeName,
  image: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/)
    .refine(hasPlainSteps, 'must be an image name'),
  containerName: containerRef.optional(),
  target: containerPath,
  readOnly: z.boolean().default(false),
  /** Shell words, split on the server: free text, but never a NUL byte (no argument can hold one). */
  command: z.string().max(4096).refine(hasNoNul, 'must not contain a NUL byte').default(''),
});

export const containerMount = z.object({
  kind: z.string(),
  source: z.string(),
  target: z.string(),
  readOnly: z.boolean(),
});
export const containerMounts = z.object({ id: z.string(), name: z.string(), state: z.string(), image: z.string(), mounts: z.array(containerMount) });
export type ContainerMounts = z.infer<typeof containerMounts>;

/** The new container; its run spec and whether the old one ran, so its commands can be said. */
export const recreateResult = z.object({
  id: z.string(),
  name: z.string(),
  keptOld: z.string().optional(),
  wasRunning: z.boolean(),
  spec: runSpec.optional(),
  /** What the new container keeps that gives it power over the host, said in its commands with the spec. */
  access: hostAccess.optional(),
});
