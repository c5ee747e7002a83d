import { describe, expect, it } from 'vitest';
import { desktopLanguage, languageFromLocale, translator } from './desktop-text';

describe('desktop text', () => {
  it('follows the Settings choice, else the system locale (pt-* → pt-BR)', () => {
    expect(desktopLanguage('en', 'pt-BR')).toBe('en');
    expect(desktopLanguage(null, 'pt-PT')).toBe('pt-BR');
    expect(desktopLanguage(null, 'de-DE')).toBe('en');
    expect(languageFromLocale('')).toBe('en');
  });

  it('fills placeholders in the chosen language', () => {
    expect(translator('pt-BR')('menu.app.about', { app: 'Cais' })).toBe('Sobre o Cais');
    expect(translator('en')('startup.logFile', { file: '/x/cais.log' })).toBe('The log file has the details: /x/cais.log');
  });
});
