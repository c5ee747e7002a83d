import Docker from 'dockerode';
import { dockerFor, TEST_IMAGE, TEST_LABEL } from './test-engine';

/** The engine the suite runner chose, from DOCKER_HOST. */
export function testDocker(): Docker {
  const host = process.env.DOCKER_HOST;
  if (!host) throw new Error('DOCKER_HOST is not set: run the suite with `npm test`.');
  return dockerFor(host);
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** A labelled container from the test image, created but not started. */
export async function createTestContainer(docker: Docker, options: Partial<Docker.ContainerCreateOptions> = {}) {
  return docker.createContainer({
    Image: TEST_IMAGE,
    name: uniqueName('cais-test'),
    Labels: { [TEST_LABEL]: '1' },
    ...options,
  });
}
