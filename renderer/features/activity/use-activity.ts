import { useEffect, useState } from 'react';
import type { ActivityEntry } from '../../../electron/api/activity-contract';
import { client } from '../../api/client';
import { mergeEntry } from './activity-script';

/** The run's activity, live: the stream replays what exists, then each change. */
export function useActivity(): ActivityEntry[] {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const follow = async () => {
      try {
        const stream = await client.activity.stream(undefined, { signal: controller.signal });
        setEntries([]);
        for await (const entry of stream) setEntries((current) => mergeEntry(current, entry));
      } catch {
        // The host went away; subscribe again below.
      }
      if (!controller.signal.aborted) retry = setTimeout(() => void follow(), 1000);
    };
    void follow();
    return () => {
      controller.abort();
      clearTimeout(retry);
    };
  }, []);
  return entries;
}
