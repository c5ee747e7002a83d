import { describe, expect, it } from 'vitest';
import { testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { TEST_IMAGE, TEST_LABEL } from '../../e2e/support/test-engine';
import { runInVolume } from '../../e2e/support/volume-manifest';
import { recreateContainer, withMount } from './container-recreate';
import { attachMount, detachMount } from './volume-attach';
import { createVolume } from './volumes';

const docker = testDocker();

async function volume(): Promise<string> {
  const name = uniqueName('vol');
  await createVolume(docker, { name, driver: 'local', labels: { [TEST_LABEL]: '1' } });
  return name;
}

describe('safe recreate', () => {
  it('adds a volume to a container and keeps command, env, labels, ports, restart policy, limits and every mount', async () => {
    const existing = await volume();
    const added = await volume();
    const name = uniqueName('recreate');
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Cmd: ['sh', '-c', "trap 'exit 0' TERM; echo started > /keep/started; while :; do sleep 1 & wait $!; done"],
      Env: ['GREETING=olá'],
      Labels: { [TEST_LABEL]: '1', 'app.role': 'web' },
      ExposedPorts: { '8080/tcp': {} },
      Volumes: { '/anon': {} },
      HostConfig: {
        Binds: [`${existing}:/keep`],
        PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        Memory: 64 * 1024 * 1024,
        Tmpfs: { '/scratch': 'size=1m' },
      },
    });
    const before = await container.inspect();
    const anonymous = before.Mounts.find((mount) => mount.Destination === '/anon')!.Name!;

    const result = await attachMount(docker, name, { kind: 'volume', source: added, target: '/added', readOnly: true });
    expect(result.name).toBe(name);
    expect(result.keptOld).toBeUndefined();
    const after = await docker.getContainer(name).inspect();
    expect(after.Id).not.toBe(before.Id);
    expect(after.Config.Cmd).toEqual(before.Config.Cmd);
    expect(after.Config.Env).toEqual(before.Config.Env);
    expect(after.Config.Labels).toEqual(before.Config.Labels);
    expect(after.HostConfig.RestartPolicy).toEqual(before.HostConfig.RestartPolicy);
    expect(after.HostConfig.Memory).toBe(before.HostConfig.Memory);
    expect(after.HostConfig.PortBindings).toEqual(before.HostConfig.PortBindings);
    expect(after.HostConfig.Tmpfs).toEqual({ '/scratch': 'size=1m' });
    const mounts = Object.fromEntries(after.Mounts.map((mount) => [mount.Destination, mount]));
    expect(mounts['/keep'].Name).toBe(existing);
    expect(mounts['/anon'].Name).toBe(anonymous);
    expect(mounts['/added']).toMatchObject({ Name: added, RW: false });
    await expect(docker.getContainer(before.Id).inspect()).rejects.toMatchObject({ statusCode: 404 });

    const detached = await detachMount(docker, name, '/added');
    const final = await docker.getContainer(detached.id).inspect();
    expect(final.Mounts.map((mount) => mount.Destination).sort()).toEqual(['/anon', '/keep']);
    await docker.getContainer(name).remove({ force: true });
  });

  it('recreates a running container running, with the data its volume already had', async () => {
    const data = await volume();
    const added = await volume();
    const name = uniqueName('recreate-running');
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name,
      Cmd: ['sh', '-c', "trap 'exit 0' TERM; echo started > /keep/started; while :; do sleep 1 & wait $!; done"],
      Labels: { [TEST_LABEL]: '1' },
      HostConfig: { Binds: [`${data}:/keep`] },
    });
    await container.start();
    const result = await attachMount(docker, name, { kind: 'volume', source: added, target: '/added', readOnly: false });
    const after = await docker.getContainer(name).inspect();
    expect(after.Id).toBe(result.id);
    expect(after.State.Running).toBe(true);
    expect(await runInVolume(docker, data, 'cat /data/started')).toBe('started\n');
    await docker.getContainer(name).remove({ force: true });
  });

  it('leaves the old container exactly as it was when the new one cannot be created', async () => {
    const name = uniqueName('recreate-fail');
    const container = await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await expect(
      recreateContainer(docker, name, (plan) => {
        plan.mounts = withMount(plan.mounts, { Type: 'bind', Source: 'relative/not/allowed', Target: '/x' });
      }),
    ).rejects.toBeTruthy();
    const after = await docker.getContainer(name).inspect();
    expect(after.Id).toBe(container.id);
    const all = await docker.listContainers({ all: true });
    expect(all.filter((listed) => listed.Names.some((n) => n.includes(name)))).toHaveLength(1);
    await container.remove();
  });

  it('puts the old container back when the new one does not start', async () => {
    const name = uniqueName('recreate-nostart');
    const container = await docker.createContainer({ Image: TEST_IMAGE, name, Labels: { [TEST_LABEL]: '1' } });
    await container.start();
    await expect(
      recreateContainer(docker, name, (plan) => {
        plan.options.Cmd = ['/no/such/binary'];
      }),
    ).rejects.toBeTruthy();
    const after = await docker.getContainer(name).inspect();
    expect(after.Id).toBe(container.id);
    expect(after.State.Running).toBe(true);
    const all = await docker.listContainers({ all: true });
    expect(all.filter((listed) => listed.Names.some((n) => n.includes(name)))).toHaveLength(1);
    await container.remove({ force: true });
  });
});
