import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orpc } from '../../api/client';
import { withUsage } from './volume-usage';

/**
 * The volume list and who uses each volume, fetched side by side: the list
 * alone is one cheap engine call, so rows draw at once and the "used by"
 * column fills in when the container list behind the usage has come back.
 */
export function useVolumesWithUsage() {
  const list = useQuery(orpc.volumes.list.queryOptions());
  const usage = useQuery(orpc.volumes.usage.queryOptions());
  const volumes = useMemo(() => withUsage(list.data ?? [], usage.data), [list.data, usage.data]);
  return { list, usage, volumes };
}
