import fs from 'node:fs';
import type Docker from 'dockerode';
import tar from 'tar-stream';
import { TEST_IMAGE, TEST_LABEL } from './test-engine';

/** Applets the tests use; each becomes a symlink to busybox. */
const APPLETS = ['sh', 'sleep', 'echo', 'cat', 'ls', 'httpd', 'mkdir', 'rm', 'true', 'wget', 'env', 'id',
  // The volumes tests: fill a volume, then describe every file of it.
  'tar', 'gzip', 'sha256sum', 'stat', 'find', 'chown', 'chmod', 'ln', 'readlink', 'head', 'dd', 'sort', 'seq', 'xargs', 'cut', 'printf'];

/** Stops at once on SIGTERM: a plain `sleep` as PID 1 ignores it. */
const IDLE_COMMAND = "trap 'exit 0' TERM INT; while :; do sleep 1 & wait $!; done";

function findBusybox(): string {
  for (const candidate of ['/bin/busybox', '/usr/bin/busybox']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('busybox is not installed (apt-get install busybox-static)');
}

/**
 * Builds a tiny image FROM scratch with a static busybox: no registry and
 * no internet needed, and no RUN step, so it builds in a second.
 */
export async function buildTestImage(docker: Docker): Promise<string> {
  const pack = tar.pack();
  const dockerfile = [
    'FROM scratch',
    'COPY rootfs/ /',
    `LABEL ${TEST_LABEL}=1`,
    'EXPOSE 8080',
    `CMD ["sh", "-c", ${JSON.stringify(IDLE_COMMAND)}]`,
    '',
  ].join('\n');
  pack.entry({ name: 'Dockerfile' }, dockerfile);
  pack.entry({ name: 'rootfs/bin/busybox', mode: 0o755 }, fs.readFileSync(findBusybox()));
  for (const applet of APPLETS) {
    pack.entry({ name: `rootfs/bin/${applet}`, type: 'symlink', linkname: 'busybox' });
  }
  pack.entry({ name: 'rootfs/tmp', type: 'directory', mode: 0o1777 });
  pack.finalize();
  const stream = await docker.buildImage(pack as unknown as NodeJS.ReadableStream, { t: TEST_IMAGE, rm: true });
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (error, output) => {
      const failed = (output as { error?: string }[] | undefined)?.find((line) => line.error);
      if (error || failed) reject(error ?? new Error(failed!.error));
      else resolve();
    }),
  );
  return TEST_IMAGE;
}

/** Removes every container, volume and image the tests labelled. */
export async function removeTestObjects(docker: Docker): Promise<void> {
  const filters = JSON.stringify({ label: [TEST_LABEL] });
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  const volumes = (await docker.listVolumes({ filters })).Volumes ?? [];
  await Promise.all(volumes.map((v) => docker.getVolume(v.Name).remove().catch(() => undefined)));
  const images = await docker.listImages({ filters });
  for (const image of images) await docker.getImage(image.Id).remove({ force: true }).catch(() => undefined);
}
