/**
 * Image pull (issue: within 1.1x of `docker pull`): one image from a local
 * registry on 127.0.0.1 through Cais (`images.pull` over the web host's
 * WebSocket, every progress snapshot consumed) against `docker pull` (the
 * CLI) in the same run, with the raw Engine API (dockerode followProgress)
 * printed as a third line.
 *
 * Each sample starts with the image absent (removed, layers included) and
 * ends when the pull has finished. Cases are interleaved round by round so
 * disk caches treat them alike. The image (4 layers of random bytes, 40 MB in
 * all) and the registry are removed at the end. With CAIS_TEST_NETNS=1 the
 * registry is bridged into the engine's network namespace at the same address.
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { buildRandomImage, pushTo, removeQuietly } from '../../e2e/support/image-fixtures';
import { startRegistry } from '../../e2e/support/registry';
import { type BenchPart, openBenchHost, percentile, printTable, ratio } from '../support/harness';

const LAYERS = [16_000_000, 12_000_000, 8_000_000, 4_000_000];
const WARMUPS = 1;
const ROUNDS = 7;
const CLI = 'docker pull (CLI)';
const CAIS = 'Cais images.pull (WebSocket)';

type Row = { name: string; samples: number[] };
const run = promisify(execFile);

function printPulls(rows: Row[], baseline: number, bytes: number): void {
  const lines = rows.map((row) => {
    const m = percentile(row.samples, 50);
    return [
      row.name,
      String(row.samples.length),
      m.toFixed(0),
      Math.min(...row.samples).toFixed(0),
      Math.max(...row.samples).toFixed(0),
      (bytes / 1e6 / (m / 1000)).toFixed(1),
      ratio(m, baseline),
    ];
  });
  printTable('Pulling from a registry on 127.0.0.1', ['case', 'n', 'median ms', 'min ms', 'max ms', 'MB/s', `ratio vs ${CLI}`], lines);
}

export const pullPart: BenchPart = {
  id: 'pull',
  async run(cleanups) {
    const docker = testDocker();
    const { client } = await openBenchHost(cleanups);

    const registry = await startRegistry();
    cleanups.push(() => registry.stop());
    const reference = `${registry.address}/cais-test/${uniqueName('bench')}:v1`;
    cleanups.push(() => removeQuietly(docker, reference));
    await buildRandomImage(docker, reference, LAYERS);
    await pushTo(docker, reference, registry.address);
    const bytes = LAYERS.reduce((a, b) => a + b, 0);
    console.log(`  image ${LAYERS.length} layers, ${(bytes / 1e6).toFixed(0)} MB of random bytes; ${ROUNDS} rounds after ${WARMUPS} warm-up`);

    const cases: { name: string; pull: () => Promise<void> }[] = [
      { name: CLI, pull: async () => void (await run('docker', ['pull', '-q', reference], { env: { ...process.env } })) },
      {
        name: CAIS,
        pull: async () => {
          let done = false;
          for await (const event of await client.images.pull({ reference })) if (event.type === 'done') done = true;
          if (!done) throw new Error('Cais pull ended without done');
        },
      },
      {
        name: 'raw Engine API (dockerode)',
        pull: async () => {
          const stream = await docker.pull(reference);
          await new Promise((resolve, reject) => docker.modem.followProgress(stream, (error) => (error ? reject(error) : resolve(null))));
        },
      },
    ];
    const rows: Row[] = cases.map((item) => ({ name: item.name, samples: [] }));
    for (let round = 0; round < WARMUPS + ROUNDS; round += 1) {
      for (const [index, item] of cases.entries()) {
        await docker.getImage(reference).remove({ force: true });
        const started = performance.now();
        await item.pull();
        const elapsed = performance.now() - started;
        await docker.getImage(reference).inspect();
        if (round >= WARMUPS) rows[index].samples.push(elapsed);
      }
    }
    const median = (name: string) => percentile(rows.find((row) => row.name === name)!.samples, 50);
    printPulls(rows, median(CLI), bytes);
    return [
      {
        measure: `Image pull, ${(bytes / 1e6).toFixed(0)} MB from a local registry (median of ${ROUNDS})`,
        unit: 'ms',
        cais: median(CAIS),
        baselineName: 'docker pull',
        baseline: median(CLI),
        target: { maxRatio: 1.1 },
      },
    ];
  },
};
