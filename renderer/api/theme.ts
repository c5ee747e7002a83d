import type { Settings } from '../../electron/api/settings-schemas';

const STORAGE_KEY = 'cais.theme';

/**
 * The theme is a class on <html>: "dark", "light", or none to follow the
 * system (styles.css defines the dark variant that way). The last choice is
 * cached locally so the first paint already has it.
 */
export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  root.classList.toggle('dark', theme === 'dark');
  root.classList.toggle('light', theme === 'light');
  // Native controls (scrollbars, selects) follow the same choice.
  root.style.colorScheme = theme === 'system' ? '' : theme;
  localStorage.setItem(STORAGE_KEY, theme);
}

export function applyCachedTheme(): void {
  const cached = localStorage.getItem(STORAGE_KEY);
  if (cached === 'dark' || cached === 'light') applyTheme(cached);
}
