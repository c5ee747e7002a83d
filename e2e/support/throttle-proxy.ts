import net from 'node:net';

export interface ThrottleProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 that passes requests through as they come and
 * hands answers back at `bytesPerSecond`, so a pull through it is slow by
 * design (not by luck with a big image) and still runs when a test wants it to.
 */
export async function startThrottleProxy(targetPort: number, bytesPerSecond: number): Promise<ThrottleProxy> {
  const sockets = new Set<net.Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.end());
    client.pipe(upstream);
    // Small slices, each followed by the pause its size earns, keep the rate even.
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      const slice = Math.max(1, Math.floor(bytesPerSecond / 10));
      const send = (offset: number) => {
        if (client.destroyed) return;
        const part = chunk.subarray(offset, offset + slice);
        client.write(part);
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (offset + slice < chunk.length) send(offset + slice);
          else upstream.resume();
        }, (part.length / bytesPerSecond) * 1000);
        timers.add(timer);
      };
      send(0);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
