import type { ContractRouterClient } from '@orpc/contract';
import { createORPCClient } from '@orpc/client';
import { RPCLink as MessagePortLink } from '@orpc/client/message-port';
import { RPCLink as WebSocketLink } from '@orpc/client/websocket';
import { createTanstackQueryUtils } from '@orpc/tanstack-query';
import { WebSocket as ReconnectingWebSocket } from 'partysocket';
import type { Contract } from '../../electron/api/contract';
import { bridge } from './bridge';
import { startWebSession } from './web-session';

export type ApiClient = ContractRouterClient<Contract>;

/** Electron: a MessagePort handed to the preload. Browser: a WebSocket to the web host. */
function createLink() {
  if (bridge()) {
    const { port1, port2 } = new MessageChannel();
    window.postMessage('cais:connect', '*', [port2]);
    port1.start();
    return new MessagePortLink({ port: port1 });
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  // The tab's session secret travels as a WebSocket subprotocol, never as a cookie:
  // no other port of 127.0.0.1 (a container's, opened from a link here) ever receives it.
  const websocket = new ReconnectingWebSocket(`${scheme}://${window.location.host}/rpc`, startWebSession());
  return new WebSocketLink({ websocket: websocket as unknown as WebSocket });
}

export const client: ApiClient = createORPCClient(createLink());
export const orpc = createTanstackQueryUtils(client);
