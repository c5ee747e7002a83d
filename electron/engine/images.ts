import { HELPER_LABEL } from './volume-helper';
import type Docker from 'dockerode';
import type { ImageSummary, ImageUsage, PrunePreview, PruneResult } from '../api/images-schemas';

/** The engine's placeholder for "no name". */
const NONE = '<none>:<none>';

export function isDangling(repoTags: string[] | undefined): boolean {
  return !repoTags || repoTags.length === 0 || repoTags.every((tag) => tag === NONE);
}

async function containersByImage(docker: Docker): Promise<Map<string, string[]>> {
  const containers = await docker.listContainers({ all: true });
  const byImage = new Map<string, string[]>();
  for (const container of containers) {
    const names = byImage.get(container.ImageID) ?? [];
    names.push((container.Names[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''));
    byImage.set(container.ImageID, names);
  }
  return byImage;
}

/** The images some container uses, each with those containers' names; unused images are absent. */
export async function imageUsage(docker: Docker): Promise<ImageUsage> {
  return [...(await containersByImage(docker))].map(([id, containers]) => ({ id, containers }));
}

/**
 * Every image (not the builder's intermediate ones), only from GET /images/json
 * so the list draws at once; which containers use each is `imageUsage`.
 */
export async function listImages(docker: Docker): Promise<ImageSummary[]> {
  const images = await docker.listImages({ all: false });
  return images.map((image) => ({
    id: image.Id,
    repoTags: (image.RepoTags ?? []).filter((tag) => tag !== NONE),
    repoDigests: (image.RepoDigests ?? []).filter((digest) => !digest.startsWith('<none>')),
    size: image.Size,
    created: image.Created,
    dangling: isDangling(image.RepoTags),
    caisOwn: Boolean(image.Labels?.[HELPER_LABEL]),
  }));
}

export async function tagImage(docker: Docker, source: string, repository: string, tag: string): Promise<void> {
  await docker.getImage(source).tag({ repo: repository, tag });
}

export class ImageInUseError extends Error {
  constructor(readonly containers: string[]) {
    super(`The image is used by: ${containers.join(', ')}`);
    this.name = 'ImageInUseError';
  }
}

/**
 * Removes a name (repo:tag) or, for an untagged image, the image itself.
 * Refused while a container uses the image, unless `force`: then the name
 * goes and the layers stay until those containers are removed (the engine
 * still refuses to remove the image of a running container).
 */
export async function removeImage(docker: Docker, reference: string, force: boolean): Promise<string[]> {
  const image = await docker.getImage(reference).inspect();
  const users = (await containersByImage(docker)).get(image.Id) ?? [];
  const lastName = (image.RepoTags ?? []).filter((tag) => tag !== NONE).length <= 1;
  if (users.length > 0 && !force && lastName) throw new ImageInUseError(users);
  const removed = (await docker.getImage(reference).remove({ force })) as { Untagged?: string; Deleted?: string }[];
  return removed.map((item) => item.Untagged ?? item.Deleted ?? '').filter(Boolean);
}

/** What `docker image prune` (dangling) or `docker image prune -a` (all unused) would remove. */
export async function previewPrune(docker: Docker, all: boolean): Promise<PrunePreview> {
  const [images, users] = await Promise.all([listImages(docker), containersByImage(docker)]);
  const going = images.filter((image) => !users.has(image.id) && (all || image.dangling));
  return {
    images: going.map((image) => ({ id: image.id, repoTags: image.repoTags, size: image.size })),
    size: going.reduce((sum, image) => sum + image.size, 0),
  };
}

export async function pruneImages(docker: Docker, all: boolean): Promise<PruneResult> {
  const result = await docker.pruneImages({ filters: JSON.stringify({ dangling: [all ? 'false' : 'true'] }) });
  const deleted = (result.ImagesDeleted ?? []) as { Untagged?: string; Deleted?: string }[];
  return {
    deleted: deleted.map((item) => item.Deleted ?? item.Untagged ?? '').filter(Boolean),
    spaceReclaimed: result.SpaceReclaimed ?? 0,
  };
}
