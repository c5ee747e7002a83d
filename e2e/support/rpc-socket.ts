import WebSocket from 'ws';
import { launchTokenFromHash, RPC_PATH, sessionProtocols, tradeLaunchToken } from '../../electron/api/web-session';

/** Signs in with a launch URL as a page does: its token traded once for a session secret. */
export async function sessionFor(launchUrl: string): Promise<{ origin: string; session: string }> {
  const url = new URL(launchUrl);
  const session = await tradeLaunchToken(url.origin, launchTokenFromHash(url.hash) ?? '');
  if (!session) throw new Error('the web host refused the launch link');
  return { origin: url.origin, session };
}

/** A WebSocket to the web host's router, signed in with a launch URL (each URL works once). */
export async function openRpcSocket(launchUrl: string): Promise<WebSocket> {
  const { origin, session } = await sessionFor(launchUrl);
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}${RPC_PATH}`, sessionProtocols(session), { headers: { origin } });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return socket;
}
