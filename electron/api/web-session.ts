/**
 * How a browser tab signs in to the web host (`npm run web`), shared by the
 * host, the page and the tests. Pure: runs in Node and in the browser.
 *
 * 1. The host prints a launch URL, `http://127.0.0.1:PORT/#token=LAUNCH`. The
 *    fragment never goes to a server; the launch token opens one tab, once,
 *    within LAUNCH_TOKEN_TTL_MS.
 * 2. The page takes the fragment away at once (history.replaceState) and trades
 *    the launch token on a same-origin POST to SESSION_PATH for a session
 *    secret, a different random value that it keeps in sessionStorage (this
 *    tab only; a reload keeps it).
 * 3. The page sends the secret on the WebSocket as a subprotocol, never as a
 *    cookie: nothing of Cais is ambient, so no other port of 127.0.0.1 (a
 *    container's published port opened from Cais' own link) ever receives it.
 */
export const SESSION_PATH = '/session';
export const RPC_PATH = '/rpc';
/** The subprotocol the host selects. */
export const RPC_PROTOCOL = 'cais.rpc';
/** Offered next to RPC_PROTOCOL: this prefix, then the session secret (base64url is a valid protocol token). */
export const SESSION_PROTOCOL_PREFIX = 'cais.session.';
/** The launch token's fragment key: `#token=…`. */
export const LAUNCH_FRAGMENT_KEY = 'token';
/** A launch token not used by then is refused. */
export const LAUNCH_TOKEN_TTL_MS = 2 * 60 * 1000;
/** The header a page uses to ask whether its session still stands (after the host restarted, it does not). */
export const SESSION_HEADER = 'x-cais-session';

/** The subprotocols that carry a session secret on the WebSocket. */
export function sessionProtocols(secret: string): string[] {
  return [RPC_PROTOCOL, `${SESSION_PROTOCOL_PREFIX}${secret}`];
}

/** The launch token of a URL's fragment (`#token=…`), if it has one. */
export function launchTokenFromHash(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(LAUNCH_FRAGMENT_KEY);
  return value && /^[\w-]{16,128}$/.test(value) ? value : undefined;
}

/** The launch URL for a host's origin and a fresh launch token. */
export function launchUrl(origin: string, launchToken: string): string {
  return `${origin}/#${LAUNCH_FRAGMENT_KEY}=${launchToken}`;
}

/**
 * Trades a launch token for a session secret (what the page does once).
 * Undefined when the host refuses it: used already, expired or never issued.
 */
export async function tradeLaunchToken(origin: string, launchToken: string, fetchImpl: typeof fetch = fetch): Promise<string | undefined> {
  const response = await fetchImpl(`${origin}${SESSION_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ launch: launchToken }),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 401) return undefined;
  if (!response.ok) throw new Error(`The web host answered ${response.status} to the sign-in.`);
  const body = (await response.json()) as { session?: unknown };
  if (typeof body.session !== 'string') throw new Error('The web host gave no session.');
  return body.session;
}
