import { withShell } from '../engine/image-shell';
import type { Readable } from 'node:stream';
import { ORPCError } from '@orpc/server';
import { BuildInputError } from '../engine/build-context';
import { errorText } from '../engine/errors';
import { loadUploads, LoadError, saveImage } from '../engine/image-archive';
import { buildImage } from '../engine/image-build';
import { imageLayers } from '../engine/image-layers';
import { parseReference, registryOf, withDefaultTag, type ImageReference } from '../engine/image-reference';
import { pullImage, pushImage } from '../engine/image-transfer';
import { ImageInUseError, imageUsage, listImages, previewPrune, pruneImages, removeImage, tagImage } from '../engine/images';
import { authConfig, registryConfig, registryKey } from '../engine/registry-auth';
import { classifyRegistryError } from '../engine/registry-errors';
import { registryCatalog, searchImages } from '../engine/registry-search';
import { os, type RouterContext } from './base';
import { toRpcError } from './errors';
import { credentialsOf } from './registries-router';

/** Engine, registry and input failures of this area, each with a code the renderer words. */
export function imagesRpcError(error: unknown): ORPCError<string, unknown> {
  if (error instanceof ORPCError) return error;
  if (error instanceof ImageInUseError) {
    return new ORPCError('IMAGE_IN_USE', { status: 409, message: error.message, data: { containers: error.containers } });
  }
  if (error instanceof BuildInputError) return new ORPCError(error.problem, { status: 400, message: error.message });
  if (error instanceof LoadError) return new ORPCError('LOAD_FAILED', { status: 400, message: error.message });
  const engineText = (error as { json?: { message?: string } }).json?.message ?? errorText(error);
  const problem = classifyRegistryError(engineText);
  if (problem) return new ORPCError(problem, { status: 502, message: engineText });
  return toRpcError(error);
}

async function imagesCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw imagesRpcError(error);
  }
}

/** The full grammar; a missing reference or a bad one is a sentence, not a stack trace. */
function checkedReference(input: string, needTag = false): ImageReference {
  const parsed = parseReference(input.trim());
  if (!parsed.ok) {
    throw new ORPCError('INVALID_REFERENCE', { status: 400, message: `${JSON.stringify(input)}: ${parsed.problem}`, data: { problem: parsed.problem } });
  }
  if (needTag && !parsed.reference.tag) {
    throw new ORPCError('INVALID_REFERENCE', { status: 400, message: `${JSON.stringify(input)}: missing-tag`, data: { problem: 'missing-tag' } });
  }
  return parsed.reference;
}

/** Runs a stream handler, turning its failures into this area's errors. */
async function* guarded<T>(stream: () => AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* stream();
  } catch (error) {
    throw imagesRpcError(error);
  }
}

/** The stored login for a reference's registry, if Cais has one (sent to the engine only). */
function loginFor(context: RouterContext, reference: ImageReference) {
  const registry = registryKey(registryOf(reference));
  const login = credentialsOf(context).authFor(registry);
  return { registry, login, auth: login ? authConfig(login) : undefined };
}

/**
 * A pull or push stream that, when the registry refuses, says whether Cais
 * has a login for it (and as whom), so the sentence can say what to do.
 */
async function* transferWithLogin<T>(registry: string, username: string | undefined, stream: () => AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* stream();
  } catch (error) {
    const rpc = imagesRpcError(error);
    if (rpc.code === 'UNAUTHORIZED' || rpc.code === 'IMAGE_NOT_FOUND') {
      throw new ORPCError(rpc.code, { status: rpc.status, message: rpc.message, data: { registry, ...(username ? { username } : {}) } });
    }
    throw rpc;
  }
}

const SAVE_CHUNK = 384 * 1024;

export const imagesRouter = {
  list: os.images.list.handler(({ context }) => imagesCall(() => listImages(context.engine.client()))),
  usage: os.images.usage.handler(({ context }) => imagesCall(() => imageUsage(context.engine.client()))),
  layers: os.images.layers.handler(({ context, input }) => imagesCall(() => imageLayers(context.engine.client(), input.reference))),
  pull: os.images.pull.handler(({ context, input, signal }) => {
    const reference = checkedReference(input.reference);
    const { registry, login, auth } = loginFor(context, reference);
    return transferWithLogin(registry, login?.username, () => pullImage(context.engine.client(), reference, signal, auth));
  }),
  tag: os.images.tag.handler(({ context, input }) => {
    const target = checkedReference(input.target, true);
    if (target.digest) throw new ORPCError('INVALID_REFERENCE', { status: 400, message: 'a tag cannot carry a digest', data: { problem: 'bad-tag' } });
    return imagesCall(async () => {
      await tagImage(context.engine.client(), input.source, target.repository, target.tag!);
      return { target: withDefaultTag(target) };
    });
  }),
  push: os.images.push.handler(({ context, input, signal }) => {
    const reference = checkedReference(input.reference, true);
    const { registry, login, auth } = loginFor(context, reference);
    return transferWithLogin(registry, login?.username, () => pushImage(context.engine.client(), reference, signal, auth));
  }),
  remove: os.images.remove.handler(({ context, input }) =>
    imagesCall(async () => ({ removed: await removeImage(context.engine.client(), input.reference, input.force) })),
  ),
  prunePreview: os.images.prunePreview.handler(({ context, input }) => imagesCall(() => previewPrune(context.engine.client(), input.all))),
  prune: os.images.prune.handler(({ context, input }) => imagesCall(() => pruneImages(context.engine.client(), input.all))),
  build: os.images.build.handler(({ context, input, signal }) => {
    const tag = input.tag?.trim() ? withDefaultTag(checkedReference(input.tag)) : undefined;
    const registries = registryConfig(credentialsOf(context).allAuths());
    return guarded(() => buildImage(context.engine.client(), { ...input, tag, registryConfig: registries }, signal));
  }),
  withShell: os.images.withShell.handler(({ context, input }) => imagesCall(() => withShell(context.engine.client(), input.references))),
  search: os.images.search.handler(({ context, input }) => imagesCall(() => searchImages(context.engine.client(), input.term))),
  catalog: os.images.catalog.handler(({ context, input, signal }) =>
    imagesCall(() => registryCatalog(input.registry, input.term, signal, credentialsOf(context).authFor(registryKey(input.registry)))),
  ),
  save: os.images.save.handler(({ context, input }) =>
    guarded(async function* () {
      const stream: Readable = await saveImage(context.engine.client(), input.reference);
      let bytes = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          pending.push(chunk);
          pendingBytes += chunk.length;
          bytes += chunk.length;
          while (pendingBytes >= SAVE_CHUNK) {
            const all = Buffer.concat(pending);
            yield { type: 'chunk' as const, data: all.subarray(0, SAVE_CHUNK).toString('base64') };
            pending = [all.subarray(SAVE_CHUNK)];
            pendingBytes = all.length - SAVE_CHUNK;
          }
        }
      } finally {
        stream.destroy();
      }
      if (pendingBytes > 0) yield { type: 'chunk' as const, data: Buffer.concat(pending).toString('base64') };
      yield { type: 'done' as const, bytes };
    }),
  ),
  loadStart: os.images.loadStart.handler(({ input }) => ({ uploadId: loadUploads.start(input.size) })),
  loadChunk: os.images.loadChunk.handler(({ input }) =>
    imagesCall(async () => ({ received: await loadUploads.append(input.uploadId, input.offset, Buffer.from(input.data, 'base64')) })),
  ),
  loadFinish: os.images.loadFinish.handler(({ context, input }) =>
    imagesCall(async () => ({ loaded: await loadUploads.finish(context.engine.client(), input.uploadId) })),
  ),
  loadCancel: os.images.loadCancel.handler(({ input }) => {
    loadUploads.cancel(input.uploadId);
  }),
};
