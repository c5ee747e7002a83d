import { useEffect, useState } from 'react';
import type { ActivityEntry } from '../../../electron/api/activity-contract';
import { client } from '../../api/client';
import { followForever } from '../../api/follow-forever';
import { mergeEntry } from './activity-script';

/** The run's activity, live: the stream replays what exists, then each change. */
export function useActivity(): ActivityEntry[] {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  useEffect(
    () =>
      followForever(
        (signal) => client.activity.stream(undefined, { signal }),
        (entry) => setEntries((current) => mergeEntry(current, entry)),
        // Each (re)opened stream replays what exists: start from nothing.
        { retryMs: 1000, onOpen: () => setEntries([]) },
      ),
    [],
  );
  return entries;
}
