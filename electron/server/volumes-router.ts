import path from 'node:path';
import { attachMount, detachMount, listContainerMounts, listImageTags, runWithVolume } from '../engine/volume-attach';
import { downloadPath, readTextFile, scanVolume, uploadFile } from '../engine/volume-archive';
import { backupVolume, cloneVolume, restoreVolume } from '../engine/volume-backup';
import { createVolume, listVolumes, pruneCandidates, pruneVolumes, removeVolume, volumeUsage } from '../engine/volumes';
import { uploads } from '../engine/uploads';
import fs from 'node:fs';
import { os as base } from './base';
import { defaultBackupFolder, inDefaultBackupFolder } from './backup-folder';
import { engineCall, toRpcError } from './errors';
import { requireFeature } from '../engine/engine-capabilities';

/** Runs a stream's generator, turning each failure into a coded RPC error. */
async function* engineStream<T>(work: () => AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* work();
  } catch (error) {
    throw toRpcError(error);
  }
}

/** The volumes area's handlers, one per call of volumesContract. */
export const volumesRouter = {
  list: base.volumes.list.handler(({ context }) => engineCall(() => listVolumes(context.engine.client()))),
  usage: base.volumes.usage.handler(({ context }) => engineCall(() => volumeUsage(context.engine.client()))),
  create: base.volumes.create.handler(({ context, input }) => engineCall(() => createVolume(context.engine.client(), input))),
  remove: base.volumes.remove.handler(({ context, input }) => engineCall(() => removeVolume(context.engine.client(), input.name))),
  pruneCandidates: base.volumes.pruneCandidates.handler(({ context }) => engineCall(() => pruneCandidates(context.engine.client()))),
  prune: base.volumes.prune.handler(({ context, input }) => engineCall(() => pruneVolumes(context.engine.client(), input.names))),
  scan: base.volumes.scan.handler(({ context, input }) =>
    engineStream(() => scanVolume(context.engine.client(), input.name, { entries: input.entries })),
  ),
  readText: base.volumes.readText.handler(({ context, input }) => engineCall(() => readTextFile(context.engine.client(), input.name, input.path))),
  download: base.volumes.download.handler(({ context, input }) => engineStream(() => downloadPath(context.engine.client(), input.name, input.path))),
  uploadBegin: base.volumes.uploadBegin.handler(({ input }) => engineCall(async () => ({ id: uploads.begin(input.size) }))),
  uploadChunk: base.volumes.uploadChunk.handler(({ input }) =>
    engineCall(async () => ({ received: await uploads.append(input.id, input.offset, Buffer.from(input.data, 'base64')) })),
  ),
  uploadCancel: base.volumes.uploadCancel.handler(({ input }) => uploads.release(input.id)),
  putFile: base.volumes.putFile.handler(({ context, input }) =>
    engineCall(async () => {
      const upload = uploads.complete(input.uploadId);
      try {
        await uploadFile(context.engine.client(), input.name, input.dir, input.fileName, fs.createReadStream(upload.file), upload.size);
      } finally {
        uploads.release(input.uploadId);
      }
    }),
  ),
  backup: base.volumes.backup.handler(({ context, input }) =>
    engineStream(() => {
      requireFeature(context.engine.state, 'volumeArchiveOwners');
      return backupVolume(context.engine.client(), { ...input, createFolder: inDefaultBackupFolder(context.engine.facts.home, input.destination) });
    }),
  ),
  backupFolder: base.volumes.backupFolder.handler(({ context, input }) => ({
    folder: defaultBackupFolder(context.engine.facts.home, input?.language),
    separator: path.sep,
  })),
  restore: base.volumes.restore.handler(({ context, input }) =>
    engineStream(async function* () {
      const fromUpload = 'uploadId' in input.source ? input.source.uploadId : undefined;
      const file = fromUpload ? uploads.complete(fromUpload).file : (input.source as { path: string }).path;
      let keepUpload = false;
      try {
        yield* restoreVolume(context.engine.client(), { name: input.name, file, allowNonEmpty: input.allowNonEmpty });
      } catch (error) {
        // Keep the upload when the user is only asked whether to write into a non-empty volume.
        keepUpload = (error as { code?: string }).code === 'VOLUME_NOT_EMPTY';
        throw error;
      } finally {
        if (fromUpload && !keepUpload) uploads.release(fromUpload);
      }
    }),
  ),
  clone: base.volumes.clone.handler(({ context, input }) =>
    engineStream(() => {
      requireFeature(context.engine.state, 'volumeArchiveOwners');
      return cloneVolume(context.engine.client(), input);
    }),
  ),
  containers: base.volumes.containers.handler(({ context }) => engineCall(() => listContainerMounts(context.engine.client()))),
  images: base.volumes.images.handler(({ context }) => engineCall(() => listImageTags(context.engine.client()))),
  attach: base.volumes.attach.handler(({ context, input }) => engineCall(() => attachMount(context.engine.client(), input.container, input.mount))),
  detach: base.volumes.detach.handler(({ context, input }) => engineCall(() => detachMount(context.engine.client(), input.container, input.target))),
  run: base.volumes.run.handler(({ context, input }) => engineCall(() => runWithVolume(context.engine.client(), input))),
};
