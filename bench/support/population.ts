import type Docker from 'dockerode';
import { createTestContainer, testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { TEST_IMAGE, TEST_LABEL } from '../../e2e/support/test-engine';
import type { Cleanup } from './harness';

const BATCH = 20;

/** Runs `make` for 0..count-1, BATCH at a time (the engine is one process on 2 cores). */
async function inBatches<T>(count: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    made.push(...(await Promise.all(Array.from({ length: size }, (_, i) => make(start + i)))));
  }
  return made;
}

/** `count` labelled containers, created and not started; removed at cleanup. Returns their ids. */
export async function populateContainers(count: number, cleanups: Cleanup[], docker: Docker = testDocker()): Promise<string[]> {
  const ids = await inBatches(count, async () => (await createTestContainer(docker)).id);
  cleanups.push(() => inBatches(ids.length, (i) => docker.getContainer(ids[i]).remove({ force: true }).catch(() => undefined)));
  return ids;
}

/** `count` labelled volumes; removed at cleanup. Returns their names. */
export async function populateVolumes(count: number, cleanups: Cleanup[], docker: Docker = testDocker()): Promise<string[]> {
  const prefix = uniqueName('bench-vol');
  const names = await inBatches(count, async (i) => {
    await docker.createVolume({ Name: `${prefix}-${i}`, Labels: { [TEST_LABEL]: '1' } });
    return `${prefix}-${i}`;
  });
  cleanups.push(() => inBatches(names.length, (i) => docker.getVolume(names[i]).remove().catch(() => undefined)));
  return names;
}

/** `count` extra tags of the test image (tags are cheap: no new layers); removed at cleanup. */
export async function populateImageTags(count: number, cleanups: Cleanup[], docker: Docker = testDocker()): Promise<string[]> {
  const repo = `cais-bench/${uniqueName('tags')}`;
  const image = docker.getImage(TEST_IMAGE);
  const tags = await inBatches(count, async (i) => {
    await image.tag({ repo, tag: `t${i}` });
    return `${repo}:t${i}`;
  });
  cleanups.push(() => inBatches(tags.length, (i) => docker.getImage(tags[i]).remove({ noprune: true }).catch(() => undefined)));
  return tags;
}
