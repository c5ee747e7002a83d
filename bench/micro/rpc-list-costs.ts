/**
 * `npx tsx bench/micro/rpc-list-costs.ts`: where a list call's time goes in
 * the typed RPC, per step, for 2,000 volumes shaped as GET /volumes returns
 * them (no engine needed): the output schema check, oRPC's JSON serializer,
 * JSON.stringify and JSON.parse. It is how the list calls' extra cost over
 * a raw GET was split (docs/performance.md).
 */
import { performance } from 'node:perf_hooks';
import { StandardRPCJsonSerializer } from '@orpc/client/standard';
import { z } from 'zod';
import { volumeSummary } from '../../electron/api/volumes-schemas';
import { imageSummary } from '../../electron/api/images-schemas';

const volumes = Array.from({ length: 2000 }, (_, i) => ({
  name: `bench-vol-${i}-${'x'.repeat(20)}`,
  driver: 'local',
  createdAt: '2026-11-23T10:00:00Z',
  mountpoint: `/var/lib/docker/volumes/bench-vol-${i}/_data`,
  scope: 'local',
  labels: { 'cais.test': '1' },
  anonymous: false,
}));
const images = Array.from({ length: 500 }, (_, i) => ({
  id: `sha256:${i.toString(16).padStart(64, '0')}`,
  repoTags: [`cais-bench/tags:t${i}`],
  repoDigests: [],
  size: 7_000_000,
  created: 1_700_000_000,
  dangling: false,
}));

const serializer = new StandardRPCJsonSerializer();
const ROUNDS = 50;

function time(label: string, work: () => unknown): void {
  for (let i = 0; i < 5; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(44)} ${samples[Math.floor(ROUNDS / 2)].toFixed(3)} ms`);
}

for (const [what, list, schema] of [
  ['2,000 volumes', volumes, z.array(volumeSummary)],
  ['500 images', images, z.array(imageSummary)],
] as const) {
  console.log(what);
  const text = JSON.stringify(list);
  time('output schema check (zod parse)', () => (schema as z.ZodType).parse(list));
  time('oRPC serializer (serialize)', () => serializer.serialize(list));
  time('JSON.stringify', () => JSON.stringify(list));
  time('JSON.parse', () => JSON.parse(text));
  time('oRPC deserializer (no meta)', () => serializer.deserialize(JSON.parse(text), []));
  time('JSON.stringify of the JSON text (as one string)', () => JSON.stringify({ json: text }));
}

// The engine-side shaping of the volume list (map to the summary, sort by name).
const engineVolumes = volumes.map((volume) => ({ Name: volume.name, Driver: 'local', CreatedAt: volume.createdAt, Mountpoint: volume.mountpoint, Scope: 'local', Labels: volume.labels }));
const fakeDocker = { listVolumes: async () => ({ Volumes: engineVolumes }) };
const { listVolumes } = await import('../../electron/engine/volumes');
console.log('2,000 volumes, shaping');
const shapeSamples: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  await listVolumes(fakeDocker as never);
  shapeSamples.push(performance.now() - started);
}
shapeSamples.sort((a, b) => a - b);
console.log(`  ${'listVolumes: map and sort by name'.padEnd(44)} ${shapeSamples[Math.floor(ROUNDS / 2)].toFixed(3)} ms`);
