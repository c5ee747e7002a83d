import { EventEmitter } from 'node:events';
import type { ActivityEntry } from '../api/activity-contract';

/** How many changes a run keeps; older ones drop off the front. */
const LIMIT = 2000;

/** The changes made to one engine connection in this run, in order. */
export class ActivityLog extends EventEmitter<{ entry: [ActivityEntry] }> {
  private readonly items: ActivityEntry[] = [];
  private seq = 0;

  constructor() {
    super();
    this.setMaxListeners(0);
  }

  list(): ActivityEntry[] {
    return this.items.map((item) => ({ ...item }));
  }

  begin(procedure: string, command: string): ActivityEntry {
    const entry: ActivityEntry = { seq: ++this.seq, procedure, command, startedAt: Date.now(), outcome: 'running' };
    this.items.push(entry);
    if (this.items.length > LIMIT) this.items.shift();
    this.emit('entry', { ...entry });
    return entry;
  }

  finish(entry: ActivityEntry, result: { error?: string; command?: string }): void {
    entry.finishedAt = Date.now();
    entry.outcome = result.error === undefined ? 'ok' : 'failed';
    if (result.error !== undefined) entry.error = result.error;
    if (result.command) entry.command = result.command;
    this.emit('entry', { ...entry });
  }
}

const logs = new WeakMap<object, ActivityLog>();

/** One log per engine connection: the Electron window and each web host keep their own run. */
export function activityFor(owner: object): ActivityLog {
  let log = logs.get(owner);
  if (!log) {
    log = new ActivityLog();
    logs.set(owner, log);
  }
  return log;
}
