import { ORPCError } from '@orpc/server';
import { errorText } from '../engine/errors';
import { activityFor } from './activity-log';
import { commandFor } from './activity-commands';
import { os } from './base';
import type { EngineConnection } from '../engine/connection';

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> & AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

interface Schema {
  '~standard': { validate(value: unknown): { issues?: unknown } | Promise<{ issues?: unknown }> };
}

async function validInput(schema: Schema | undefined, input: unknown): Promise<boolean> {
  if (!schema) return true;
  const result = await schema['~standard'].validate(input);
  return !result.issues;
}

/** The activity log's note for a stream the user closed before it ended. */
export const CANCELLED = 'cancelled before it finished';
/** Streams that are sessions, not work: closing one is how it normally ends. */
const SESSIONS = new Set(['containers.terminal']);

function failureText(error: unknown): string {
  if (error instanceof ORPCError) return `${error.code}: ${error.message}`;
  return errorText(error);
}

/**
 * The activity shows a container by the name every menu shows, not by the id the
 * screen sent: resolved when the call is recorded (before a remove or rename
 * changes it). Anything that cannot be resolved stays as sent.
 */
async function withContainerName(engine: EngineConnection, path: readonly string[], input: unknown): Promise<unknown> {
  if (path[0] !== 'containers' || typeof input !== 'object' || input === null) return input;
  const id = (input as { id?: unknown }).id;
  if (typeof id !== 'string') return input;
  try {
    const info = (await Promise.race([
      engine.client().getContainer(id).inspect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 2000).unref?.()),
    ])) as { Name?: string };
    const name = info.Name?.replace(/^\//, '');
    return name ? { ...input, id: name } : input;
  } catch {
    return input;
  }
}

/**
 * Records every call that changes the engine, once, for every area: its docker
 * command, when it ran and how it ended. Streams (pull, push, build, exec)
 * end when their iterator does. A call refused by input validation never
 * reached the engine and is not recorded.
 */
export const recordActivity = os.middleware(async ({ context, path, procedure, signal, next }, input) => {
  const command = commandFor(path, input);
  // This runs before the contract's own validation: an input it will refuse is not a change.
  if (command === undefined || !(await validInput(procedure['~orpc'].inputSchema, input))) return next();
  const named = await withContainerName(context.engine, path, input);
  const log = activityFor(context.engine);
  const entry = log.begin(path.join('.'), commandFor(path, named) ?? command);
  let result: Awaited<ReturnType<typeof next>>;
  try {
    result = await next();
  } catch (error) {
    log.finish(entry, { error: failureText(error) });
    throw error;
  }
  const output: unknown = result.output;
  if (!isAsyncIterator(output)) {
    log.finish(entry, { command: commandFor(path, named, output) });
    return result;
  }
  async function* watched() {
    let failed: string | undefined;
    let finished = false;
    let last: unknown;
    try {
      for await (const event of output as AsyncIterable<unknown>) {
        last = event;
        yield event;
      }
      finished = true;
    } catch (error) {
      failed = failureText(error);
      throw error;
    } finally {
      // A stream that reports its failure as its last event (a build's failed step) failed;
      // one closed before its end was cancelled, which is not "done" either.
      const failedEvent = (last as { type?: string; message?: string } | undefined)?.type === 'failed' ? (last as { message?: string }).message : undefined;
      // The caller's abort surfaces as an error of the stream ("aborted"): it is a cancel all the same.
      const cancelled = (signal?.aborted || (!finished && failed === undefined)) && !SESSIONS.has(path.join('.'));
      log.finish(entry, { error: cancelled ? CANCELLED : (failed ?? failedEvent) });
    }
  }
  return { ...result, output: watched() } as typeof result;
});
