/** What the Electron preload exposes; absent in a normal browser. */
export interface CaisBridge {
  transport: 'electron';
  openExternal(url: string): void;
}

declare global {
  interface Window {
    cais?: CaisBridge;
  }
}

export function bridge(): CaisBridge | undefined {
  return window.cais;
}

/** Opens an http(s) link outside the app: the system browser or a new tab. */
export function openExternal(url: string): void {
  const electron = bridge();
  if (electron) electron.openExternal(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}
