import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createORPCClient, ORPCError } from '@orpc/client';
import { RPCLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { contractProcedures, overTheWire, type ContractProcedure } from '../../e2e/support/contract-procedures';
import { startCountingProxy, type CountingProxy } from '../../e2e/support/counting-proxy';
import { createTestContainer, testDocker } from '../../e2e/support/engine-fixtures';
import { heavyValues, hostileStrings, randomValues, unknownFields, wrongTypes, type HostileValue } from '../../e2e/support/hostile-values';
import { mutations, validSample, type Mutation } from '../../e2e/support/schema-inputs';
import { TEST_LABEL } from '../../e2e/support/test-engine';
import { contract, type Contract } from '../api/contract';
import { EngineConnection } from '../engine/connection';
import { realHostFacts } from '../engine/host-facts';
import { openRpcSocket } from '../../e2e/support/rpc-socket';
import { startWebHost, type WebHost } from '../transports/web-host';

type Kind = 'nul' | 'traversal';
const TEXT: Kind[] = ['traversal'];

/**
 * Fields where "../" (or even a NUL byte) is data, not a path: what is typed
 * into a terminal, a password, a search. Every other field must refuse them,
 * and every object its unknown fields; a new free-text field is added here
 * with its reason.
 */
const FREE_TEXT: Record<string, { kinds: Kind[]; why: string }> = {
  'containers.terminalInput input.data': { kinds: ['nul', 'traversal'], why: 'keystrokes for the shell' },
  'registries.login input.password': { kinds: ['nul', 'traversal'], why: 'a password is any text' },
  'registries.login input.username': { kinds: TEXT, why: 'sent to the registry, never a path' },
  'containers.run input.env[0].key': { kinds: TEXT, why: 'a variable name in the container, never a path' },
  'containers.run input.env[0].value': { kinds: TEXT, why: 'a variable value' },
  'containers.recreate input.env[0].key': { kinds: TEXT, why: 'a variable name in the container, never a path' },
  'containers.recreate input.env[0].value': { kinds: TEXT, why: 'a variable value' },
  'containers.run input.labels[0].key': { kinds: TEXT, why: 'a label key, never a path' },
  'containers.run input.labels[0].value': { kinds: TEXT, why: 'a label value' },
  'images.build input.buildArgs[0].value': { kinds: TEXT, why: 'a build argument value' },
  'volumes.run input.command': { kinds: TEXT, why: 'shell words run inside the container' },
  'images.pull input.reference': { kinds: TEXT, why: 'typed text: the server checks the reference grammar before any engine call' },
  'images.push input.reference': { kinds: TEXT, why: 'typed text: the server checks the reference grammar before any engine call' },
  'images.tag input.target': { kinds: TEXT, why: 'typed text: the server checks the reference grammar before any engine call' },
  'images.build input.tag': { kinds: TEXT, why: 'typed text: the server checks the reference grammar before any engine call' },
  'images.build input.dockerfile': { kinds: TEXT, why: 'relative to the context ("sub/../Dockerfile"); the server refuses one outside it' },
  'images.search input.term': { kinds: TEXT, why: 'search text' },
  'images.catalog input.term': { kinds: TEXT, why: 'search text' },
  'engines.add input.name': { kinds: TEXT, why: 'a display name' },
  'engines.remove input.id': { kinds: TEXT, why: 'only matched against the engines Cais knows' },
  'engines.test input.id': { kinds: TEXT, why: 'only matched against the engines Cais knows' },
  'engines.use input.id': { kinds: TEXT, why: 'only matched against the engines Cais knows' },
  'engines.trustHostKey input.id': { kinds: TEXT, why: 'only matched against the engines Cais knows' },
};
const freeText = (procedure: ContractProcedure, mutation: Mutation) =>
  mutation.kind !== 'unknown-field' && mutation.kind !== undefined && FREE_TEXT[`${name(procedure)} ${mutation.where}`]?.kinds.includes(mutation.kind);

/** What the engine connection does by itself: the version probe, the ping and the one events stream. */
const BACKGROUND = /^GET (\/v[\d.]+)?\/(version|_ping|events)(\?|$)/;

const procedures = contractProcedures(contract);
/** Those without a schema fail the first test instead of crashing the others. */
const withInput = procedures.filter((procedure) => procedure.input);
const name = (procedure: ContractProcedure) => procedure.path.join('.');

interface FuzzCall {
  procedure: ContractProcedure;
  mutation: Mutation;
}

/** Everything sent to one procedure: hostile inputs as a whole, and in place of each field. */
function hostileInputs(procedure: ContractProcedure, seed: number): Mutation[] {
  const schema = procedure.input!;
  const whole: HostileValue[] = [...hostileStrings, ...wrongTypes, ...heavyValues, ...randomValues(seed, 10)];
  const fieldValues = [...hostileStrings, ...wrongTypes, ...randomValues(seed + 10_000, 3)];
  return [
    ...whole.map((hostile) => ({ where: 'input', label: hostile.label, value: hostile.value, kind: hostile.kind })),
    ...mutations(schema, validSample(schema), { fieldValues, extraFields: unknownFields }),
  ];
}

/**
 * What goes over the socket, to keep the run short: every whole input but one
 * heavy value per procedure (each ~1 MB), every unknown field, and a third of
 * the field mutations (all of them are checked against the schemas above).
 */
function sentInputs(procedure: ContractProcedure, index: number): Mutation[] {
  const heavy = new Set(heavyValues.map((value) => value.label));
  const ownHeavy = heavyValues[index % heavyValues.length].label;
  return hostileInputs(procedure, index + 1).filter((mutation, i) =>
    mutation.where === 'input' ? !heavy.has(mutation.label) || mutation.label === ownHeavy : mutation.kind === 'unknown-field' || i % 3 === index % 3,
  );
}

/** Each call, kept only when the schema refuses what the server will receive. */
function refusedCalls(): FuzzCall[] {
  return withInput.flatMap((procedure, index) =>
    sentInputs(procedure, index)
      .filter((mutation) => !procedure.input!.safeParse(overTheWire(mutation.value)).success)
      .map((mutation) => ({ procedure, mutation })),
  );
}

const preview = (value: unknown) => {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** What a user would see of the engine: containers, volumes and images with their states. */
async function engineSnapshot(docker: Docker) {
  const containers = await docker.listContainers({ all: true });
  const volumes = (await docker.listVolumes()).Volumes ?? [];
  const images = await docker.listImages();
  return {
    containers: containers.map((c) => `${c.Id} ${c.Names.join(',')} ${c.State} ${c.Image}`).sort(),
    volumes: volumes.map((v) => v.Name).sort(),
    images: images.map((i) => `${i.Id} ${(i.RepoTags ?? []).join(',')}`).sort(),
  };
}

function openSocket(host: WebHost): Promise<WebSocket> {
  return openRpcSocket(host.launchUrl());
}

const rpcClient = (socket: WebSocket): ContractRouterClient<Contract> => createORPCClient(new RPCLink({ websocket: socket as never }));

function callByPath(client: ContractRouterClient<Contract>, procedurePath: string[], input: unknown): Promise<unknown> {
  const call = procedurePath.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], client) as (input: unknown) => Promise<unknown>;
  return call(input);
}

/** How a call ended: the oRPC error code, or "answered" when it did not fail. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'answered';
  } catch (error) {
    if (error instanceof ORPCError) return `${error.code}${error.code === 'BAD_REQUEST' && error.message !== 'Input validation failed' ? ` (${error.message})` : ''}`;
    return `not an RPC error: ${String(error)}`;
  }
}

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-fuzz-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cais</title>');
let proxy: CountingProxy;
let engine: EngineConnection;
let host: WebHost;
let socket: WebSocket;
let client: ContractRouterClient<Contract>;
let docker: Docker;
let keeper: Docker.Container;
let before: Awaited<ReturnType<typeof engineSnapshot>>;

beforeAll(async () => {
  proxy = await startCountingProxy(process.env.DOCKER_HOST ?? '');
  engine = new EngineConnection({ ...realHostFacts(), env: { ...process.env, DOCKER_HOST: proxy.host } });
  await engine.start();
  expect(engine.state.status).toBe('connected');
  host = await startWebHost({ engine, staticDir });
  socket = await openSocket(host);
  client = rpcClient(socket);
  docker = testDocker();
  keeper = await createTestContainer(docker);
  before = await engineSnapshot(docker);
});

afterAll(async () => {
  socket?.close();
  await host?.close();
  engine?.close();
  await keeper?.remove({ force: true }).catch(() => undefined);
  await proxy?.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

describe('the contract against hostile input', () => {
  it('gives every procedure an input schema, so nothing reaches a handler unparsed', () => {
    expect(procedures.length).toBeGreaterThan(50);
    expect(procedures.filter((procedure) => !procedure.input).map(name)).toEqual([]);
  });

  it('refuses unknown fields everywhere, and NUL bytes and "../" in every name and path', () => {
    const accepted = withInput.flatMap((procedure, index) =>
      hostileInputs(procedure, index + 1)
        .filter((mutation) => mutation.kind !== undefined && !freeText(procedure, mutation))
        .filter((mutation) => procedure.input!.safeParse(mutation.value).success)
        .map((mutation) => `${name(procedure)} ${mutation.where}: ${mutation.label}`),
    );
    expect([...new Set(accepted)]).toEqual([]);
  });

  it('answers thousands of hostile calls with a validation error, and none reaches the engine', { timeout: 300_000 }, async () => {
    const calls = refusedCalls();
    expect(calls.length).toBeGreaterThanOrEqual(3_000);
    // A schema that lets almost anything through would leave its procedure with few refused calls.
    const perProcedure = new Map(withInput.map((procedure) => [name(procedure), 0]));
    for (const { procedure } of calls) perProcedure.set(name(procedure), (perProcedure.get(name(procedure)) ?? 0) + 1);
    expect([...perProcedure].filter(([, count]) => count < 30)).toEqual([]);
    const seenBefore = proxy.requests.length;
    const unexpected = new Map<string, string[]>();
    // A few at a time, as a busy window would send them.
    for (let start = 0; start < calls.length; start += 32) {
      const batch = calls.slice(start, start + 32);
      const outcomes = await Promise.all(batch.map(({ procedure, mutation }) => outcome(callByPath(client, procedure.path, mutation.value))));
      outcomes.forEach((result, i) => {
        if (result === 'BAD_REQUEST') return;
        const { procedure, mutation } = batch[i];
        const list = unexpected.get(result) ?? [];
        list.push(`${name(procedure)} ${mutation.where} ${mutation.label}: ${preview(mutation.value)}`);
        unexpected.set(result, list);
      });
    }
    console.log(`contract fuzz: ${calls.length} hostile calls over ${procedures.length} procedures`);
    expect(Object.fromEntries([...unexpected].map(([result, list]) => [result, `${list.length}: ${list.slice(0, 5).join(' | ')}`]))).toEqual({});
    const reached = proxy.requests.slice(seenBefore).map((request) => `${request.method} ${request.url}`).filter((line) => !BACKGROUND.test(line));
    expect(reached).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives raw hostile frames: not JSON, 5 MB, an unknown procedure', { timeout: 60_000 }, async () => {
    const raw = await openSocket(host);
    const closed = new Promise<number>((resolve) => raw.once('close', resolve));
    raw.send('not json at all');
    raw.send('{"i":');
    raw.send(JSON.stringify({ i: 1, p: { u: 'orpc://localhost/containers/../../etc/passwd', b: {} } }));
    raw.send(Buffer.alloc(64, 0));
    raw.send('x'.repeat(5 * 1024 * 1024));
    // Too large for a frame: the host closes this socket (1009), and only this one.
    // Were the socket's error unhandled, it would be thrown in this process and fail the run.
    expect(await closed).toBe(1009);

    const other = await openSocket(host);
    const otherClient = rpcClient(other);
    expect(await outcome(callByPath(otherClient, ['containers', 'noSuchCall'], {}))).toBe('NOT_FOUND');
    expect(await outcome(callByPath(otherClient, ['__proto__', 'constructor'], {}))).toBe('NOT_FOUND');
    other.close();
  });

  it('keeps serving afterwards, with the engine as it was', async () => {
    const seenBefore = proxy.requests.length;
    const listed = await client.containers.list({ all: true });
    // The proxy is on the path: a valid call shows up there.
    expect(proxy.requests.slice(seenBefore).map((request) => request.url)).toContainEqual(expect.stringMatching(/\/containers\/json/));
    expect(listed.map((container) => container.id)).toContain(keeper.id);
    const again = rpcClient(await openSocket(host));
    expect((await again.containers.list({ all: true })).length).toBe(listed.length);
    expect(await engineSnapshot(docker)).toEqual(before);
    const kept = await keeper.inspect();
    expect(kept.Config.Labels[TEST_LABEL]).toBe('1');
    expect(kept.State.Status).toBe('created');
  });
});
