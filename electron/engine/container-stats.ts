import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { LineSplitter } from './line-splitter';

export interface StatsSample {
  time: number;
  cpuPercent: number;
  memoryUsage: number;
  memoryLimit: number;
  networkRx: number;
  networkTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/* The subset of the engine's stats JSON that we read. */
interface RawStats {
  read: string;
  cpu_stats: { cpu_usage: { total_usage: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage?: number };
  memory_stats: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  pids_stats?: { current?: number };
}

/** Computes what `docker stats` shows, the same way the docker CLI does. */
export function computeStats(raw: RawStats): StatsSample {
  const cpuDelta = raw.cpu_stats.cpu_usage.total_usage - raw.precpu_stats.cpu_usage.total_usage;
  const systemDelta = (raw.cpu_stats.system_cpu_usage ?? 0) - (raw.precpu_stats.system_cpu_usage ?? 0);
  const cpus = raw.cpu_stats.online_cpus || raw.cpu_stats.cpu_usage.percpu_usage?.length || 1;
  // The first sample of a stream has no previous reading: no rate yet.
  const hasPrevious = Boolean(raw.precpu_stats.system_cpu_usage);
  const cpuPercent = hasPrevious && cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0;
  // Page cache is reclaimable: the CLI subtracts it (cgroup v1: total_inactive_file, v2: inactive_file).
  const extra = raw.memory_stats.stats ?? {};
  const cache = extra.total_inactive_file ?? extra.inactive_file ?? 0;
  const memoryUsage = Math.max(0, (raw.memory_stats.usage ?? 0) - cache);
  let networkRx = 0;
  let networkTx = 0;
  for (const network of Object.values(raw.networks ?? {})) {
    networkRx += network.rx_bytes;
    networkTx += network.tx_bytes;
  }
  let blockRead = 0;
  let blockWrite = 0;
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op.toLowerCase();
    if (op === 'read') blockRead += entry.value;
    if (op === 'write') blockWrite += entry.value;
  }
  return {
    time: Date.parse(raw.read) || Date.now(),
    cpuPercent,
    memoryUsage,
    memoryLimit: raw.memory_stats.limit ?? 0,
    networkRx,
    networkTx,
    blockRead,
    blockWrite,
    pids: raw.pids_stats?.current ?? 0,
  };
}

/** Live samples, about one a second, until the caller aborts. */
export async function* streamStats(docker: Docker, id: string, signal?: AbortSignal): AsyncGenerator<StatsSample> {
  const stream = (await docker.getContainer(id).stats({ stream: true })) as unknown as Readable;
  const stop = () => stream.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  const splitter = new LineSplitter();
  try {
    for await (const chunk of stream) {
      for (const line of splitter.push(chunk as Buffer)) {
        const raw = JSON.parse(line) as RawStats;
        // A stopped container reports an empty sample: nothing to chart.
        if (raw.read && !raw.read.startsWith('0001-')) yield computeStats(raw);
      }
    }
  } catch (error) {
    if (!signal?.aborted) throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
    stream.destroy();
  }
}
