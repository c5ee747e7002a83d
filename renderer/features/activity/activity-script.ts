import type { ActivityEntry } from '../../../electron/api/activity-contract';

export interface ScriptLabels {
  header: string;
  ok: string;
  failed: string;
  running: string;
}

function clock(time: number): string {
  return new Date(time).toISOString().slice(11, 19);
}

/**
 * The run as a shell script: each change in order with its time and outcome
 * as a comment. Failed and unfinished ones stay commented out, so running
 * the script repeats only what worked.
 */
export function activityScript(entries: ActivityEntry[], labels: ScriptLabels): string {
  const lines = ['#!/bin/sh', `# ${labels.header}`];
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    lines.push('');
    if (entry.outcome === 'ok') {
      lines.push(`# ${clock(entry.startedAt)} UTC · ${labels.ok}`, entry.command);
    } else {
      const why = entry.outcome === 'failed' ? `${labels.failed}: ${(entry.error ?? '').replace(/\s+/g, ' ')}` : labels.running;
      // Every line of a multi-line command (a recreate's steps) is commented out.
      lines.push(`# ${clock(entry.startedAt)} UTC · ${why}`, ...entry.command.split('\n').map((line) => `# ${line}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Merges an update into the list: a new seq is appended, a known one replaced. */
export function mergeEntry(entries: ActivityEntry[], next: ActivityEntry): ActivityEntry[] {
  const index = entries.findIndex((entry) => entry.seq === next.seq);
  if (index === -1) return [...entries, next].sort((a, b) => a.seq - b.seq);
  const copy = entries.slice();
  copy[index] = next;
  return copy;
}
