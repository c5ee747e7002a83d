import { afterAll, describe, expect, it } from 'vitest';
import { createTestContainer, testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { TEST_LABEL } from '../../e2e/support/test-engine';
import { pruneExactly, prunePreview } from './system';

const docker = testDocker();
const made: string[] = [];

afterAll(async () => {
  for (const id of made) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
  await docker.getVolume(volumeName).remove().catch(() => undefined);
});
const volumeName = uniqueName('cais-test-keep');

describe('prune exactly what was listed', () => {
  it('removes the listed stopped container, keeps one started meanwhile and one never listed', async () => {
    const listed = await createTestContainer(docker);
    const startedMeanwhile = await createTestContainer(docker, { Cmd: ['sleep', '60'] });
    const notListed = await createTestContainer(docker);
    made.push(listed.id, startedMeanwhile.id, notListed.id);

    const preview = (await prunePreview(docker, 'containers')).map((item) => item.id);
    expect(preview).toEqual(expect.arrayContaining([listed.id, startedMeanwhile.id, notListed.id]));

    await startedMeanwhile.start();
    const outcome = await pruneExactly(docker, 'containers', [listed.id, startedMeanwhile.id]);
    expect(outcome.removed).toEqual([listed.id]);
    expect(outcome.kept.map((kept) => kept.id)).toEqual([startedMeanwhile.id]);
    await expect(listed.inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect((await startedMeanwhile.inspect()).State.Running).toBe(true);
    expect((await notListed.inspect()).Id).toBe(notListed.id);
  });

  it('lists an unused named volume as named, and removes it only when its name is sent', async () => {
    await docker.createVolume({ Name: volumeName, Labels: { [TEST_LABEL]: '1' } });
    const item = (await prunePreview(docker, 'volumes')).find((candidate) => candidate.id === volumeName);
    expect(item).toMatchObject({ named: true });
    await pruneExactly(docker, 'volumes', []);
    expect((await docker.getVolume(volumeName).inspect()).Name).toBe(volumeName);
    const outcome = await pruneExactly(docker, 'volumes', [volumeName]);
    expect(outcome.removed).toEqual([volumeName]);
  });
});
