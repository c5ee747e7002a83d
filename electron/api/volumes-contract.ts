import { trustedOutput } from './trusted-output';
import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import {
  attachInput,
  backupInput,
  cloneInput,
  containerMounts,
  createVolumeInput,
  detachInput,
  fileName,
  recreateResult,
  restoreInput,
  runWithVolumeInput,
  scanEvent,
  transferChunk,
  UPLOAD_CHUNK_BYTES,
  uploadId,
  volumeName,
  volumePath,
  volumeRefInput,
  type VolumeSummary,
  volumeUsage,
  workProgress,
} from './volumes-schemas';
import { noInput } from './schemas';

/** base64 of at most UPLOAD_CHUNK_BYTES bytes. */
const base64Chunk = z
  .string()
  .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The volumes area's calls and streams (see the volumes issue). */
export const volumesContract = {
  /** Only GET /volumes: cheap at any scale. Who uses each volume is `usage`, fetched beside it. */
  list: oc.input(noInput).output(trustedOutput<VolumeSummary[]>()),
  /** Which containers use each volume (one container list); the remove call checks again by itself. */
  usage: oc.input(noInput).output(volumeUsage),
  create: oc.input(createVolumeInput).output(z.void()),
  remove: oc.input(volumeRefInput).output(z.void()),
  /** The volumes a prune would remove now: no container uses them. */
  pruneCandidates: oc.input(noInput).output(z.array(z.string())),
  /** Removes exactly these (each only if still unused). */
  prune: oc
    .input(z.strictObject({ names: z.array(volumeName).max(10_000) }))
    .output(z.object({ removed: z.array(z.string()), kept: z.array(z.object({ name: z.string(), reason: z.string() })) })),
  /** Walks the volume: progress, then (with entries) its file tree in batches. Cancel by closing the stream. */
  scan: oc.input(z.strictObject({ name: volumeName, entries: z.boolean() })).output(eventIterator(scanEvent)),
  readText: oc
    .input(z.strictObject({ name: volumeName, path: volumePath }))
    .output(z.object({ text: z.string(), truncated: z.boolean(), size: z.number() })),
  download: oc.input(z.strictObject({ name: volumeName, path: volumePath })).output(eventIterator(transferChunk)),
  /** Uploads travel in chunks: begin, then chunk after chunk, then a call that uses the upload. */
  uploadBegin: oc.input(z.strictObject({ size: z.number().int().min(0) })).output(z.object({ id: uploadId })),
  uploadChunk: oc
    .input(z.strictObject({ id: uploadId, offset: z.number().int().min(0), data: base64Chunk }))
    .output(z.object({ received: z.number() })),
  uploadCancel: oc.input(z.strictObject({ id: uploadId })).output(z.void()),
  /** Puts an upload into a folder of the volume as `fileName`. */
  putFile: oc.input(z.strictObject({ name: volumeName, dir: volumePath, fileName, uploadId })).output(z.void()),
  backup: oc.input(backupInput).output(eventIterator(workProgress)),
  /** Where backups go unless the user picks another place. */
  backupFolder: oc
    .input(z.strictObject({ language: z.enum(['en', 'pt-BR']).optional() }).optional())
    .output(z.object({ folder: z.string(), separator: z.string() })),
  restore: oc.input(restoreInput).output(eventIterator(workProgress)),
  clone: oc.input(cloneInput).output(eventIterator(workProgress)),
  containers: oc.input(noInput).output(z.array(containerMounts)),
  images: oc.input(noInput).output(z.array(z.string())),
  attach: oc.input(attachInput).output(recreateResult),
  detach: oc.input(detachInput).output(recreateResult),
  /** The new container, with its state as the engine reports it right after the start (it may have exited already). */
  run: oc.input(runWithVolumeInput).output(z.object({ id: z.string(), name: z.string(), state: z.string(), exitCode: z.number() })),
};
