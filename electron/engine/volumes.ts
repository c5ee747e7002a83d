import type Docker from 'dockerode';
import type { VolumeSummary, VolumeUsage, VolumeUser } from '../api/volumes-schemas';
import { CodedError } from './coded-error';
import { HELPER_LABEL, removeStaleHelpers } from './volume-helper';

const ANONYMOUS = /^[0-9a-f]{64}$/;
/** One collator for the whole sort: String#localeCompare builds one per call, which dominated listing 2,000 volumes. */
const byName = new Intl.Collator('en');

/** Which containers (helpers excluded) mount each volume, by volume name. */
export async function volumeUsers(docker: Docker): Promise<Map<string, VolumeUser[]>> {
  const containers = await docker.listContainers({ all: true });
  const users = new Map<string, VolumeUser[]>();
  for (const container of containers) {
    if (container.Labels?.[HELPER_LABEL]) continue;
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== 'volume' || !mount.Name) continue;
      const list = users.get(mount.Name) ?? [];
      list.push({
        id: container.Id,
        name: (container.Names[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
        state: container.State,
        destination: mount.Destination,
        readOnly: !mount.RW,
      });
      users.set(mount.Name, list);
    }
  }
  return users;
}

/** The volumes in use, each with its containers: the window merges this into the list once it arrives. */
export async function volumeUsage(docker: Docker): Promise<VolumeUsage> {
  return [...(await volumeUsers(docker))].map(([name, usedBy]) => ({ name, usedBy }));
}

/**
 * The engine's CreatedAt of a local volume is its data folder's modification time: adding a file
 * at the top (an upload, a restore, any container writing there) moves it to "just now". The
 * earliest time seen for each volume, per engine, is its creation time; a name that leaves the
 * list is forgotten, so a volume removed and made again gets its new time.
 */
const earliestSeen = new WeakMap<Docker, Map<string, string>>();

function creationTimes(docker: Docker, volumes: { Name: string; CreatedAt?: string }[]): Map<string, string> {
  const known = earliestSeen.get(docker) ?? new Map<string, string>();
  const next = new Map<string, string>();
  for (const { Name, CreatedAt = '' } of volumes) {
    const before = known.get(Name);
    next.set(Name, before && (!CreatedAt || Date.parse(before) < Date.parse(CreatedAt)) ? before : CreatedAt);
  }
  earliestSeen.set(docker, next);
  return next;
}

/** Only what GET /volumes says, so the list draws at once; who uses each volume is `volumeUsage`. */
export async function listVolumes(docker: Docker): Promise<VolumeSummary[]> {
  const answer = await docker.listVolumes();
  const createdAt = creationTimes(docker, (answer.Volumes ?? []) as { Name: string; CreatedAt?: string }[]);
  return (answer.Volumes ?? [])
    .map((volume) => {
      const created = createdAt.get(volume.Name) ?? '';
      return {
        name: volume.Name,
        driver: volume.Driver,
        createdAt: created,
        mountpoint: volume.Mountpoint,
        scope: volume.Scope,
        labels: volume.Labels ?? {},
        anonymous: ANONYMOUS.test(volume.Name),
      };
    })
    .sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || byName.compare(a.name, b.name));
}

/** Throws NOT_FOUND (404) when the volume does not exist; never creates it. */
export async function requireVolume(docker: Docker, name: string): Promise<Docker.VolumeInspectInfo> {
  return docker.getVolume(name).inspect();
}

export async function volumeExists(docker: Docker, name: string): Promise<boolean> {
  try {
    await requireVolume(docker, name);
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

/** Creates a volume; a taken name is refused instead of silently reusing it. */
export async function createVolume(
  docker: Docker,
  input: { name: string; driver: string; labels: Record<string, string> },
): Promise<void> {
  if (await volumeExists(docker, input.name)) {
    throw new CodedError('VOLUME_EXISTS', `A volume named ${input.name} already exists.`, { name: input.name });
  }
  await docker.createVolume({ Name: input.name, Driver: input.driver, Labels: input.labels });
}

/** Refused while any container uses the volume, naming them; Cais' own helpers are cleared first. */
export async function removeVolume(docker: Docker, name: string): Promise<void> {
  await requireVolume(docker, name);
  const users = (await volumeUsers(docker)).get(name) ?? [];
  if (users.length > 0) {
    const names = users.map((user) => user.name);
    throw new CodedError('VOLUME_IN_USE', `Volume ${name} is used by: ${names.join(', ')}.`, { containers: names });
  }
  await removeStaleHelpers(docker, name);
  await docker.getVolume(name).remove();
}

/** The volumes no container uses: what a prune would remove. */
export async function pruneCandidates(docker: Docker): Promise<string[]> {
  const [volumes, users] = await Promise.all([listVolumes(docker), volumeUsers(docker)]);
  return volumes.filter((volume) => !users.has(volume.name)).map((volume) => volume.name);
}

/**
 * Removes exactly the volumes the user saw and confirmed, each only if it is
 * still unused; returns what went and what stayed (with the reason).
 */
export async function pruneVolumes(docker: Docker, names: string[]): Promise<{ removed: string[]; kept: { name: string; reason: string }[] }> {
  const removed: string[] = [];
  const kept: { name: string; reason: string }[] = [];
  for (const name of names) {
    try {
      await removeVolume(docker, name);
      removed.push(name);
    } catch (error) {
      kept.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { removed, kept };
}
