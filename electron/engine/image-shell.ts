import type Docker from 'dockerode';

/** Labels the short-lived containers that look inside an image, so a crash never leaves one unexplained. */
export const SHELL_PROBE_LABEL = 'cais.shell-probe';

/**
 * Whether an image has /bin/sh, which lessons run their steps with. A
 * created-not-started container's archive HEAD (`docker container cp` looks
 * the same way) answers exactly, for any storage driver, and costs no process.
 */
export async function hasShell(docker: Docker, reference: string): Promise<boolean> {
  const container = await docker.createContainer({ Image: reference, Entrypoint: ['/bin/sh'], Cmd: [], Labels: { [SHELL_PROBE_LABEL]: '1' }, NetworkDisabled: true });
  try {
    await container.infoArchive({ path: '/bin/sh' });
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** The references among `references` whose image has a shell; each image is probed once. */
export async function withShell(docker: Docker, references: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const reference of references) {
    if (await hasShell(docker, reference).catch(() => false)) found.push(reference);
  }
  return found;
}
