import { describe, expect, it } from 'vitest';
import { customEngine, ENGINE_ADDRESS_PASSWORD, settingsSchema } from './settings-schemas';

const engine = (host: string) => customEngine.omit({ id: true }).safeParse({ name: 'Remote', host });

describe('engine addresses', () => {
  it.each(['tcp://admin:pw@10.0.0.2:2376', 'ssh://admin:pw@build.example', 'ssh://admin:@build.example', 'TCP://a:b@h:2375'])('refuses %s: a password would be saved in clear', (host) => {
    const parsed = engine(host);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(ENGINE_ADDRESS_PASSWORD);
  });

  it.each(['tcp://10.0.0.2:2376', 'ssh://admin@build.example', 'ssh://admin@build.example:2222', 'unix:///run/podman/podman.sock'])('accepts %s', (host) => {
    expect(engine(host).success).toBe(true);
  });

  it('reads an address saved with a password without the password', () => {
    const settings = settingsSchema.parse({
      engines: [
        { id: 'custom:a', name: 'A', host: 'ssh://admin:pw@build.example' },
        { id: 'custom:b', name: 'B', host: 'tcp://u:secret@10.0.0.2:2376' },
      ],
    });
    expect(settings.engines.map((item) => item.host)).toEqual(['ssh://admin@build.example', 'tcp://10.0.0.2:2376']);
  });
});
