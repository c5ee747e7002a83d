import { describe, expect, it } from 'vitest';
import { computeStats } from './container-stats';

const base = {
  read: '2026-11-23T10:00:00Z',
  cpu_stats: { cpu_usage: { total_usage: 2_000_000 }, system_cpu_usage: 20_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 1_000_000 }, system_cpu_usage: 10_000_000 },
  memory_stats: { usage: 50 * 1024 * 1024, limit: 100 * 1024 * 1024, stats: { inactive_file: 10 * 1024 * 1024 } },
  networks: { eth0: { rx_bytes: 100, tx_bytes: 50 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
  blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 10 }, { op: 'write', value: 20 }, { op: 'Total', value: 30 }] },
  pids_stats: { current: 3 },
};

describe('computeStats', () => {
  it('computes CPU % as the docker CLI does (delta over system delta, times CPUs)', () => {
    expect(computeStats(base).cpuPercent).toBeCloseTo(20);
  });

  it('leaves page cache out of memory use, sums networks and block I/O', () => {
    const sample = computeStats(base);
    expect(sample.memoryUsage).toBe(40 * 1024 * 1024);
    expect(sample.memoryLimit).toBe(100 * 1024 * 1024);
    expect([sample.networkRx, sample.networkTx]).toEqual([101, 52]);
    expect([sample.blockRead, sample.blockWrite]).toEqual([10, 20]);
    expect(sample.pids).toBe(3);
  });

  it('reads cgroup v1 cache and reports 0 % on the first sample', () => {
    const first = computeStats({
      ...base,
      precpu_stats: { cpu_usage: { total_usage: 0 } },
      memory_stats: { usage: 30, limit: 100, stats: { total_inactive_file: 10 } },
      blkio_stats: { io_service_bytes_recursive: null },
    });
    expect(first.cpuPercent).toBe(0);
    expect(first.memoryUsage).toBe(20);
    expect(first.blockRead).toBe(0);
  });
});
