import { useSyncExternalStore } from 'react';

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** The address's hash as path segments (#containers/abc/logs → ['containers', 'abc', 'logs']). */
export function useHashPath(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment));
}

/** The area in the hash (#images), so the back button and reloads work. */
export function useHashRoute(fallback: string): string {
  return useHashPath()[0] || fallback;
}

/** Moves to another place in the app (a hash change, so Back works). */
export function navigate(hash: string): void {
  window.location.assign(hash.startsWith('#') ? hash : `#${hash}`);
}
