import type { VolumeSummary, VolumeUsage, VolumeUser } from '../../../electron/api/volumes-schemas';

/** A listed volume with its users once the usage has arrived; `usedBy` is undefined until then. */
export type VolumeWithUsage = VolumeSummary & { usedBy?: VolumeUser[] };

/** Merges the usage (volumes in use only) into the list: every other volume is then unused. */
export function withUsage(volumes: VolumeSummary[], usage: VolumeUsage | undefined): VolumeWithUsage[] {
  if (!usage) return volumes;
  const byName = new Map(usage.map((entry) => [entry.name, entry.usedBy]));
  return volumes.map((volume) => ({ ...volume, usedBy: byName.get(volume.name) ?? [] }));
}
