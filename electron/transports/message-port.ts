import { RPCHandler } from '@orpc/server/message-port';
import type { MessagePortMain } from 'electron'; // types only: main.ts hands the port over
import type { LogSink } from '../logging/app-log';
import { logFailedCalls } from '../logging/call-log';
import type { RouterContext } from '../server/base';
import { router } from '../server/router';

/**
 * The desktop window's transport: the router served over one end of a MessageChannel that the
 * renderer hands to the main process (main.ts checks the sender first). The web host
 * (web-host.ts) serves the same router over a WebSocket.
 */
export function messagePortHost(log: LogSink): (port: MessagePortMain, context: RouterContext) => void {
  const rpc = new RPCHandler(router, { clientInterceptors: [logFailedCalls(log)] });
  return (port, context) => {
    rpc.upgrade(port, { context });
    port.start();
  };
}
