import fs from 'node:fs';
import path from 'node:path';

/**
 * Calls `gone` once the unix socket at `socketPath` disappears. An engine
 * that shuts down removes its socket at once, while its open streams (the
 * events stream among them) can take seconds more to end. Returns the
 * function that stops watching; where nothing can be watched (a named pipe,
 * an unreadable folder) it does nothing, and the events stream still tells.
 */
export function watchSocketRemoval(socketPath: string, gone: () => void): () => void {
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(path.dirname(socketPath), { persistent: false }, (_event, name) => {
      if ((name === null || name === path.basename(socketPath)) && !fs.existsSync(socketPath)) gone();
    });
  } catch {
    return () => undefined;
  }
  watcher.on('error', () => watcher.close());
  return () => watcher.close();
}
