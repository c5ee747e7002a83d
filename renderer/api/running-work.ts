/**
 * Work the user started that the engine is doing (a pull, …), each as a
 * sentence, so the offline screen can say what the engine's absence cut off.
 * Work whose panel closes because the engine went away stays listed as cut
 * off until the engine is back.
 */
interface Entry {
  description: string;
  cutOff: boolean;
}

const entries = new Set<Entry>();
const listeners = new Set<() => void>();
let snapshot: string[] = [];

function changed(): void {
  snapshot = [...entries].map((entry) => entry.description);
  for (const listener of listeners) listener();
}

/** Lists the work until `end` is called; `end(true)` keeps it listed as cut off. Later calls do nothing. */
export function trackRunningWork(description: string): (cutOff: boolean) => void {
  const entry: Entry = { description, cutOff: false };
  entries.add(entry);
  changed();
  let ended = false;
  return (cutOff) => {
    if (ended) return;
    ended = true;
    if (cutOff) entry.cutOff = true;
    else entries.delete(entry);
    changed();
  };
}

/** Forgets the work that was cut off (the engine is back; the offline screen said it). */
export function forgetCutOffWork(): void {
  for (const entry of entries) if (entry.cutOff) entries.delete(entry);
  changed();
}

export function subscribeRunningWork(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What is running or was cut off, as a stable array for useSyncExternalStore. */
export function runningWork(): string[] {
  return snapshot;
}
