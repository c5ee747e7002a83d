/**
 * Lists at scale: 2,000 containers, 2,000 volumes, 500 image tags. Cais'
 * list calls, over the web host's WebSocket as the window makes them,
 * against a raw GET of the same Engine API endpoint with its body parsed.
 * CAIS_BENCH_LISTS_SCALE=0.1 shrinks the population while developing.
 */
import { performance } from 'node:perf_hooks';
import { closeRawAgent, rawRequest } from '../support/engine-api';
import { type BenchPart, type BenchRow, openBenchHost, percentile } from '../support/harness';
import { populateContainers, populateImageTags, populateVolumes } from '../support/population';

const SCALE = Number(process.env.CAIS_BENCH_LISTS_SCALE ?? 1);
const CONTAINERS = Math.round(2000 * SCALE);
const VOLUMES = Math.round(2000 * SCALE);
const IMAGE_TAGS = Math.round(500 * SCALE);
const WARMUPS = 3;
const CALLS = 20;
const MAX_RATIO = 1.3;

/** Median ms of each call, the two taken in turn so that machine noise hits both alike. */
async function medians(cais: () => Promise<unknown>, raw: () => Promise<unknown>): Promise<{ cais: number; raw: number }> {
  const timings = { cais: [] as number[], raw: [] as number[] };
  const time = async (call: () => Promise<unknown>, into: number[] | undefined) => {
    const started = performance.now();
    await call();
    into?.push(performance.now() - started);
  };
  for (let i = 0; i < WARMUPS + CALLS; i++) {
    await time(raw, i >= WARMUPS ? timings.raw : undefined);
    await time(cais, i >= WARMUPS ? timings.cais : undefined);
  }
  return { cais: percentile(timings.cais, 50), raw: percentile(timings.raw, 50) };
}

const rawJson = (...apiPaths: string[]) => () => Promise.all(apiPaths.map(async (apiPath) => JSON.parse(await rawRequest('GET', apiPath)) as unknown));
const ALL_CONTAINERS = '/containers/json?all=1';

export const listsPart: BenchPart = {
  id: 'lists',
  async run(cleanups) {
    const { client } = await openBenchHost(cleanups);
    cleanups.push(closeRawAgent);
    console.log(`populating ${CONTAINERS} containers, ${VOLUMES} volumes, ${IMAGE_TAGS} image tags`);
    await populateContainers(CONTAINERS, cleanups);
    await populateVolumes(VOLUMES, cleanups);
    await populateImageTags(IMAGE_TAGS, cleanups);

    // The volume and image lists are their endpoint alone; who uses each
    // (volumes.usage, images.usage: the container list) comes in a call of its own.
    const cases = [
      { what: 'containers', endpoints: [ALL_CONTAINERS], call: () => client.containers.list({ all: true }) },
      { what: 'volumes', endpoints: ['/volumes'], call: () => client.volumes.list() },
      { what: 'images', endpoints: ['/images/json'], call: () => client.images.list() },
    ];
    const rows: BenchRow[] = [];
    for (const { what, endpoints, call } of cases) {
      const { cais, raw } = await medians(call, rawJson(...endpoints));
      rows.push({
        measure: `List ${what}, median`,
        unit: 'ms',
        cais,
        baselineName: `raw GET ${endpoints.map((endpoint) => endpoint.split('?')[0]).join(' + ')}`,
        baseline: raw,
        target: { maxRatio: MAX_RATIO },
      });
    }
    return rows;
  },
};
