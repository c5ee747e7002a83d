/* eslint-disable cais/layers -- this test sends exactly what the Settings tab builds from the inspect (its draft and spec), so it imports the renderer's pure draft code. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { TEST_IMAGE, TEST_LABEL } from '../../e2e/support/test-engine';
import type { InspectInfo } from '../../renderer/features/containers/details/ContainerDetails';
import { draftFromInspect } from '../../renderer/features/containers/details/settings-draft';
import { draftToSpec } from '../../renderer/features/containers/run/run-draft';
import { EngineConnection } from '../engine/connection';
import { realHostFacts } from '../engine/host-facts';
import { router } from './router';

const docker = testDocker();

describe("saving a container's settings", () => {
  let engine: EngineConnection;
  let api: RouterClient<typeof router>;
  let tmp: string;
  beforeAll(async () => {
    const facts = realHostFacts();
    engine = new EngineConnection({ ...facts, env: { ...facts.env, DOCKER_HOST: process.env.DOCKER_HOST } });
    await engine.start();
    api = createRouterClient(router, { context: { engine } });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-settings-'));
  });
  afterAll(() => {
    engine?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps --tmpfs, a tmpfs mount with its size, and a bind with its propagation when only the environment changes', async () => {
    const name = uniqueName('settings');
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Cmd: ['sleep', '600'],
      Env: ['A=1'],
      Labels: { [TEST_LABEL]: '1' },
      HostConfig: {
        Tmpfs: { '/cache': 'size=2m' },
        Mounts: [
          { Type: 'bind', Source: tmp, Target: '/host', ReadOnly: false, BindOptions: { Propagation: 'rslave' } },
          { Type: 'tmpfs', Source: '', Target: '/fast', TmpfsOptions: { SizeBytes: 1024 * 1024, Mode: 0o1777 } },
        ],
      },
    });
    try {
      // What the Settings tab starts from and sends, as the renderer builds it.
      const info = (await container.inspect()) as unknown as InspectInfo;
      const draft = draftFromInspect(info);
      const { spec } = draftToSpec({ ...draft, env: [...draft.env, { key: 'B', value: '2' }] }, { takenNames: [], usedHostPorts: new Set() });
      expect(spec).toBeDefined();
      await api.containers.recreate({ id: info.Id, env: spec!.env, ports: spec!.ports, mounts: spec!.mounts });

      const after = await docker.getContainer(name).inspect();
      expect(after.Id).not.toBe(info.Id);
      expect(after.Config.Env).toEqual(expect.arrayContaining(['A=1', 'B=2']));
      expect(after.HostConfig.Tmpfs).toEqual({ '/cache': 'size=2m' });
      const mounts = (after.HostConfig.Mounts ?? []) as { Type: string; Target: string; BindOptions?: { Propagation?: string }; TmpfsOptions?: { SizeBytes?: number } }[];
      expect(mounts.find((mount) => mount.Target === '/host')?.BindOptions?.Propagation).toBe('rslave');
      expect(mounts.find((mount) => mount.Target === '/fast')?.TmpfsOptions?.SizeBytes).toBe(1024 * 1024);
      expect(mounts.filter((mount) => mount.Target === '/cache')).toEqual([]);
    } finally {
      await docker.getContainer(name).remove({ force: true }).catch(() => undefined);
    }
  });
});
