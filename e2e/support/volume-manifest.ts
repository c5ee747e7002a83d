import type Docker from 'dockerode';
import { TEST_IMAGE, TEST_LABEL } from './test-engine';

/**
 * Runs a shell script in a throwaway busybox container with `volume` at
 * /data and returns its output: independent of Cais' own code.
 */
export async function runInVolume(docker: Docker, volume: string, script: string): Promise<string> {
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', script],
    Tty: true,
    Labels: { [TEST_LABEL]: '1' },
    HostConfig: { Mounts: [{ Type: 'volume', Source: volume, Target: '/data' }] },
  });
  try {
    await container.start();
    const result = (await container.wait()) as { StatusCode: number };
    const output = (await container.logs({ stdout: true, stderr: true })).toString('utf8').replace(/\r\n/g, '\n');
    if (result.StatusCode !== 0) throw new Error(`script failed (${result.StatusCode}): ${output}`);
    return output;
  } finally {
    await container.remove({ force: true });
  }
}

/** Every path of the volume with its mode, owner, type, sha256 (files) and link target (symlinks). */
export function volumeManifest(docker: Docker, volume: string): Promise<string> {
  return runInVolume(
    docker,
    volume,
    `cd /data && find . | sort | while read f; do
       line="$(stat -c '%n %a %u:%g %F' "$f")"
       if [ -L "$f" ]; then line="$line -> $(readlink "$f")";
       elif [ -f "$f" ]; then line="$line $(sha256sum "$f" | cut -c1-64)"; fi
       echo "$line"
     done`,
  );
}

/** A volume with text, binary, an empty file, odd modes, owners, nested folders and symlinks. */
export const FILL_SCRIPT = `set -e
mkdir -p /data/docs/deep/er /data/bin /data/empty-dir
echo 'hello from cais' > /data/docs/hello.txt
printf 'línea ação 🚢\\n' > /data/docs/utf8.txt
dd if=/dev/urandom of=/data/bin/random.bin bs=1024 count=300 2>/dev/null
: > /data/docs/empty
echo secret > /data/docs/deep/er/secret.txt
chmod 600 /data/docs/deep/er/secret.txt
chmod 755 /data/bin
echo '#!/bin/sh' > /data/bin/run.sh && chmod 4755 /data/bin/run.sh
chown 1000:1000 /data/docs/hello.txt
chown -R 33:33 /data/docs/deep
chmod 1777 /data/empty-dir
ln -s docs/hello.txt /data/link-to-hello
ln -s /nowhere/at/all /data/dangling
echo 'name with spaces' > '/data/docs/a file.txt'
`;
