import type { ConnectionState } from '../api/schemas';
import type { LogLevel, LogSink } from './app-log';

/**
 * The log line for an engine connection change, or null when nothing worth
 * a line changed since the last line (`previous`): the reconnect loop
 * retries every few seconds while the engine is down, and that must not
 * fill the log.
 */
export function connectionLogEntry(previous: ConnectionState | null, next: ConnectionState): { level: LogLevel; message: string } | null {
  const where = (state: ConnectionState) => (state.endpoint ? `${state.endpoint.kind}://${state.endpoint.address.replace(/^\/+/, '/')}` : 'no engine found');
  if (next.status === 'connected') {
    if (previous?.status === 'connected' && where(previous) === where(next) && previous.engineVersion === next.engineVersion) return null;
    return { level: 'info', message: `Engine connected: ${where(next)} (${next.os}, engine ${next.engineVersion}, API ${next.apiVersion})` };
  }
  if (next.status === 'offline') {
    if (previous?.status === 'offline' && where(previous) === where(next) && previous.reason === next.reason && previous.detail === next.detail) return null;
    return { level: 'warn', message: `Engine offline: ${where(next)}: ${next.reason} (${next.trouble}): ${next.detail}` };
  }
  // connecting: worth a line only when the user switched to another engine.
  if (next.endpoint && previous && previous.endpoint && where(previous) !== where(next)) return { level: 'info', message: `Connecting to ${where(next)}` };
  return null;
}

/** Logs each engine state change worth a line; give it every `state` event. */
export function connectionLogger(log: LogSink): (state: ConnectionState) => void {
  let lastLogged: ConnectionState | null = null;
  return (state) => {
    const entry = connectionLogEntry(lastLogged, state);
    if (!entry) return;
    log[entry.level](entry.message);
    lastLogged = state;
  };
}
