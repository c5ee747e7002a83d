import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../i18n/catalogs';
import { localizeState, localizeStatus } from './status-text';

let tEn: TFunction;
let tPt: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: catalogs.en }, 'pt-BR': { translation: catalogs['pt-BR'] } }, lng: 'en', interpolation: { escapeValue: false } });
  tEn = instance.getFixedT('en');
  tPt = instance.getFixedT('pt-BR');
});

describe('localizeStatus', () => {
  it.each([
    ['Up Less than a second', 'Up less than a second', 'Rodando há menos de um segundo'],
    ['Up 5 minutes', 'Up 5 minutes', 'Rodando há 5 minutos'],
    ['Up 1 hour (healthy)', 'Up 1 hour (healthy)', 'Rodando há 1 hora (saudável)'],
    ['Up About a minute (Paused)', 'Up about a minute (paused)', 'Rodando há cerca de um minuto (pausado)'],
    ['Exited (0) 22 seconds ago', 'Exited with code 0 22 seconds ago', 'Saiu com código 0 há 22 segundos'],
    ['Exited (137) 2 months ago', 'Exited with code 137 2 months ago', 'Saiu com código 137 há 2 meses'],
    ['Restarting (1) About an hour ago', 'Restarting (code 1) about an hour ago', 'Reiniciando (código 1) há cerca de uma hora'],
    ['Created', 'Created, never started', 'Criado, nunca iniciado'],
    ['Removal In Progress', 'Being removed', 'Sendo removido'],
  ])('%s', (engineText, english, portuguese) => {
    expect(localizeStatus(engineText, tEn)).toBe(english);
    expect(localizeStatus(engineText, tPt)).toBe(portuguese);
  });

  it('shows what it does not recognise as the engine wrote it', () => {
    expect(localizeStatus('Up forever and ever', tPt)).toBe('Up forever and ever');
    expect(localizeStatus('Something new', tPt)).toBe('Something new');
  });
});

describe('localizeState', () => {
  it('turns every engine state into a word of the language, through the catalogs', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { 'pt-BR': { translation: catalogs['pt-BR'] } }, lng: 'pt-BR' });
    const shown = ['running', 'exited', 'created', 'paused', 'restarting', 'removing', 'dead'].map((state) => localizeState(state, instance.t));
    expect(shown).toEqual(['rodando', 'parado', 'criado', 'pausado', 'reiniciando', 'removendo', 'morto']);
  });
});
