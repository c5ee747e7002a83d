/**
 * Volume backup benchmark: backing up a volume of a few thousand files
 * through Cais, against `docker run --rm -v VOL:/data IMAGE tar czf - -C /data .`
 * (the usual command-line recipe; the baseline) in the same run.
 *
 * Cases: the baseline; Cais' engine function (archive API of a never-started
 * helper, gzip in Node, temp file then rename); and the same call as the
 * window makes it, `volumes.backup` over the web host's WebSocket.
 *
 * Run: `tsx e2e/support/with-engine.ts tsx bench/volume-backup.bench.ts`
 * (starts a throwaway engine and sets DOCKER_HOST). Prints a table; no thresholds.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import WebSocket from 'ws';
import { testDocker, uniqueName } from '../e2e/support/engine-fixtures';
import { TEST_IMAGE, TEST_LABEL } from '../e2e/support/test-engine';
import { runInVolume } from '../e2e/support/volume-manifest';
import type { Contract } from '../electron/api/contract';
import { EngineConnection } from '../electron/engine/connection';
import { realHostFacts } from '../electron/engine/host-facts';
import { backupVolume } from '../electron/engine/volume-backup';
import { startWebHost } from '../electron/server/web-host';

const FILES = 3000;
const FOLDERS = 30;
const WARMUPS = 1;
const ITERATIONS = 5;

type Row = { name: string; samples: number[]; bytes: number };

/** The baseline: the CLI recipe, its stdout written to a file. */
async function cliBackup(volume: string, file: string): Promise<void> {
  const child = spawn('docker', ['run', '--rm', '--label', `${TEST_LABEL}=1`, '-v', `${volume}:/data`, TEST_IMAGE, 'tar', 'czf', '-', '-C', '/data', '.'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env },
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

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function printTable(title: string, rows: Row[]): void {
  const baseline = percentile(rows[0].samples, 50);
  const header = ['case', 'n', 'median ms', 'p95 ms', 'archive KiB', 'ratio vs baseline'];
  const lines = rows.map((row) => {
    const median = percentile(row.samples, 50);
    return [row.name, String(row.samples.length), median.toFixed(0), percentile(row.samples, 95).toFixed(0), (row.bytes / 1024).toFixed(0), `${(median / baseline).toFixed(2)}x`];
  });
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  const cleanups: (() => unknown)[] = [];
  try {
    const docker = testDocker();
    const engine = new EngineConnection({ ...realHostFacts(), env: { ...process.env } });
    cleanups.push(() => engine.close());
    await engine.start();
    const state = engine.state;
    if (state.status !== 'connected') throw new Error(`engine not connected: ${JSON.stringify(state)}`);

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
    console.log(`engine ${state.engineVersion} (API ${state.apiVersion}); volume with ${FILES} files in ${FOLDERS} folders (half text, half random)`);

    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-bench-'));
    cleanups.push(() => fs.rmSync(staticDir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cais</title>');
    const host = await startWebHost({ engine, staticDir });
    cleanups.push(() => host.close());
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, { headers: { origin: `http://127.0.0.1:${host.port}` } });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    cleanups.push(() => socket.close());
    const client: ContractRouterClient<Contract> = createORPCClient(new RPCLink({ websocket: socket as never }));

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
    printTable(`Backing up a volume of ${FILES} files to a .tar.gz`, rows);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await Promise.resolve().then(cleanup).catch((error: unknown) => console.warn(`cleanup: ${String(error)}`));
    }
  }
}

await main();
// Sockets to the engine may linger in keep-alive pools; the table is printed.
process.exit(0);
