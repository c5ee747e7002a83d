import { describe, expect, it } from 'vitest';
import { testDocker } from '../../e2e/support/engine-fixtures';
import { TEST_IMAGE } from '../../e2e/support/test-engine';
import { hasShell, SHELL_PROBE_LABEL, withShell } from './image-shell';
import { listImages } from './images';
import { ensureHelperImage, HELPER_IMAGE } from './volume-helper';

const docker = testDocker();

describe("Cais's own helper image and images with a shell", () => {
  it('marks the helper image as Cais\'s own, and only it', async () => {
    await ensureHelperImage(docker);
    const images = await listImages(docker);
    expect(images.find((image) => image.repoTags.includes(HELPER_IMAGE))?.caisOwn).toBe(true);
    expect(images.find((image) => image.repoTags.includes(TEST_IMAGE))?.caisOwn).toBe(false);
  });

  it('tells an image with /bin/sh from one without, leaving no container behind', async () => {
    await ensureHelperImage(docker);
    expect(await hasShell(docker, TEST_IMAGE)).toBe(true);
    expect(await hasShell(docker, HELPER_IMAGE)).toBe(false);
    expect(await withShell(docker, [HELPER_IMAGE, TEST_IMAGE, 'cais-test/not-here:1'])).toEqual([TEST_IMAGE]);
    const probes = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [SHELL_PROBE_LABEL] }) });
    expect(probes).toEqual([]);
  });
});
