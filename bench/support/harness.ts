import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import type { Contract } from '../../electron/api/contract';
import type { ConnectionState } from '../../electron/api/schemas';
import { EngineConnection } from '../../electron/engine/connection';
import { realHostFacts } from '../../electron/engine/host-facts';
import { startWebHost } from '../../electron/transports/web-host';
import { openRpcSocket } from '../../e2e/support/rpc-socket';

/** What every benchmark shares: the engine, and Cais' router as the window reaches it. */
export interface BenchHost {
  engine: EngineConnection;
  state: Extract<ConnectionState, { status: 'connected' }>;
  /** Cais' router over the web host's WebSocket, the path the window's calls take. */
  client: ContractRouterClient<Contract>;
}

export type Cleanup = () => unknown;

/**
 * Runs a benchmark body with a cleanup list that is emptied in reverse order
 * whatever happens, so an interrupted run leaves no containers or files.
 */
export async function withCleanups(body: (cleanups: Cleanup[]) => Promise<void>): Promise<void> {
  const cleanups: Cleanup[] = [];
  try {
    await body(cleanups);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await Promise.resolve().then(cleanup).catch((error: unknown) => console.warn(`cleanup: ${String(error)}`));
    }
  }
}

/** Connects to the engine named by DOCKER_HOST and serves the router on a web host of its own. */
export async function openBenchHost(cleanups: Cleanup[]): Promise<BenchHost> {
  const engine = new EngineConnection({ ...realHostFacts(), env: { ...process.env } });
  cleanups.push(() => engine.close());
  await engine.start();
  const state = engine.state;
  if (state.status !== 'connected') throw new Error(`engine not connected: ${JSON.stringify(state)}`);

  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-bench-'));
  cleanups.push(() => fs.rmSync(staticDir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cais</title>');
  const host = await startWebHost({ engine, staticDir });
  cleanups.push(() => host.close());

  return { engine, state, client: await connectRpc(host.launchUrl(), cleanups) };
}

/** Cais' router over a web host's WebSocket (on this machine), signed in with a launch URL as a window is; closed at cleanup. */
export async function connectRpc(launchUrl: string, cleanups: Cleanup[]): Promise<ContractRouterClient<Contract>> {
  const socket = await openRpcSocket(launchUrl);
  cleanups.push(() => socket.close());
  return createORPCClient(new RPCLink({ websocket: socket as never }));
}

/** The p-th percentile (nearest rank) of some timings. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The ratio column: a case's median over the baseline's. */
export const ratio = (median: number, baseline: number): string => `${(median / baseline).toFixed(2)}x`;

/** Prints an aligned table: the first column to the left, numbers to the right. */
export function printTable(title: string, header: string[], lines: string[][]): void {
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

/**
 * One row of `npm run bench`'s table: Cais' figure, the baseline's figure
 * measured in the same run, and the target for it.
 */
export interface BenchRow {
  /** What is measured, e.g. "Event to screen, p95". */
  measure: string;
  unit: 'ms' | 'MB' | 'KB' | '% core' | 'rows';
  cais: number;
  /** What Cais is compared with, e.g. "raw /events stream" or "docker logs". */
  baselineName: string;
  baseline: number;
  /**
   * The target: a ceiling on the ratio cais/baseline, or on Cais' own figure
   * (for absolute targets like "p95 at most 200 ms").
   */
  target: { maxRatio: number } | { maxValue: number };
}

/** A part of the benchmark: sets up its own engine state, measures, cleans up. */
export interface BenchPart {
  /** Short id for CAIS_BENCH_ONLY=id,id. */
  id: string;
  run(cleanups: Cleanup[]): Promise<BenchRow[]>;
}

export const rowRatio = (row: BenchRow): number => row.cais / row.baseline;

export function meetsTarget(row: BenchRow): boolean {
  return 'maxRatio' in row.target ? rowRatio(row) <= row.target.maxRatio : row.cais <= row.target.maxValue;
}

const figure = (value: number, unit: BenchRow['unit']): string =>
  `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${unit}`;

/** The one table `npm run bench` prints; returns the rows that missed their target. */
export function printBenchTable(rows: BenchRow[]): BenchRow[] {
  printTable(
    'Cais against the baseline, same run',
    ['measure', 'Cais', 'baseline', 'baseline figure', 'ratio', 'target', 'meets'],
    rows.map((row) => [
      row.measure,
      figure(row.cais, row.unit),
      row.baselineName,
      figure(row.baseline, row.unit),
      `${rowRatio(row).toFixed(2)}x`,
      'maxRatio' in row.target ? `<= ${row.target.maxRatio}x` : `<= ${figure(row.target.maxValue, row.unit)}`,
      meetsTarget(row) ? 'yes' : 'NO',
    ]),
  );
  return rows.filter((row) => !meetsTarget(row));
}
