/**
 * Volume backup (issue: within 1.2x of the command-line recipe): a volume of
 * a few thousand files backed up through Cais against
 * `docker run --rm -v VOL:/data IMAGE tar czf - -C /data .` (the baseline) in
 * the same run.
 *
 * Cases: the baseline; Cais' engine function (archive API of a never-started
 * helper, gzip in Node, temp file then rename), printed only; and the same
 * call as the window makes it, `volumes.backup` over the web host's WebSocket.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { TEST_IMAGE, TEST_LABEL } from '../../e2e/support/test-engine';
import { runInVolume } from '../../e2e/support/volume-manifest';
import { backupVolume } from '../../electron/engine/volume-backup';
import { type BenchPart, openBenchHost, percentile, printTable, ratio } from '../support/harness';

const FILES = 3000;
const FOLDERS = 30;
const WARMUPS = 1;
const ITERATIONS = 5;
const CLI_TIMEOUT_MS = 120_000;

type Row = { name: string; samples: number[]; bytes: number };

/** The baseline: the CLI recipe, its stdout written to a file. */
async function cliBackup(volume: string, file: string): Promise<void> {
  const child = spawn('docker', ['run', '--rm', '--label', `${TEST_LABEL}=1`, '-v', `${volume}:/data`, TEST_IMAGE, 'tar', 'czf', '-', '-C', '/data', '.'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env },
    timeout: CLI_TIMEOUT_MS,
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  await pipeline(child.stdout, fs.createWriteStream(file));
  const code = await exited;
  if (code !== 0) throw new Error(`docker run exited with ${code}`);
}

async function time(name: string, folder: string, backup: (file: string) => Promise<void>): Promise<Row> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUPS + ITERATIONS; i++) {
    const file = path.join(folder, `${name.replace(/\W+/g, '-')}-${i}.tar.gz`);
    const started = performance.now();
    await backup(file);
    const elapsed = performance.now() - started;
    bytes = fs.statSync(file).size;
    fs.rmSync(file);
    if (i >= WARMUPS) samples.push(elapsed);
  }
  return { name, samples, bytes };
}

function printBackups(title: string, rows: Row[]): void {
  const baseline = percentile(rows[0].samples, 50);
  const lines = rows.map((row) => {
    const median = percentile(row.samples, 50);
    return [row.name, String(row.samples.length), median.toFixed(0), percentile(row.samples, 95).toFixed(0), (row.bytes / 1024).toFixed(0), ratio(median, baseline)];
  });
  printTable(title, ['case', 'n', 'median ms', 'p95 ms', 'archive KiB', 'ratio vs baseline'], lines);
}

export const backupPart: BenchPart = {
  id: 'backup',
  async run(cleanups) {
    const docker = testDocker();
    const { engine, client } = await openBenchHost(cleanups);

    const volume = uniqueName('bench-backup');
    await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });
    cleanups.push(() => docker.getVolume(volume).remove());
    // Half the files compress well (text), half do not (random bytes).
    await runInVolume(
      docker,
      volume,
      `for d in $(seq 0 ${FOLDERS - 1}); do mkdir -p /data/dir$d; done
       i=0; while [ $i -lt ${FILES} ]; do
         d=/data/dir$((i % ${FOLDERS}))
         if [ $((i % 2)) -eq 0 ]; then seq 1 400 > $d/text$i.txt; else head -c 4096 /dev/urandom > $d/random$i.bin; fi
         i=$((i + 1))
       done`,
    );
    console.log(`  volume with ${FILES} files in ${FOLDERS} folders (half text, half random)`);

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-bench-out-'));
    cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    const rows = [
      await time('docker run … tar czf (CLI)', folder, (file) => cliBackup(volume, file)),
      await time('Cais engine backupVolume', folder, async (file) => {
        for await (const event of backupVolume(engine.client(), { name: volume, destination: file, overwrite: false })) void event;
      }),
      await time('Cais volumes.backup over web host WS', folder, async (file) => {
        for await (const event of await client.volumes.backup({ name: volume, destination: file, overwrite: false })) void event;
      }),
    ];
    printBackups(`Backing up a volume of ${FILES} files to a .tar.gz`, rows);
    const [cli, , cais] = rows;
    return [
      {
        measure: `Volume backup, ${FILES} files to .tar.gz (median of ${ITERATIONS})`,
        unit: 'ms',
        cais: percentile(cais.samples, 50),
        baselineName: 'docker run … tar czf',
        baseline: percentile(cli.samples, 50),
        target: { maxRatio: 1.2 },
      },
    ];
  },
};
