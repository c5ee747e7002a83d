import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from './app-menu';
import { translator, type DesktopLanguage } from './desktop-text';

function actions(): MenuActions {
  return { about: vi.fn(), openLogFolder: vi.fn(), openDocs: vi.fn(), reportProblem: vi.fn() };
}

function menu(platform: NodeJS.Platform, language: DesktopLanguage, devTools = false, spies = actions()) {
  return buildMenuTemplate({ platform, appName: 'Cais', t: translator(language), actions: spies, devTools });
}

const plain = (label: string | undefined) => label?.replace(/&/g, '');
const titles = (template: MenuItemConstructorOptions[]) => template.map((item) => plain(item.label));
const submenu = (item: MenuItemConstructorOptions | undefined) => item?.submenu as MenuItemConstructorOptions[];
/** Every item of every submenu, separators left out. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((top) => submenu(top).filter((item) => item.type !== 'separator'));
}
const find = (template: MenuItemConstructorOptions[], id: string) => items(template).find((item) => item.id === id);

describe('the application menu', () => {
  it('reads File, Edit, View, Window, Help in English on Windows and Linux', () => {
    expect(titles(menu('win32', 'en'))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(titles(menu('linux', 'en'))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('reads Arquivo, Editar, Exibir, Janela, Ajuda in Brazilian Portuguese', () => {
    expect(titles(menu('linux', 'pt-BR'))).toEqual(['Arquivo', 'Editar', 'Exibir', 'Janela', 'Ajuda']);
    const edit = submenu(menu('linux', 'pt-BR')[1]).map((item) => item.label).filter(Boolean);
    expect(edit).toEqual(['Desfazer', 'Refazer', 'Recortar', 'Copiar', 'Colar', 'Apagar', 'Selecionar Tudo']);
  });

  it('has Alt mnemonics on Windows and Linux, none on macOS', () => {
    expect(menu('win32', 'pt-BR')[0].label).toBe('&Arquivo');
    for (const item of menu('darwin', 'pt-BR')) expect(item.label).not.toContain('&');
  });

  it('leaves no English label in the Portuguese menu (every role gets its own label)', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const english = new Set(items(menu(platform, 'en', true)).map((item) => item.label));
      for (const item of items(menu(platform, 'pt-BR', true))) {
        expect(item.label, `${platform} ${item.role ?? item.id}`).toBeTruthy();
        if (item.label !== 'Zoom') expect(english.has(item.label), `${platform}: ${item.label}`).toBe(false);
      }
    }
  });

  it('puts the app menu first on macOS, with About, Hide and Quit named after the app', () => {
    const template = menu('darwin', 'pt-BR');
    expect(titles(template)).toEqual(['Cais', 'Arquivo', 'Editar', 'Exibir', 'Janela', 'Ajuda']);
    const labels = submenu(template[0]).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['Sobre o Cais', 'Ocultar Cais', 'Encerrar Cais']));
    expect(template.find((item) => item.id === 'window')?.role).toBe('window');
    expect(template.find((item) => item.id === 'help')?.role).toBe('help');
  });

  it('has Documentation, Report a Problem, Open Log Folder and About in Help on Windows and Linux', () => {
    const help = submenu(menu('linux', 'en').at(-1)).map((item) => item.label).filter(Boolean);
    expect(help).toEqual(['Documentation', 'Report a Problem', 'Open Log Folder', 'About Cais']);
  });

  it('runs the right action for About, the log folder, the docs and problem reports', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const spies = actions();
      const template = menu(platform, 'en', false, spies);
      for (const id of ['about', 'open-log-folder', 'docs', 'report-problem']) (find(template, id)?.click as () => void)();
      expect(spies.about).toHaveBeenCalledOnce();
      expect(spies.openLogFolder).toHaveBeenCalledOnce();
      expect(spies.openDocs).toHaveBeenCalledOnce();
      expect(spies.reportProblem).toHaveBeenCalledOnce();
    }
  });

  it('offers the developer tools only in development builds', () => {
    const roles = (devTools: boolean) => items(menu('linux', 'en', devTools)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('quits from File on Windows and Linux, from the app menu on macOS', () => {
    expect(submenu(menu('win32', 'en')[0]).some((item) => item.role === 'quit')).toBe(true);
    expect(submenu(menu('darwin', 'en')[1]).some((item) => item.role === 'quit')).toBe(false);
    expect(submenu(menu('darwin', 'en')[0]).some((item) => item.role === 'quit')).toBe(true);
  });
});
