import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import tar from 'tar-stream';

/**
 * A tiny local image, imported from an empty tar on demand: the engine needs
 * some image to create a container, and a container that is created but never
 * started is enough for the archive API to read and write its volumes. No
 * pull, no internet.
 */
export const HELPER_IMAGE = 'cais/volume-helper:1';
export const HELPER_LABEL = 'cais.volume-helper';
/** Where the helper mounts the volume. */
export const HELPER_MOUNT = '/data';

let importing: Promise<void> | undefined;

async function emptyTar(): Promise<Buffer> {
  const pack = tar.pack();
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function ensureHelperImage(docker: Docker): Promise<void> {
  try {
    await docker.getImage(HELPER_IMAGE).inspect();
    return;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
  importing ??= (async () => {
    const stream: NodeJS.ReadableStream = await docker.importImage(Readable.from([await emptyTar()]), {
      // The tag inside repo: Podman ignores a separate tag and names the image :latest.
      repo: HELPER_IMAGE,
      changes: [`LABEL ${HELPER_LABEL}=1`],
    });
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (error, output) => {
        const failed = (output as { error?: string }[] | undefined)?.find((line) => line.error);
        if (error || failed) reject(error ?? new Error(failed!.error));
        else resolve();
      }),
    );
  })().finally(() => {
    importing = undefined;
  });
  await importing;
}

/** Creates (never starts) a helper with each volume mounted; `mounts` maps volume → path. */
export async function createHelper(docker: Docker, mounts: { volume: string; target: string; readOnly?: boolean }[]): Promise<Docker.Container> {
  await ensureHelperImage(docker);
  return docker.createContainer({
    Image: HELPER_IMAGE,
    name: `cais-volume-helper-${randomBytes(6).toString('hex')}`,
    Cmd: ['cais-volume-helper-never-started'],
    Labels: { [HELPER_LABEL]: mounts.map((mount) => mount.volume).join(',') },
    NetworkDisabled: true,
    HostConfig: {
      Mounts: mounts.map((mount) => ({ Type: 'volume', Source: mount.volume, Target: mount.target, ReadOnly: mount.readOnly ?? false })),
    },
  });
}

/** Runs `work` with a helper that mounts `volume` at /data, and removes the helper after. */
export async function withHelper<T>(
  docker: Docker,
  volume: string,
  work: (helper: Docker.Container) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const helper = await createHelper(docker, [{ volume, target: HELPER_MOUNT, readOnly: options.readOnly }]);
  try {
    return await work(helper);
  } finally {
    await helper.remove({ force: true }).catch(() => undefined);
  }
}

/** Removes helpers left behind (a crash mid-work) that still mount `volume`. */
export async function removeStaleHelpers(docker: Docker, volume: string): Promise<void> {
  const helpers = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [HELPER_LABEL] }) });
  for (const helper of helpers) {
    if ((helper.Labels[HELPER_LABEL] ?? '').split(',').includes(volume)) {
      await docker.getContainer(helper.Id).remove({ force: true }).catch(() => undefined);
    }
  }
}
