import { describe, expect, it } from 'vitest';
import type { PublishedPort } from '../../../electron/api/schemas';
import { browserAddress, portLabel, relativeTime } from './format';

const NOW_MS = Date.UTC(2024, 4, 10, 12, 0, 0);
const NOW_S = NOW_MS / 1000;
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
  it.each([
    [0, 'now', 'agora'],
    [-5, '5 seconds ago', 'há 5 segundos'],
    [-3 * MINUTE, '3 minutes ago', 'há 3 minutos'],
    [-2 * HOUR, '2 hours ago', 'há 2 horas'],
    [-DAY, 'yesterday', 'ontem'],
    [-3 * DAY, '3 days ago', 'há 3 dias'],
    [-14 * DAY, '2 weeks ago', 'há 2 semanas'],
    [-90 * DAY, '3 months ago', 'há 3 meses'],
    [-2 * 365 * DAY, '2 years ago', 'há 2 anos'],
    [2 * HOUR, 'in 2 hours', 'em 2 horas'],
  ])('%i s from now reads "%s" / "%s"', (offset, en, ptBR) => {
    expect(relativeTime(NOW_S + offset, 'en', NOW_MS)).toBe(en);
    expect(relativeTime(NOW_S + offset, 'pt-BR', NOW_MS)).toBe(ptBR);
  });

  it('rounds to the nearest whole unit', () => {
    expect(relativeTime(NOW_S - (2 * HOUR + 40 * MINUTE), 'en', NOW_MS)).toBe('3 hours ago');
    expect(relativeTime(NOW_S - (2 * HOUR + 10 * MINUTE), 'en', NOW_MS)).toBe('2 hours ago');
  });

  it('uses the current time by default', () => {
    expect(relativeTime(Date.now() / 1000 - 3 * DAY, 'en')).toBe('3 days ago');
  });
});

function port(overrides: Partial<PublishedPort>): PublishedPort {
  return { privatePort: 80, publicPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp', ...overrides };
}

describe('browserAddress', () => {
  it('opens a port published on every address at localhost', () => {
    expect(browserAddress(port({ hostIp: '0.0.0.0' }))).toBe('http://localhost:8080');
    expect(browserAddress(port({ hostIp: '::' }))).toBe('http://localhost:8080');
    expect(browserAddress(port({ hostIp: undefined }))).toBe('http://localhost:8080');
  });

  it('opens a port bound to one address at that address', () => {
    expect(browserAddress(port({ hostIp: '127.0.0.1', publicPort: 3000 }))).toBe('http://127.0.0.1:3000');
  });

  it('brackets an IPv6 address', () => {
    expect(browserAddress(port({ hostIp: '::1' }))).toBe('http://[::1]:8080');
    expect(browserAddress(port({ hostIp: 'fd00::5' }))).toBe('http://[fd00::5]:8080');
  });

  it('has no address for udp or unpublished ports', () => {
    expect(browserAddress(port({ protocol: 'udp' }))).toBeUndefined();
    expect(browserAddress(port({ protocol: 'sctp' }))).toBeUndefined();
    expect(browserAddress(port({ publicPort: undefined, hostIp: undefined }))).toBeUndefined();
  });
});

describe('portLabel', () => {
  it('brackets IPv6 host addresses and hides the all-addresses ones', () => {
    expect(portLabel(port({ hostIp: '::1' }))).toBe('[::1]:8080→80/tcp');
    expect(portLabel(port({ hostIp: '::' }))).toBe('8080→80/tcp');
  });

  it('shows host port → container port/protocol, leaving out 0.0.0.0', () => {
    expect(portLabel(port({}))).toBe('8080→80/tcp');
  });

  it('names a specific host address', () => {
    expect(portLabel(port({ hostIp: '127.0.0.1', publicPort: 5433, privatePort: 5432 }))).toBe('127.0.0.1:5433→5432/tcp');
  });

  it('shows only port/protocol for an unpublished port', () => {
    expect(portLabel(port({ publicPort: undefined, hostIp: undefined, privatePort: 6379 }))).toBe('6379/tcp');
    expect(portLabel(port({ publicPort: undefined, hostIp: undefined, privatePort: 53, protocol: 'udp' }))).toBe('53/udp');
  });

  it('keeps the protocol of a published udp port', () => {
    expect(portLabel(port({ protocol: 'udp', publicPort: 5353, privatePort: 53 }))).toBe('5353→53/udp');
  });
});

describe('relativeTime near unit boundaries', () => {
  const now = 1_700_000_000_000;
  it('rounds up into the next unit instead of saying 60 seconds or 24 hours', () => {
    expect(relativeTime(now / 1000 - 59.6, 'en', now)).toBe('1 minute ago');
    expect(relativeTime(now / 1000 - 23.7 * 3600, 'en', now)).toBe('yesterday');
    expect(relativeTime(now / 1000 - 20 * 24 * 3600, 'en', now)).toBe('3 weeks ago');
  });
});
