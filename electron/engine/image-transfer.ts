import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { TransferEvent } from '../api/images-schemas';
import { ProgressAggregator, type ProgressLine } from './image-progress';
import { registryOf, withDefaultTag, type ImageReference } from './image-reference';
import { LineSplitter } from './line-splitter';

/** An error line in a pull or push stream: the engine's own words. */
export class TransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransferError';
  }
}

const SNAPSHOT_EVERY_MS = 100;

/**
 * Reads a pull or push stream to its end, yielding a progress snapshot at
 * most every 100 ms. Returning early (the caller cancelled) destroys the
 * stream, which closes the HTTP request and so stops the engine's work.
 */
async function* followTransfer(stream: Readable, started: number): AsyncGenerator<TransferEvent, string | undefined> {
  const progress = new ProgressAggregator();
  const splitter = new LineSplitter();
  let lastYield = 0;
  const snapshot = (): TransferEvent => ({ type: 'progress', ...progress.snapshot(), elapsedMs: Date.now() - started });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const line of splitter.push(chunk)) {
        let parsed: ProgressLine;
        try {
          parsed = JSON.parse(line) as ProgressLine;
        } catch {
          continue;
        }
        const error = progress.push(parsed);
        if (error) throw new TransferError(error);
      }
      if (Date.now() - lastYield >= SNAPSHOT_EVERY_MS) {
        lastYield = Date.now();
        yield snapshot();
      }
    }
  } finally {
    stream.destroy();
  }
  yield snapshot();
  return progress.snapshot().digest;
}

/** `docker pull`: a tag defaults to latest; a digest pins the exact image. `auth` is the registry's login, if any. */
export async function* pullImage(docker: Docker, reference: ImageReference, signal?: AbortSignal, auth?: Docker.AuthConfig): AsyncGenerator<TransferEvent> {
  const started = Date.now();
  const stream = (await docker.createImage({
    fromImage: reference.repository,
    tag: reference.digest ?? reference.tag ?? 'latest',
    abortSignal: signal,
    ...(auth ? { authconfig: auth } : {}),
  })) as unknown as Readable;
  const digest = yield* followTransfer(stream, started);
  yield { type: 'done', reference: withDefaultTag(reference), digest, elapsedMs: Date.now() - started };
}

/**
 * `docker push`: the engine needs an X-Registry-Auth header even when the
 * registry wants none; with a login it carries the user name and password.
 */
export async function* pushImage(docker: Docker, reference: ImageReference, signal?: AbortSignal, auth?: Docker.AuthConfig): AsyncGenerator<TransferEvent> {
  const started = Date.now();
  const name = withDefaultTag(reference);
  const stream = (await docker
    .getImage(reference.repository)
    .push({ tag: reference.tag ?? 'latest', abortSignal: signal } as object, undefined, auth ?? { serveraddress: registryOf(reference) })) as unknown as Readable;
  const digest = yield* followTransfer(stream, started);
  yield { type: 'done', reference: name, digest, elapsedMs: Date.now() - started };
}
