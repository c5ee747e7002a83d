import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../api/schemas';
import { aboutText, type AboutFacts } from './about';
import { translator } from './desktop-text';

const facts = (engine: ConnectionState | null): AboutFacts => ({
  appName: 'Cais',
  appVersion: '0.1.0',
  versions: { electron: '45.4.1', chrome: '142.0.7444.59', node: '22.20.0', v8: '14.2.231' },
  os: 'Linux 6.8.0 x64',
  engine,
});

const connected: ConnectionState = {
  status: 'connected',
  endpoint: { kind: 'unix', address: '/var/run/docker.sock', source: 'default', tls: false },
  engineVersion: '27.3.1',
  apiVersion: '1.47',
  os: 'linux',
  platform: 'linux',
  product: 'Docker',
  unsupported: [],
};

describe('About', () => {
  it('names the app, Electron, Chromium, Node and the engine it talks to', () => {
    const about = aboutText(facts(connected), translator('en'));
    expect(about.title).toBe('About Cais');
    expect(about.heading).toBe('Cais 0.1.0');
    expect(about.detail).toContain('Electron: 45.4.1');
    expect(about.detail).toContain('Chromium: 142.0.7444.59');
    expect(about.detail).toContain('Node.js: 22.20.0');
    expect(about.detail).toContain('Operating system: Linux 6.8.0 x64');
    expect(about.detail).toContain('Docker engine: 27.3.1 (API 1.47, linux) at /var/run/docker.sock');
    expect(about.copyText.split('\n')[0]).toBe('Cais 0.1.0');
    expect(about.copyText).toContain('Electron: 45.4.1');
  });

  it('says in Portuguese when no engine is connected', () => {
    const about = aboutText(facts(null), translator('pt-BR'));
    expect(about.title).toBe('Sobre o Cais');
    expect(about.detail).toContain('Engine Docker: não conectado');
    expect(about.detail).toContain('Sistema operacional: Linux 6.8.0 x64');
  });

  it('leaves out versions it does not have (the web host has no Electron)', () => {
    const about = aboutText({ ...facts(null), versions: { node: '20.19.0' } }, translator('en'));
    expect(about.detail).not.toMatch(/Electron|Chromium/);
    expect(about.detail).toContain('Node.js: 20.19.0');
  });
});
