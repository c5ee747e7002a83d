import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchSocketRemoval } from './socket-watch';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function listening(socketPath: string): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return server;
}

describe('watchSocketRemoval', () => {
  it('tells when the socket goes away, and not while it stays', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-sock-'));
    const socketPath = path.join(dir, 'engine.sock');
    const server = await listening(socketPath);
    const gone = vi.fn();
    const stop = watchSocketRemoval(socketPath, gone);
    fs.writeFileSync(path.join(dir, 'neighbour'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gone).not.toHaveBeenCalled();
    // Closing a listening server removes its socket file, as a stopping engine does.
    await new Promise((resolve) => server.close(resolve));
    await vi.waitFor(() => expect(gone).toHaveBeenCalled());
    stop();
  });

  it('does nothing where it cannot watch', () => {
    const stop = watchSocketRemoval(path.join(os.tmpdir(), 'no-such-folder-cais', 'engine.sock'), () => {
      throw new Error('must not be called');
    });
    expect(() => stop()).not.toThrow();
  });
});
