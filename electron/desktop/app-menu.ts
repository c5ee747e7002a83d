import type { MenuItemConstructorOptions } from 'electron'; // types only: this module runs under Vitest
import type { Translate } from './desktop-text';

export interface MenuActions {
  about(): void;
  openLogFolder(): void;
  openDocs(): void;
  reportProblem(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  t: Translate;
  actions: MenuActions;
  /** Developer tools in the View menu (development builds only). */
  devTools: boolean;
}

/**
 * The native menu bar as an Electron template, every label in the user's
 * language (Electron's role labels are English only). macOS gets the app
 * menu first and no & mnemonics; Windows and Linux get Alt mnemonics from
 * the & in the catalogue (`&Arquivo`).
 */
export function buildMenuTemplate({ platform, appName, t, actions, devTools }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const title = (text: string) => (mac ? text.replace(/&(?=\S)/g, '') : text);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { id: 'about', label: t(mac ? 'menu.app.about' : 'menu.help.about', { app: appName }), click: () => actions.about() };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services', label: t('menu.app.services') },
      separator,
      { role: 'hide', label: t('menu.app.hide', { app: appName }) },
      { role: 'hideOthers', label: t('menu.app.hideOthers') },
      { role: 'unhide', label: t('menu.app.showAll') },
      separator,
      { role: 'quit', label: t('menu.app.quit', { app: appName }) },
    ],
  };

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: title(t('menu.file.title')),
    submenu: mac
      ? [{ role: 'close', label: t('menu.file.closeWindow') }]
      : [{ role: 'close', label: t('menu.file.closeWindow') }, separator, { role: 'quit', label: t('menu.file.quit') }],
  };

  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: title(t('menu.edit.title')),
    submenu: [
      { role: 'undo', label: t('menu.edit.undo') },
      { role: 'redo', label: t('menu.edit.redo') },
      separator,
      { role: 'cut', label: t('menu.edit.cut') },
      { role: 'copy', label: t('menu.edit.copy') },
      { role: 'paste', label: t('menu.edit.paste') },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: t('menu.edit.pasteAndMatchStyle') } as const] : []),
      { role: 'delete', label: t('menu.edit.delete') },
      separator,
      { role: 'selectAll', label: t('menu.edit.selectAll') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: title(t('menu.view.title')),
    submenu: [
      { role: 'reload', label: t('menu.view.reload') },
      ...(devTools ? [{ role: 'toggleDevTools', label: t('menu.view.toggleDevTools') } as const] : []),
      separator,
      { role: 'resetZoom', label: t('menu.view.resetZoom') },
      { role: 'zoomIn', label: t('menu.view.zoomIn') },
      { role: 'zoomOut', label: t('menu.view.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu.view.toggleFullScreen') },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    id: 'window',
    label: title(t('menu.window.title')),
    // On macOS this role makes it the system's Window menu (with the list of windows).
    ...(mac ? { role: 'window' as const } : {}),
    submenu: mac
      ? [
          { role: 'minimize', label: t('menu.window.minimize') },
          { role: 'zoom', label: t('menu.window.zoom') },
          separator,
          { role: 'front', label: t('menu.window.front') },
        ]
      : [
          { role: 'minimize', label: t('menu.window.minimize') },
          { role: 'close', label: t('menu.window.close') },
        ],
  };

  const help: MenuItemConstructorOptions = {
    id: 'help',
    label: title(t('menu.help.title')),
    // On macOS this role adds the system's search field to the Help menu.
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      { id: 'docs', label: t('menu.help.docs'), click: () => actions.openDocs() },
      { id: 'report-problem', label: t('menu.help.reportProblem'), click: () => actions.reportProblem() },
      { id: 'open-log-folder', label: t('menu.help.openLogFolder'), click: () => actions.openLogFolder() },
      ...(mac ? [] : [separator, about]),
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
