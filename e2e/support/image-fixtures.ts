import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import tar from 'tar-stream';
import { TEST_LABEL } from './test-engine';

/**
 * Builds a labelled image FROM scratch whose layers hold random bytes, so no
 * other image shares them and a pull really downloads and extracts each one.
 */
export async function buildRandomImage(docker: Docker, tag: string, layerSizes: number[]): Promise<string> {
  const pack = tar.pack();
  const lines = ['FROM scratch'];
  layerSizes.forEach((size, index) => {
    pack.entry({ name: `layer${index}.bin` }, randomBytes(size));
    lines.push(`COPY layer${index}.bin /data/layer${index}.bin`);
  });
  lines.push(`LABEL ${TEST_LABEL}=1`, '');
  pack.entry({ name: 'Dockerfile' }, lines.join('\n'));
  pack.finalize();
  const stream = await docker.buildImage(pack as unknown as NodeJS.ReadableStream, { t: tag, rm: true });
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (error, output) => {
      const failed = (output as { error?: string }[] | undefined)?.find((line) => line.error);
      if (error || failed) reject(error ?? new Error(failed!.error));
      else resolve();
    }),
  );
  return tag;
}

/** `docker push` of a local tag to a registry on 127.0.0.1, waiting for the end. */
export async function pushTo(docker: Docker, reference: string, registry: string): Promise<void> {
  const [repo, tag] = [reference.slice(0, reference.lastIndexOf(':')), reference.slice(reference.lastIndexOf(':') + 1)];
  const stream = await docker.getImage(repo).push({ tag }, undefined, { serveraddress: registry });
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (error, output) => {
      const failed = (output as { error?: string }[] | undefined)?.find((line) => line.error);
      if (error || failed) reject(error ?? new Error(failed!.error));
      else resolve();
    }),
  );
}

/** Removes an image by every name it has, ignoring "no such image". */
export async function removeQuietly(docker: Docker, reference: string): Promise<void> {
  await docker
    .getImage(reference)
    .remove({ force: true })
    .catch(() => undefined);
}
