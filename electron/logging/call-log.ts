import { ORPCError } from '@orpc/server';
import type { LogSink } from './app-log';

/**
 * An oRPC client interceptor that writes every failed call to the app's log
 * (its name and the error, never its input: inputs carry environment values
 * and file contents). Cancelled streams are not failures.
 */
export function logFailedCalls(log: LogSink) {
  return async <T>({ next, path }: { next: () => Promise<T>; path: readonly string[] }): Promise<T> => {
    try {
      return await next();
    } catch (error) {
      const name = path.join('.');
      if (error instanceof Error && error.name === 'AbortError') throw error;
      if (error instanceof ORPCError) log.warn(`Call ${name} failed: ${error.code}: ${error.message}`);
      else log.error(`Call ${name} failed`, error); // unexpected: keep the stack for a bug report
      throw error;
    }
  };
}
