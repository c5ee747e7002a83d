import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { uniquePorts } from './containers';

/** The engine omits IP and PublicPort for ports that are exposed but not published. */
function port(privatePort: number, type: string, publicPort?: number, ip?: string): Docker.Port {
  return { PrivatePort: privatePort, Type: type, PublicPort: publicPort, IP: ip } as Docker.Port;
}

describe('uniquePorts', () => {
  it('collapses the IPv4 and IPv6 entries of one mapping, keeping IPv4', () => {
    expect(uniquePorts([port(80, 'tcp', 8080, '0.0.0.0'), port(80, 'tcp', 8080, '::')])).toEqual([
      { privatePort: 80, publicPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' },
    ]);
  });

  it('keeps IPv4 even when the engine lists IPv6 first', () => {
    expect(uniquePorts([port(80, 'tcp', 8080, '::'), port(80, 'tcp', 8080, '0.0.0.0')])).toEqual([
      { privatePort: 80, publicPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' },
    ]);
  });

  it('keeps an IPv6-only mapping', () => {
    expect(uniquePorts([port(80, 'tcp', 8080, '::1')])).toEqual([
      { privatePort: 80, publicPort: 8080, hostIp: '::1', protocol: 'tcp' },
    ]);
  });

  it('keeps unpublished ports', () => {
    expect(uniquePorts([port(5432, 'tcp')])).toEqual([
      { privatePort: 5432, publicPort: undefined, hostIp: undefined, protocol: 'tcp' },
    ]);
  });

  it('keeps mappings that differ by protocol or public port apart', () => {
    const result = uniquePorts([
      port(53, 'udp', 5353, '0.0.0.0'),
      port(53, 'tcp', 5353, '0.0.0.0'),
      port(80, 'tcp', 8080, '0.0.0.0'),
      port(80, 'tcp', 8081, '0.0.0.0'),
    ]);
    expect(result.map((p) => `${p.publicPort}->${p.privatePort}/${p.protocol}`)).toEqual([
      '5353->53/udp',
      '5353->53/tcp',
      '8080->80/tcp',
      '8081->80/tcp',
    ]);
  });

  it('sorts by private port', () => {
    const result = uniquePorts([
      port(8443, 'tcp', 443, '0.0.0.0'),
      port(22, 'tcp'),
      port(3000, 'tcp', 3000, '127.0.0.1'),
      port(8443, 'tcp', 443, '::'),
    ]);
    expect(result.map((p) => p.privatePort)).toEqual([22, 3000, 8443]);
  });

  it('gives an empty list for no ports', () => {
    expect(uniquePorts([])).toEqual([]);
  });
});
