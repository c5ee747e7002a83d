/**
 * `npm run bench`: every part of the benchmark, one table at the end.
 *
 * Each part (bench/parts/*.ts) sets up its own engine state, measures Cais
 * against a baseline in the same run (the raw Engine API, the docker CLI)
 * and cleans up after itself. CAIS_BENCH_ONLY=lists,logs runs some parts.
 * The table only reports: these machines are shared and noisy, so a missed
 * target is printed, not failed on.
 */
import { backupPart } from './parts/backup';
import { eventsPart } from './parts/events';
import { listsPart } from './parts/lists';
import { logsPart } from './parts/logs';
import { pullPart } from './parts/pull';
import { refusalsPart } from './parts/refusals';
import { screensPart } from './parts/screens';
import { startPart } from './parts/start';
import { statsPart } from './parts/stats';
import { type BenchPart, type BenchRow, printBenchTable, withCleanups } from './support/harness';

const parts: BenchPart[] = [eventsPart, listsPart, logsPart, statsPart, screensPart, startPart, pullPart, backupPart, refusalsPart];

const only = process.env.CAIS_BENCH_ONLY?.split(',').filter(Boolean);
const rows: BenchRow[] = [];
for (const part of parts.filter((item) => !only || only.includes(item.id))) {
  console.log(`\n== ${part.id}`);
  await withCleanups(async (cleanups) => {
    rows.push(...(await part.run(cleanups)));
  });
}
const missed = printBenchTable(rows);
console.log(missed.length ? `\nMissed their target: ${missed.map((row) => row.measure).join('; ')}` : '\nEvery row meets its target.');
