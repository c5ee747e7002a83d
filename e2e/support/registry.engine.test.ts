import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocker } from './engine-fixtures';
import { startRegistry, type LocalRegistry } from './registry';
import { TEST_IMAGE } from './test-engine';

/** The local registry helper works end to end: later features pull and push through it. */
describe('local registry on 127.0.0.1', () => {
  const docker = testDocker();
  let registry: LocalRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('takes a push of the test image and serves it back to a pull', async () => {
    const repo = `${registry.address}/cais-test/busybox`;
    await docker.getImage(TEST_IMAGE).tag({ repo, tag: 'v1' });
    // Engines before 23 insist on an X-Registry-Auth header, even an empty one.
    const push = await docker.getImage(`${repo}:v1`).push({}, undefined, { serveraddress: registry.address });
    await new Promise((resolve, reject) => docker.modem.followProgress(push, (error) => (error ? reject(error) : resolve(null))));

    const catalog = (await (await fetch(`http://${registry.address}/v2/_catalog`)).json()) as { repositories: string[] };
    expect(catalog.repositories).toContain('cais-test/busybox');

    await docker.getImage(`${repo}:v1`).remove();
    const pull = await docker.pull(`${repo}:v1`);
    await new Promise((resolve, reject) => docker.modem.followProgress(pull, (error) => (error ? reject(error) : resolve(null))));
    const pulled = await docker.getImage(`${repo}:v1`).inspect();
    expect(pulled.RepoTags).toContain(`${repo}:v1`);
    await docker.getImage(`${repo}:v1`).remove();
  });
});
