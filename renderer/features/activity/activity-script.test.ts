import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../electron/api/activity-contract';
import { activityScript, mergeEntry } from './activity-script';

const labels = { header: 'Changes', ok: 'ok', failed: 'failed', running: 'still running' };
const at = Date.UTC(2026, 0, 2, 10, 20, 30);
const entry = (seq: number, command: string, outcome: ActivityEntry['outcome'], error?: string): ActivityEntry => ({
  seq,
  procedure: 'containers.start',
  command,
  startedAt: at + seq * 1000,
  outcome,
  error,
});

describe('activityScript', () => {
  it('lists commands in order; failed and unfinished ones stay comments', () => {
    const script = activityScript(
      [entry(3, 'docker pull busybox', 'running'), entry(1, 'docker start web', 'ok'), entry(2, 'docker stop db', 'failed', 'is not\nrunning')],
      labels,
    );
    expect(script).toBe(
      [
        '#!/bin/sh',
        '# Changes',
        '',
        '# 10:20:31 UTC · ok',
        'docker start web',
        '',
        '# 10:20:32 UTC · failed: is not running',
        '# docker stop db',
        '',
        '# 10:20:33 UTC · still running',
        '# docker pull busybox',
        '',
      ].join('\n'),
    );
  });

  it('comments out every line of a failed multi-line command', () => {
    const script = activityScript([entry(1, 'docker create --name a x && \\\n  docker rename a b', 'failed', 'no')], labels);
    expect(script).toContain('# docker create --name a x && \\\n#   docker rename a b\n');
  });
});

describe('mergeEntry', () => {
  it('appends new entries in seq order and replaces updated ones', () => {
    let list = mergeEntry([], entry(2, 'b', 'running'));
    list = mergeEntry(list, entry(1, 'a', 'ok'));
    list = mergeEntry(list, entry(2, 'b', 'ok'));
    expect(list.map((item) => [item.seq, item.outcome])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
    ]);
  });
});
