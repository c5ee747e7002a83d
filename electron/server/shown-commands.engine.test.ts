import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { buildRandomImage } from '../../e2e/support/image-fixtures';
import { TEST_IMAGE, TEST_LABEL } from '../../e2e/support/test-engine';
import { runSpecFromInspect, type InspectForSpec } from '../api/container-spec';
import * as commands from '../api/docker-commands';
import { hostAccessOf } from '../api/host-access';
import type { MountSpec, RunSpec } from '../api/run-schema';
import { EngineConnection } from '../engine/connection';
import { realHostFacts } from '../engine/host-facts';
import { commandFor } from './activity-commands';
import { router } from './router';

/**
 * Every command Cais shows beside a button must do exactly what the button
 * does. Each case starts two twins from the same state, presses the button
 * (the router, against the real engine) on one, runs the shown command in
 * bash with the docker CLI on the other, and compares the engine's inspect of
 * both once ids, names, times and engine-chosen host ports are set aside.
 */
const docker = testDocker();
let engine: EngineConnection;
let api: RouterClient<typeof router>;
let tmp: string;
/** Containers made without the test label (the volume page's run takes none), removed by name. */
const unlabelled: string[] = [];

beforeAll(async () => {
  const facts = realHostFacts();
  engine = new EngineConnection({ ...facts, env: { ...facts.env, DOCKER_HOST: process.env.DOCKER_HOST } });
  await engine.start();
  api = createRouterClient(router, { context: { engine } });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-shown-'));
});

afterAll(async () => {
  for (const name of unlabelled) await docker.getContainer(name).remove({ force: true }).catch(() => undefined);
  const containers = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [TEST_LABEL] }) });
  for (const container of containers) {
    if (container.Names.some((name) => name.includes('shown-'))) await docker.getContainer(container.Id).remove({ force: true, v: true }).catch(() => undefined);
  }
  const volumes = (await docker.listVolumes({ filters: JSON.stringify({ label: [TEST_LABEL] }) })).Volumes ?? [];
  for (const volume of volumes) if (volume.Name.includes('shown-')) await docker.getVolume(volume.Name).remove().catch(() => undefined);
  engine?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs a shown command as a user pasting it would: bash, and the docker CLI on the test engine. */
function shell(command: string): string {
  const bash = execFileSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();
  try {
    return execFileSync(bash, ['--norc', '--noprofile', '-c', command], {
      encoding: 'utf8',
      cwd: tmp,
      env: { ...process.env, DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: path.join(tmp, '.docker') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failed = error as { stderr?: string; status?: number };
    throw new Error(`The shown command failed (exit ${failed.status}):\n${command}\n${failed.stderr ?? ''}`, { cause: error });
  }
}

const twinNames = (prefix: string) => [uniqueName(`shown-${prefix}-a`), uniqueName(`shown-${prefix}-b`)] as const;

/** Empty, false, zero and null all mean "not set" to the engine. */
function isUnset(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function pruneUnset(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneUnset);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const pruned = pruneUnset(inner);
      if (!isUnset(pruned)) out[key] = pruned;
    }
    return out;
  }
  return value;
}

/**
 * What a container is, as far as a user can tell: its inspect without what
 * differs between any two containers (id, name, times, paths, addresses,
 * engine-chosen host ports) and without how a mount was asked for (-v goes to
 * HostConfig.Binds, a mount to HostConfig.Mounts: the mounts themselves are
 * compared). `names` maps each twin-specific name to a placeholder.
 */
async function effectOf(id: string, names: Record<string, string> = {}): Promise<unknown> {
  const info = (await docker.getContainer(id).inspect()) as unknown as Record<string, Record<string, unknown>> & { Mounts: Record<string, unknown>[] };
  const state = info.State as Record<string, unknown>;
  const config = { ...info.Config };
  // The hostname is the id's start; Attach* matter only to a client attaching as it starts.
  for (const key of ['Hostname', 'AttachStdin', 'AttachStdout', 'AttachStderr']) delete config[key];
  // The docker CLI passes -e values through a map, so their order varies; each name is set once.
  config.Env = [...((config.Env as string[] | null) ?? [])].sort() as never;
  const hostConfig = { ...info.HostConfig };
  for (const key of ['Binds', 'Mounts']) delete hostConfig[key];
  // "no" and "" are the same policy (newer CLIs send "no" when none is given).
  const restart = hostConfig.RestartPolicy as { Name?: string } | null;
  if (restart?.Name === 'no') hostConfig.RestartPolicy = { ...restart, Name: '' };
  // Capabilities are the same with or without the CAP_ prefix (newer CLIs add it).
  for (const key of ['CapAdd', 'CapDrop']) hostConfig[key] = ((hostConfig[key] as string[] | null) ?? []).map((cap) => cap.replace(/^CAP_/, '')).sort();
  const settings = info.NetworkSettings as { Ports?: Record<string, { HostIp: string; HostPort: string }[] | null>; Networks?: Record<string, unknown> };
  const ports = Object.fromEntries(
    Object.entries(settings.Ports ?? {}).map(([key, list]) => [key, (list ?? []).map((binding) => ({ HostIp: binding.HostIp, HostPort: 'engine-chosen' }))]),
  );
  const mounts = [...(info.Mounts ?? [])]
    .map((mount): Record<string, unknown> => ({ ...mount, ...(mount.Type === 'volume' && /^[0-9a-f]{64}$/.test(String(mount.Name)) ? { Name: 'anonymous', Source: 'anonymous' } : {}) }))
    .sort((a, b) => String(a.Destination).localeCompare(String(b.Destination)));
  const effect = pruneUnset({
    Path: info.Path,
    Args: info.Args,
    State: { Status: state.Status, Running: state.Running, Paused: state.Paused, ExitCode: state.ExitCode, OOMKilled: state.OOMKilled },
    Image: info.Image,
    Config: config,
    HostConfig: hostConfig,
    Mounts: mounts,
    Ports: ports,
    Networks: Object.keys(settings.Networks ?? {}).sort(),
  });
  let text = JSON.stringify(effect);
  for (const [name, placeholder] of Object.entries(names)) text = text.replaceAll(name, placeholder);
  return JSON.parse(text);
}

/** Waits until both containers are in the same, settled state (a restart or stop takes a moment). */
async function settled(ids: string[], state: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const states = await Promise.all(ids.map(async (id) => (await docker.getContainer(id).inspect()).State.Status));
    if (states.every((s) => s === state)) return;
    if (Date.now() > deadline) throw new Error(`expected ${state}, got ${states.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function gone(check: () => Promise<unknown>): Promise<boolean> {
  return check().then(
    () => false,
    (error: { statusCode?: number }) => error.statusCode === 404,
  );
}

async function twins(prefix: string, options: Partial<Docker.ContainerCreateOptions> = {}, start = true): Promise<[string, string]> {
  const names = twinNames(prefix);
  for (const name of names) {
    const container = await docker.createContainer({ Image: TEST_IMAGE, ...options, name, Labels: { [TEST_LABEL]: '1', ...(options.Labels ?? {}) } });
    if (start) await container.start();
  }
  return [...names];
}

async function volume(prefix: string): Promise<string> {
  const name = uniqueName(`shown-${prefix}`);
  await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: '1' } });
  return name;
}

describe('the run form: the shown docker run makes the same container', () => {
  const hostile = ["it's", '$(id -un) `id`', 'a\nb', 'x;y && z', '"quoted" \\ back'];
  const specs: [string, (names: { volume: string; folder: string }) => Omit<RunSpec, 'name'>][] = [
    [
      'ports and environment',
      () => ({
        image: TEST_IMAGE,
        env: hostile.map((value, index) => ({ key: `V${index}`, value })),
        ports: [
          { containerPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' },
          { containerPort: 53, hostIp: '127.0.0.1', protocol: 'udp' },
        ],
        mounts: [],
        restart: 'no',
        labels: [],
        tty: false,
      }),
    ],
    [
      'a volume, a host folder and a tmpfs',
      ({ volume: name, folder }) => ({
        image: TEST_IMAGE,
        env: [],
        ports: [],
        mounts: [
          { type: 'volume', source: name, target: '/data', readOnly: false },
          { type: 'bind', source: folder, target: '/site', readOnly: true },
          { type: 'tmpfs', target: '/scratch', readOnly: false },
          { type: 'tmpfs', target: '/frozen', readOnly: true },
        ],
        restart: 'no',
        labels: [],
        tty: false,
      }),
    ],
    [
      'limits and a restart policy',
      () => ({ image: TEST_IMAGE, env: [], ports: [], mounts: [], restart: 'unless-stopped', cpus: 0.25, memory: 48 * 1024 * 1024 + 512 * 1024, labels: [], tty: false }),
    ],
    [
      'labels, a terminal and a command',
      () => ({
        image: TEST_IMAGE,
        env: [],
        ports: [],
        mounts: [],
        restart: 'on-failure',
        labels: [
          { key: 'team', value: 'a b' },
          { key: 'note', value: hostile[1] },
          { key: 'empty', value: '' },
        ],
        tty: true,
        command: ['sh', '-c', "trap 'exit 0' TERM; echo \"$0 $1\"; while :; do sleep 1 & wait $!; done", hostile[0], hostile[3]],
      }),
    ],
    [
      'an entrypoint of several words',
      () => ({ image: TEST_IMAGE, env: [], ports: [], mounts: [], restart: 'always', labels: [], tty: false, entrypoint: ['sh', '-c'], command: ["trap 'exit 0' TERM; while :; do sleep 1 & wait $!; done"] }),
    ],
    [
      'the host network',
      () => ({ image: TEST_IMAGE, env: [], ports: [], mounts: [], restart: 'no', network: 'host', labels: [], tty: false }),
    ],
  ];

  it.each(specs)('%s', async (_what, make) => {
    const folder = fs.mkdtempSync(path.join(tmp, 'site-'));
    const shared = { volume: await volume('run-data'), folder };
    const [a, b] = twinNames('run');
    const spec = (name: string): RunSpec => {
      const base = make(shared);
      return { ...base, name, labels: [...base.labels, { key: TEST_LABEL, value: '1' }] };
    };
    await api.containers.run(spec(a));
    const shown = commandFor(['containers', 'run'], spec(b))!;
    // The run form shows the same line as the activity log.
    expect(shown).toBe(commands.containerRun(spec(b)));
    shell(shown);
    await settled([a, b], 'running');
    expect(await effectOf(b, { [b]: 'NAME' })).toEqual(await effectOf(a, { [a]: 'NAME' }));
  });
});

describe('a container\'s Settings tab', () => {
  it('docker update: limits and restart policy, from a memory limit below the new one', async () => {
    // The reported case: the container has 64m (and 128m of swap); 256m without --memory-swap fails in a shell.
    const [a, b] = await twins('update', { HostConfig: { Memory: 64 * 1024 * 1024 } });
    const change = { cpus: 0.5, memory: 256 * 1024 * 1024, restart: 'always' as const };
    await api.containers.updateLimits({ id: a, ...change });
    const shown = commands.containerUpdate(b, change);
    expect(commandFor(['containers', 'updateLimits'], { id: b, ...change })).toBe(shown);
    shell(shown);
    expect(await effectOf(b, { [b]: 'NAME' })).toEqual(await effectOf(a, { [a]: 'NAME' }));
    expect((await docker.getContainer(a).inspect()).HostConfig.Memory).toBe(256 * 1024 * 1024);
  });

  it('docker update: a field left empty is left alone by both, and removing a limit is refused in words', async () => {
    const [a, b] = await twins('update-keep', { HostConfig: { NanoCpus: 1e9 } });
    await api.containers.updateLimits({ id: a, restart: 'unless-stopped' });
    shell(commands.containerUpdate(b, { restart: 'unless-stopped' }));
    expect(await effectOf(b, { [b]: 'NAME' })).toEqual(await effectOf(a, { [a]: 'NAME' }));
    await expect(api.containers.updateLimits({ id: a, cpus: null })).rejects.toMatchObject({ code: 'LIMIT_NOT_REMOVABLE' });
    expect((await docker.getContainer(a).inspect()).HostConfig.NanoCpus).toBe(1e9);
  });

  it('recreate of a privileged container: the shown docker create keeps what the button keeps', async () => {
    const keep = await volume('recreate-keep');
    const added = await volume('recreate-added');
    const [a, b] = await twins('recreate', {
      Env: ['MODE=dev'],
      Labels: { team: 'blue' },
      HostConfig: {
        Privileged: true,
        CapAdd: ['NET_ADMIN'],
        CapDrop: ['MKNOD'],
        Devices: [{ PathOnHost: '/dev/zero', PathInContainer: '/dev/zero2', CgroupPermissions: 'r' }],
        PidMode: 'host',
        Memory: 64 * 1024 * 1024,
        RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
        Mounts: [
          { Type: 'volume', Source: keep, Target: '/keep' },
          { Type: 'tmpfs', Source: '', Target: '/cache' },
        ],
      },
      // Not started: a privileged container needs every capability, which a test engine inside a
      // confined sandbox may not have. Its settings are what is compared; attach below recreates a running one.
    }, false);
    const env = [{ key: 'MODE', value: 'prod' }, { key: 'QUOTE', value: "it's $(id)" }];
    const ports = [{ containerPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' as const }];
    const mounts: MountSpec[] = [
      { type: 'volume', source: keep, target: '/keep', readOnly: false },
      { type: 'volume', source: added, target: '/added', readOnly: true },
      { type: 'tmpfs', target: '/cache', readOnly: false },
    ];
    // What the Settings tab shows before the button is pressed (useRecreatePreview), for the twin.
    const info = (await docker.getContainer(b).inspect()) as unknown as InspectForSpec & { State: { Running: boolean } };
    const imageSide = await api.containers.imageDefaults({ image: info.Config.Image });
    const current = runSpecFromInspect(info, imageSide, { name: b })!;
    const preview = commands.recreateCommands({
      name: b,
      wasRunning: info.State.Running,
      spec: { ...current, env: env.filter((v) => !imageSide.env.includes(`${v.key}=${v.value}`)), ports, mounts },
      access: hostAccessOf(info.HostConfig),
    });
    expect(preview).toContain('--privileged --cap-add NET_ADMIN --cap-drop MKNOD --device /dev/zero:/dev/zero2:r --pid host');

    const result = await api.containers.recreate({ id: a, env, ports, mounts });
    shell(preview);
    await settled([a, b], 'created');
    expect(await effectOf(b, { [b]: 'NAME' })).toEqual(await effectOf(a, { [a]: 'NAME' }));
    // The activity log says the same host access, read from the new container.
    expect(commandFor(['containers', 'recreate'], { id: a, env, ports, mounts }, result)).toContain('--privileged --cap-add NET_ADMIN --cap-drop MKNOD --device /dev/zero:/dev/zero2:r --pid host');
  });

  it('rename', async () => {
    const [a, b] = await twins('rename', {}, false);
    const [toA, toB] = twinNames('renamed');
    await api.containers.rename({ id: a, name: toA });
    shell(commandFor(['containers', 'rename'], { id: b, name: toB })!);
    expect(await effectOf(toB, { [toB]: 'NAME' })).toEqual(await effectOf(toA, { [toA]: 'NAME' }));
    expect(await gone(() => docker.getContainer(a).inspect())).toBe(true);
    expect(await gone(() => docker.getContainer(b).inspect())).toBe(true);
  });
});

describe('container actions', () => {
  it('start, pause, unpause, restart, stop, kill: the same state after each', async () => {
    const [a, b] = await twins('life', {}, false);
    const steps: [commands.LifecycleVerb, string][] = [
      ['start', 'running'],
      ['pause', 'paused'],
      ['unpause', 'running'],
      ['restart', 'running'],
      ['stop', 'exited'],
      ['start', 'running'],
      ['kill', 'exited'],
    ];
    for (const [verb, state] of steps) {
      await api.containers[verb]({ id: a });
      shell(commandFor(['containers', verb], { id: b })!);
      await settled([a, b], state);
      expect(await effectOf(b, { [b]: 'NAME' }), verb).toEqual(await effectOf(a, { [a]: 'NAME' }));
    }
  });

  it('remove, with its anonymous volumes', async () => {
    const [a, b] = await twins('remove', { Volumes: { '/anon': {} } });
    const anonymous = async (name: string) => (await docker.getContainer(name).inspect()).Mounts.find((mount) => mount.Destination === '/anon')!.Name!;
    const [volumeA, volumeB] = [await anonymous(a), await anonymous(b)];
    const input = { force: true, removeAnonymousVolumes: true };
    await api.containers.remove({ id: a, ...input });
    shell(commandFor(['containers', 'remove'], { id: b, ...input })!);
    for (const check of [() => docker.getContainer(a).inspect(), () => docker.getContainer(b).inspect(), () => docker.getVolume(volumeA).inspect(), () => docker.getVolume(volumeB).inspect()]) {
      expect(await gone(check)).toBe(true);
    }
  });
});

describe('volumes', () => {
  it('create, with a driver and labels', async () => {
    const [a, b] = twinNames('vol');
    const input = (name: string) => ({ name, driver: 'local', labels: { [TEST_LABEL]: '1', team: 'a b', note: "it's $(id)" } });
    await api.volumes.create(input(a));
    shell(commandFor(['volumes', 'create'], input(b))!);
    const effect = async (name: string) => {
      const info = (await docker.getVolume(name).inspect()) as unknown as Record<string, unknown>;
      return { ...info, CreatedAt: 'time', Name: 'NAME', Mountpoint: String(info.Mountpoint).replace(name, 'NAME') };
    };
    expect(await effect(b)).toEqual(await effect(a));
  });

  it('start a container with this volume, with a typed command no shell may run', async () => {
    const data = await volume('run-with');
    const [a, b] = twinNames('volrun');
    unlabelled.push(a, b);
    const marker = path.join(tmp, 'ran-on-the-host');
    const input = (containerName: string) => ({
      name: data,
      image: TEST_IMAGE,
      containerName,
      target: '/data',
      readOnly: true,
      command: `sh -c 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done' x; touch ${marker} $(touch ${marker}) \`touch ${marker}\``,
    });
    await api.volumes.run(input(a));
    shell(commandFor(['volumes', 'run'], input(b))!);
    await settled([a, b], 'running');
    expect(await effectOf(b, { [b]: 'NAME' })).toEqual(await effectOf(a, { [a]: 'NAME' }));
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('attach to an existing container: the shown steps mount it as the button does', async () => {
    const data = await volume('attach');
    const [a, b] = await twins('attach', { Env: ['KEEP=1'], HostConfig: { CapAdd: ['SYS_TIME'] } });
    const mount = { kind: 'volume' as const, source: data, target: '/attached', readOnly: true };
    const info = (await docker.getContainer(b).inspect()) as unknown as InspectForSpec & { State: { Running: boolean } };
    const imageSide = await api.containers.imageDefaults({ image: info.Config.Image });
    const current = runSpecFromInspect(info, imageSide, { name: b })!;
    // As AttachPanel's preview builds it.
    const preview = commands.recreateCommands({
      name: b,
      wasRunning: info.State.Running,
      spec: { ...current, mounts: [...current.mounts.filter((m) => m.target !== mount.target), { type: 'volume', source: data, target: '/attached', readOnly: true }] },
      access: hostAccessOf(info.HostConfig),
    });
    await api.volumes.attach({ container: a, mount });
    shell(preview);
    await settled([a, b], 'running');
    expect(await effectOf(b, { [b]: 'NAME' })).toEqual(await effectOf(a, { [a]: 'NAME' }));
  });

  it('remove and prune', async () => {
    const [a, b] = [await volume('rm'), await volume('rm')];
    await api.volumes.remove({ name: a });
    shell(commandFor(['volumes', 'remove'], { name: b })!);
    const [c, d] = [await volume('prune'), await volume('prune')];
    const result = await api.volumes.prune({ names: [c] });
    shell(commandFor(['volumes', 'prune'], { names: [d] }, { removed: [d] })!);
    expect(result.removed).toEqual([c]);
    for (const name of [a, b, c, d]) expect(await gone(() => docker.getVolume(name).inspect()), name).toBe(true);
  });
});

describe('images', () => {
  it('tag', async () => {
    const [a, b] = [`cais-test/${uniqueName('shown-tag-a')}:v1`, `cais-test/${uniqueName('shown-tag-b')}:v1`];
    await api.images.tag({ source: TEST_IMAGE, target: a });
    shell(commandFor(['images', 'tag'], { source: TEST_IMAGE, target: b })!);
    const id = (await docker.getImage(TEST_IMAGE).inspect()).Id;
    expect((await docker.getImage(a).inspect()).Id).toBe(id);
    expect((await docker.getImage(b).inspect()).Id).toBe(id);
    for (const tag of [a, b]) await docker.getImage(tag).remove();
    expect((await docker.getImage(TEST_IMAGE).inspect()).Id).toBe(id);
  });

  /** A labelled image with no tag left: built twice under one tag, the first loses it. */
  async function danglingImage(): Promise<string> {
    const tag = `cais-test/${uniqueName('shown-dangling')}:v1`;
    await buildRandomImage(docker, tag, [64]);
    const id = (await docker.getImage(tag).inspect()).Id;
    await buildRandomImage(docker, tag, [64]);
    await docker.getImage(tag).remove();
    return id;
  }

  it('prune dangling images (docker image prune -f; -a is not run: it would take the suite\'s own test image)', async () => {
    const a = await danglingImage();
    await api.images.prune({ all: false });
    expect(await gone(() => docker.getImage(a).inspect())).toBe(true);
    const b = await danglingImage();
    shell(commandFor(['images', 'prune'], { all: false })!);
    expect(await gone(() => docker.getImage(b).inspect())).toBe(true);
  });

  it('clean up: exactly the listed containers, images and volumes', async () => {
    const [ca, cb] = await twins('prune', {}, false);
    const [ia, ib] = [await danglingImage(), await danglingImage()];
    const [va, vb] = [await volume('sysprune'), await volume('sysprune')];
    const idOf = async (name: string) => (await docker.getContainer(name).inspect()).Id;
    const selections: ['containers' | 'images' | 'volumes', string, string][] = [
      ['containers', await idOf(ca), await idOf(cb)],
      ['images', ia, ib],
      ['volumes', va, vb],
    ];
    for (const [kind, a, b] of selections) {
      const outcome = await api.system.prune({ kind, ids: [a] });
      expect(outcome.removed, kind).toEqual([a]);
      shell(commandFor(['system', 'prune'], { kind, ids: [b] }, { removed: [b] })!);
    }
    expect(await gone(() => docker.getContainer(ca).inspect())).toBe(true);
    expect(await gone(() => docker.getContainer(cb).inspect())).toBe(true);
    for (const image of [ia, ib]) expect(await gone(() => docker.getImage(image).inspect()), image).toBe(true);
    for (const name of [va, vb]) expect(await gone(() => docker.getVolume(name).inspect()), name).toBe(true);
  });
});
