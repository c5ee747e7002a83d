import { contextBridge, ipcRenderer } from 'electron';

/*
 * The preload exposes one narrow object. The RPC channel itself is a
 * MessagePort: the page posts one end to us and we pass it to the main
 * process, so no Electron API ever reaches the page.
 */
window.addEventListener('message', (event) => {
  if (event.source !== window || event.data !== 'cais:connect') return;
  const [port] = event.ports;
  if (port) ipcRenderer.postMessage('cais:connect', null, [port]);
});

contextBridge.exposeInMainWorld('cais', {
  transport: 'electron',
  openExternal: (url: string) => ipcRenderer.send('cais:open-external', String(url)),
});
