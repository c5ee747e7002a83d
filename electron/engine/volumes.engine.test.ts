import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContainer, testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { TEST_LABEL } from '../../e2e/support/test-engine';
import { FILL_SCRIPT, runInVolume, volumeManifest } from '../../e2e/support/volume-manifest';
import type { ScanEvent, TransferChunk, VolumeEntry, WorkProgress } from '../api/volumes-schemas';
import { CodedError } from './coded-error';
import { downloadPath, readTextFile, scanVolume, uploadFile } from './volume-archive';
import { backupVolume, cloneVolume, restoreVolume } from './volume-backup';
import { HELPER_LABEL } from './volume-helper';
import { createVolume, listVolumes, pruneCandidates, pruneVolumes, removeVolume, volumeUsage } from './volumes';

const docker = testDocker();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-vol-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function newVolume(prefix = 'vol'): Promise<string> {
  const name = uniqueName(prefix);
  await createVolume(docker, { name, driver: 'local', labels: { [TEST_LABEL]: '1' } });
  return name;
}

async function drain<T>(stream: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

async function failure(work: Promise<unknown>): Promise<CodedError> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(CodedError);
  return error as CodedError;
}

async function helpersLeft(): Promise<number> {
  return (await docker.listContainers({ all: true, filters: JSON.stringify({ label: [HELPER_LABEL] }) })).length;
}

describe('volume list, create, remove', () => {
  it('creates a volume, lists it with the containers that use it, and refuses a taken name', async () => {
    const name = await newVolume();
    const container = await createTestContainer(docker, { HostConfig: { Mounts: [{ Type: 'volume', Source: name, Target: '/data' }] } });
    const listed = (await listVolumes(docker)).find((volume) => volume.name === name);
    expect(listed).toMatchObject({ driver: 'local', anonymous: false, labels: { [TEST_LABEL]: '1' } });
    const usedBy = (await volumeUsage(docker)).find((entry) => entry.name === name)?.usedBy;
    expect(usedBy?.map((user) => user.id)).toEqual([container.id]);
    expect(usedBy?.[0].destination).toBe('/data');
    const taken = await failure(createVolume(docker, { name, driver: 'local', labels: {} }));
    expect(taken.code).toBe('VOLUME_EXISTS');
  });

  it("keeps a volume's creation time when a file is added to it (the engine's CreatedAt moves)", async () => {
    const name = await newVolume('age');
    const created = (await listVolumes(docker)).find((volume) => volume.name === name)!.createdAt;
    // The engine's times have whole seconds: the upload must land in a later second to move it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await uploadFile(docker, name, '', 'later.txt', Readable.from([Buffer.from('later')]), 5);
    const engineSays = ((await docker.getVolume(name).inspect()) as { CreatedAt?: string }).CreatedAt!;
    expect(Date.parse(engineSays)).toBeGreaterThan(Date.parse(created));
    expect((await listVolumes(docker)).find((volume) => volume.name === name)!.createdAt).toBe(created);
  });

  it('refuses to remove a volume in use, naming the container, and leaves its files alone', async () => {
    const name = await newVolume();
    await runInVolume(docker, name, 'echo keep > /data/keep.txt');
    const container = await createTestContainer(docker, { HostConfig: { Mounts: [{ Type: 'volume', Source: name, Target: '/data' }] } });
    const containerName = (await container.inspect()).Name.slice(1);
    const refused = await failure(removeVolume(docker, name));
    expect(refused.code).toBe('VOLUME_IN_USE');
    expect(refused.data).toEqual({ containers: [containerName] });
    expect(refused.message).toContain(containerName);
    expect(await runInVolume(docker, name, 'cat /data/keep.txt')).toBe('keep\n');
    await container.remove();
    await removeVolume(docker, name);
    await expect(docker.getVolume(name).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('prunes exactly the unused volumes it was given', async () => {
    const unused = await newVolume('unused');
    const used = await newVolume('used');
    await createTestContainer(docker, { HostConfig: { Mounts: [{ Type: 'volume', Source: used, Target: '/data' }] } });
    const candidates = await pruneCandidates(docker);
    expect(candidates).toContain(unused);
    expect(candidates).not.toContain(used);
    const result = await pruneVolumes(docker, [unused, used]);
    expect(result.removed).toEqual([unused]);
    expect(result.kept.map((kept) => kept.name)).toEqual([used]);
    expect(await docker.getVolume(used).inspect()).toBeTruthy();
  });
});

describe('browsing through a never-started helper', () => {
  it('walks the tree with sizes, modes, owners and links, reads text, downloads and uploads', async () => {
    const name = await newVolume();
    await runInVolume(docker, name, FILL_SCRIPT);
    const events = await drain(scanVolume(docker, name, { entries: true }));
    const entries = events.flatMap((event: ScanEvent) => (event.type === 'entries' ? event.entries : []));
    const byPath = new Map<string, VolumeEntry>(entries.map((entry) => [entry.path, entry]));
    expect(byPath.get('docs/hello.txt')).toMatchObject({ type: 'file', size: 16, mode: 0o644, uid: 1000, gid: 1000 });
    expect(byPath.get('docs/deep/er/secret.txt')).toMatchObject({ mode: 0o600, uid: 33 });
    expect(byPath.get('bin/run.sh')?.mode).toBe(0o4755);
    expect(byPath.get('link-to-hello')).toMatchObject({ type: 'symlink', linkTarget: 'docs/hello.txt' });
    expect(byPath.get('empty-dir')).toMatchObject({ type: 'directory', mode: 0o1777 });
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', truncated: false });
    expect((done as { bytes: number }).bytes).toBeGreaterThan(300 * 1024);

    expect(await readTextFile(docker, name, 'docs/utf8.txt')).toMatchObject({ text: 'línea ação 🚢\n', truncated: false });
    expect((await failure(readTextFile(docker, name, 'bin/random.bin'))).code).toBe('BINARY_FILE');

    const chunks = await drain(downloadPath(docker, name, 'bin/random.bin'));
    expect(chunks[0]).toEqual({ type: 'start', fileName: 'random.bin', mime: 'application/octet-stream' });
    const bytes = Buffer.concat(chunks.flatMap((chunk: TransferChunk) => (chunk.type === 'chunk' ? [Buffer.from(chunk.data, 'base64')] : [])));
    expect(bytes.length).toBe(300 * 1024);
    const inVolume = await runInVolume(docker, name, 'sha256sum /data/bin/random.bin | cut -c1-64');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(inVolume.trim());

    const content = Buffer.from('uploaded through the archive API\n');
    await uploadFile(docker, name, 'docs/deep', 'new.txt', Readable.from([content]), content.length);
    expect(await runInVolume(docker, name, 'cat /data/docs/deep/new.txt')).toBe(content.toString());
    expect(await helpersLeft()).toBe(0);
  });

  it('stops a scan at once when it is cancelled and removes its helper', async () => {
    const name = await newVolume();
    await runInVolume(docker, name, 'for i in $(seq 1 3000); do echo $i > /data/f$i; done');
    const scan = scanVolume(docker, name, { entries: true });
    await scan.next();
    await scan.return(undefined);
    expect(await helpersLeft()).toBe(0);
  });
});

describe('backup, restore and clone', () => {
  it('round-trips bytes, modes, owners and symlinks through a .tar.gz, then clones likewise', async () => {
    const name = await newVolume();
    await runInVolume(docker, name, FILL_SCRIPT);
    const original = await volumeManifest(docker, name);
    const destination = path.join(tmp, `${name}.tar.gz`);
    const progress = await drain(backupVolume(docker, { name, destination, overwrite: false }));
    expect(progress.at(-1)).toMatchObject({ type: 'done', path: destination });
    expect(fs.readdirSync(tmp).filter((file) => file.includes('partial'))).toEqual([]);
    expect(fs.readFileSync(destination).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const restored = uniqueName('restored');
    const restoring = await drain(restoreVolume(docker, { name: restored, file: destination, allowNonEmpty: false }));
    expect(restoring.at(-1)).toMatchObject({ type: 'done', volume: restored });
    await docker.getVolume(restored).inspect();
    expect(await volumeManifest(docker, restored)).toBe(original);
    expect(original).toContain('link-to-hello 777 0:0 symbolic link -> docs/hello.txt');

    const cloned = uniqueName('cloned');
    const cloning = await drain(cloneVolume(docker, { source: name, target: cloned }));
    expect(cloning.at(-1)).toMatchObject({ type: 'done', volume: cloned });
    expect(await volumeManifest(docker, cloned)).toBe(original);
    for (const volume of [restored, cloned]) await docker.getVolume(volume).remove();
    expect(await helpersLeft()).toBe(0);
  });

  it('leaves no file behind when a backup is cancelled', async () => {
    const name = await newVolume();
    await runInVolume(docker, name, 'dd if=/dev/urandom of=/data/big bs=1M count=64 2>/dev/null');
    const folder = fs.mkdtempSync(path.join(tmp, 'cancel-'));
    const destination = path.join(folder, 'backup.tar.gz');
    const backup = backupVolume(docker, { name, destination, overwrite: false });
    const first = (await backup.next()).value as WorkProgress;
    expect(first.type).toBe('progress');
    expect(fs.readdirSync(folder)).toHaveLength(1); // the temporary file, while it runs
    await backup.return(undefined);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(await helpersLeft()).toBe(0);
  });

  it('refuses an unwritable destination and a file that exists', async () => {
    const name = await newVolume();
    const missing = await failure(drain(backupVolume(docker, { name, destination: '/nonexistent-dir/x.tar.gz', overwrite: false })));
    expect(missing.code).toBe('DESTINATION_MISSING');
    expect(fs.existsSync('/nonexistent-dir')).toBe(false);
    const existing = path.join(tmp, 'exists.tar.gz');
    fs.writeFileSync(existing, 'keep me');
    const exists = await failure(drain(backupVolume(docker, { name, destination: existing, overwrite: false })));
    expect(exists.code).toBe('DESTINATION_EXISTS');
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
  });

  it('makes the default folder, owner-only, when asked to', async () => {
    const name = await newVolume();
    const folder = path.join(fs.mkdtempSync(path.join(tmp, 'home-')), 'Cais backups');
    const destination = path.join(folder, 'first.tar.gz');
    await drain(backupVolume(docker, { name, destination, overwrite: false, createFolder: true }));
    expect(fs.readdirSync(folder)).toEqual(['first.tar.gz']);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    // An existing folder is used as it is.
    await drain(backupVolume(docker, { name, destination: path.join(folder, 'second.tar.gz'), overwrite: false, createFolder: true }));
    expect(fs.readdirSync(folder).sort()).toEqual(['first.tar.gz', 'second.tar.gz']);
  });

  it('refuses a file that is not a backup and creates no volume', async () => {
    const notBackup = path.join(tmp, 'photo.jpg');
    fs.writeFileSync(notBackup, Buffer.from('this is not a tar archive at all, just some text'.repeat(30)));
    const target = uniqueName('never');
    const refused = await failure(drain(restoreVolume(docker, { name: target, file: notBackup, allowNonEmpty: false })));
    expect(refused.code).toBe('NOT_A_BACKUP');
    await expect(docker.getVolume(target).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('asks before restoring into a volume that holds files', async () => {
    const source = await newVolume();
    await runInVolume(docker, source, 'echo new > /data/new.txt');
    const backup = path.join(tmp, `${source}.tar.gz`);
    await drain(backupVolume(docker, { name: source, destination: backup, overwrite: false }));
    const target = await newVolume();
    await runInVolume(docker, target, 'echo old > /data/old.txt');
    const refused = await failure(drain(restoreVolume(docker, { name: target, file: backup, allowNonEmpty: false })));
    expect(refused.code).toBe('VOLUME_NOT_EMPTY');
    expect(await runInVolume(docker, target, 'ls -1 /data')).toBe('old.txt\n');
    await drain(restoreVolume(docker, { name: target, file: backup, allowNonEmpty: true }));
    expect(await runInVolume(docker, target, 'ls -1 /data')).toBe('new.txt\nold.txt\n');
  });

  it('restores a backup made with `tar czf` inside a container', async () => {
    const source = await newVolume();
    await runInVolume(docker, source, `${FILL_SCRIPT}\nmkdir -p /tmp/out`);
    const original = await volumeManifest(docker, source);
    const carrier = await newVolume('carrier');
    const container = await docker.createContainer({
      Image: 'cais-test/busybox:latest',
      Cmd: ['sh', '-c', 'tar czf /out/backup.tar.gz -C /data .'],
      Labels: { [TEST_LABEL]: '1' },
      HostConfig: { Mounts: [{ Type: 'volume', Source: source, Target: '/data' }, { Type: 'volume', Source: carrier, Target: '/out' }] },
    });
    await container.start();
    await container.wait();
    const archive = (await container.getArchive({ path: '/out/backup.tar.gz' })) as unknown as Readable;
    const tar = (await import('tar-stream')).default.extract();
    archive.pipe(tar as unknown as NodeJS.WritableStream);
    const file = path.join(tmp, 'from-cli.tar.gz');
    for await (const entry of tar) {
      const parts: Buffer[] = [];
      for await (const chunk of entry as AsyncIterable<Buffer>) parts.push(chunk);
      fs.writeFileSync(file, Buffer.concat(parts));
    }
    await container.remove();
    const target = uniqueName('from-cli');
    await drain(restoreVolume(docker, { name: target, file, allowNonEmpty: false }));
    expect(await volumeManifest(docker, target)).toBe(original);
    await docker.getVolume(target).remove();
  });
});
