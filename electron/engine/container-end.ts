import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { EndEvent } from '../api/schemas';
import { LineSplitter } from './line-splitter';

/** The engine keeps its last events in memory (256 on dockerd): enough for a recent end, not for an old one. */
const MAX_EVENTS = 200;

/**
 * What the engine recorded about how a container's last run ended: its kill
 * (with the signal), stop, oom and die events since it last started. The
 * page reads who sent the SIGKILL behind an exit code 137 from them; an
 * engine that no longer holds them (a busy one, or a restart) returns none.
 */
export async function endEventsOf(docker: Docker, id: string): Promise<EndEvent[]> {
  const info = await docker.getContainer(id).inspect();
  const started = Date.parse(info.State.StartedAt);
  if (!Number.isFinite(started) || started <= 0 || info.State.Running) return [];
  const since = Math.floor(started / 1000);
  const until = Math.ceil(Date.now() / 1000) + 1;
  const filters = JSON.stringify({ container: [info.Id], type: ['container'], event: ['kill', 'stop', 'oom', 'die'] });
  const stream = (await docker.getEvents({ since, until, filters } as unknown as Docker.GetEventsOptions)) as unknown as Readable;
  const events: EndEvent[] = [];
  const splitter = new LineSplitter();
  for await (const chunk of stream) {
    for (const line of splitter.push(chunk as Buffer)) {
      const event = parse(line, started);
      if (event && events.length < MAX_EVENTS) events.push(event);
    }
  }
  return events;
}

/** `since` has whole seconds: an event of the run before (a Stop just before this Start) is left out by its own time. */
function parse(line: string, startedMs: number): EndEvent | undefined {
  try {
    const event = JSON.parse(line) as { Action?: string; status?: string; timeNano?: number; Actor?: { Attributes?: Record<string, string> } };
    if (typeof event.timeNano === 'number' && event.timeNano / 1e6 < startedMs) return undefined;
    const signal = event.Actor?.Attributes?.signal;
    return { action: String(event.Action ?? event.status ?? ''), ...(signal ? { signal: String(signal) } : {}) };
  } catch {
    return undefined; // one unreadable line costs only the certainty, not the page
  }
}
