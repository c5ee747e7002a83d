import { describe, expect, it } from 'vitest';
import { unsupportedFeatures } from './engine-capabilities';

describe('unsupportedFeatures', () => {
  it('Docker lacks nothing', () => {
    expect(unsupportedFeatures('Docker', '20.10.24')).toEqual([]);
  });

  it('Podman 4.3.1 lacks in-place updates, a build cache, image disk usage, plain-HTTP loopback registries and owners read from volumes', () => {
    expect(unsupportedFeatures('Podman', '4.3.1').sort()).toEqual(['buildCache', 'containerUpdate', 'imageDiskUsage', 'plainHttpLoopbackRegistry', 'volumeArchiveOwners']);
  });

  it('Podman 5.1 and later has the compat update route', () => {
    for (const version of ['5.1.0', '5.10.2', '6.0.0-dev']) expect(unsupportedFeatures('Podman', version)).not.toContain('containerUpdate');
    for (const version of ['5.0.3', '4.9.4', '4.10']) expect(unsupportedFeatures('Podman', version)).toContain('containerUpdate');
  });
});
