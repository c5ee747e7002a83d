import type Docker from 'dockerode';
import type { ImageLayers } from '../api/images-schemas';

export interface HistoryEntry {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment?: string;
}

/** Instructions that only change the image's settings and add no layer. */
const METADATA_ONLY = /#\(nop\)\s+(ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|ARG|USER|MAINTAINER|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|VOLUME)\b/;

/**
 * Pairs history entries (oldest first) with the image's layers (diff ids,
 * bottom first). Entries of size > 0 always make a layer; when the counts do
 * not agree, entries that are not metadata-only are tried; when neither
 * agrees, no entry is paired (rather than a wrong pairing).
 */
export function pairLayers(history: HistoryEntry[], layers: string[]): (number | undefined)[] {
  const pick = (test: (entry: HistoryEntry) => boolean) =>
    history.map((entry, index) => (test(entry) ? index : -1)).filter((index) => index !== -1);
  for (const candidates of [pick((e) => e.Size > 0), pick((e) => !METADATA_ONLY.test(e.CreatedBy))]) {
    if (candidates.length === layers.length) {
      const pairing: (number | undefined)[] = history.map(() => undefined);
      candidates.forEach((entryIndex, layerIndex) => (pairing[entryIndex] = layerIndex));
      return pairing;
    }
  }
  return history.map(() => undefined);
}

/**
 * For each layer of `target`, the other images that share it. A layer is
 * shared only when the whole stack below it is the same (the engine keys
 * layers by their chain), so a prefix comparison is what counts.
 */
export function sharedLayers(target: string[], others: { name: string; layers: string[] }[]): string[][] {
  return target.map((_, index) =>
    others
      .filter((other) => other.layers.length > index && target.slice(0, index + 1).every((layer, i) => other.layers[i] === layer))
      .map((other) => other.name),
  );
}

/** "/bin/sh -c #(nop)  CMD [...]" reads better as "CMD [...]". */
export function readableInstruction(createdBy: string): string {
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(createdBy);
  if (nop) return nop[1].trim();
  const run = /^\/bin\/sh -c (.*)$/s.exec(createdBy);
  if (run) return `RUN ${run[1].trim()}`;
  return createdBy.trim();
}

/** At most this many inspects in flight: thousands of images must not flood the engine's socket. */
const INSPECT_CONCURRENCY = 8;
/**
 * Layer ids by image id. An image id is the digest of its config, which lists
 * its layers, so an entry never goes stale; ids no longer listed are dropped.
 */
const layerCache = new Map<string, string[]>();

async function layersOf(docker: Docker, id: string): Promise<string[]> {
  const known = layerCache.get(id);
  if (known) return known;
  try {
    const layers = (await docker.getImage(id).inspect()).RootFS?.Layers ?? [];
    layerCache.set(id, layers);
    return layers;
  } catch {
    return []; // removed meanwhile: it shares nothing
  }
}

/** Like Promise.all over `items`, with at most `limit` calls running at once. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await call(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function imageLayers(docker: Docker, reference: string): Promise<ImageLayers> {
  const image = docker.getImage(reference);
  const [inspect, history] = await Promise.all([image.inspect(), image.history() as Promise<HistoryEntry[]>]);
  const layers = inspect.RootFS?.Layers ?? [];
  const oldestFirst = [...history].reverse();
  const pairing = pairLayers(oldestFirst, layers);
  const others = (await docker.listImages({ all: false })).filter((other) => other.Id !== inspect.Id);
  const otherLayers = await mapLimited(others, INSPECT_CONCURRENCY, async (other) => {
    const name = (other.RepoTags ?? []).find((tag) => tag !== '<none>:<none>') ?? other.Id.replace(/^sha256:/, '').slice(0, 12);
    return { name, layers: await layersOf(docker, other.Id) };
  });
  const listed = new Set(others.map((other) => other.Id));
  for (const id of layerCache.keys()) if (!listed.has(id)) layerCache.delete(id);
  const shared = sharedLayers(layers, otherLayers);
  return {
    id: inspect.Id,
    repoTags: inspect.RepoTags ?? [],
    size: inspect.Size,
    os: inspect.Os,
    architecture: inspect.Architecture,
    layerCount: layers.length,
    entries: oldestFirst.map((entry, index) => {
      const layerIndex = pairing[index];
      return {
        instruction: readableInstruction(entry.CreatedBy),
        created: entry.Created,
        size: entry.Size,
        layer: layerIndex === undefined ? null : { index: layerIndex, diffId: layers[layerIndex], sharedWith: shared[layerIndex] },
      };
    }),
  };
}
