import { useSyncExternalStore } from 'react';
import { launchTokenFromHash, SESSION_HEADER, SESSION_PATH, sessionProtocols, tradeLaunchToken } from '../../electron/api/web-session';

/**
 * The browser tab's side of signing in to the web host (the protocol:
 * electron/api/web-session.ts). The session secret lives in this tab's
 * sessionStorage only: a reload keeps it, a duplicated tab copies it, another
 * tab needs a link of its own. It is sent on the WebSocket, never in a cookie,
 * a URL or a log.
 */
const STORAGE_KEY = 'cais.session';

/** Why this tab cannot reach Cais; undefined while it can (or may). */
export type WebSessionProblem = 'missing' | 'launch-refused' | 'ended';

let problem: WebSessionProblem | undefined;
const listeners = new Set<() => void>();
function setProblem(next: WebSessionProblem): void {
  problem = next;
  for (const listener of listeners) listener();
}

/** A promise that never settles: with no session, the socket waits instead of retrying in a loop. */
const never = <T>() => new Promise<T>(() => undefined);

/** Takes `#token=…` out of the address bar (and so out of history) at once; the page always stays on `/`. */
function takeLaunchToken(): string | undefined {
  const launch = launchTokenFromHash(window.location.hash);
  if (launch) window.history.replaceState(null, '', '/');
  return launch;
}

async function trade(launch: string): Promise<string> {
  const session = await tradeLaunchToken(window.location.origin, launch).catch(() => undefined);
  if (!session) {
    setProblem('launch-refused');
    return never();
  }
  sessionStorage.setItem(STORAGE_KEY, session);
  return session;
}

let secret: Promise<string> | undefined;
let connections = 0;

/**
 * Starts the tab's session (a launch token in the address wins over a kept
 * session) and returns the WebSocket's protocols provider, which sends it.
 */
export function startWebSession(): () => Promise<string[]> {
  const launch = takeLaunchToken();
  const kept = sessionStorage.getItem(STORAGE_KEY);
  secret = launch ? trade(launch) : kept ? Promise.resolve(kept) : (setProblem('missing'), never());
  // A link pasted into this tab while it is open changes only the fragment: take it too.
  window.addEventListener('hashchange', () => {
    const pasted = takeLaunchToken();
    // Already signed in: the link is left unused (it expires). Otherwise it signs this tab in.
    if (pasted && problem) void trade(pasted).then(() => window.location.reload());
  });
  return async () => {
    const session = await secret!;
    // On a reconnect, ask first whether the session still stands: a restarted host forgot it.
    if (connections++ > 0 && !(await stillStands(session))) {
      sessionStorage.removeItem(STORAGE_KEY);
      setProblem('ended');
      return never();
    }
    return sessionProtocols(session);
  };
}

async function stillStands(session: string): Promise<boolean> {
  try {
    const answer = await fetch(SESSION_PATH, { headers: { [SESSION_HEADER]: session }, cache: 'no-store', credentials: 'omit' });
    return answer.status !== 401;
  } catch {
    return true; // the host is away: the socket keeps trying, and asks again next time
  }
}

export function useWebSessionProblem(): WebSessionProblem | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => problem,
  );
}
