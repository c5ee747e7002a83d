import type Docker from 'dockerode';

let loading: Promise<typeof Docker> | undefined;

/**
 * dockerode, loaded on first use. With ssh2 behind it, it is the heaviest
 * module the host loads (about 0.2 s): loaded here, the web host and the
 * window start while it loads instead of waiting for it.
 */
export function loadDockerode(): Promise<typeof Docker> {
  loading ??= import('dockerode').then((module) => module.default);
  return loading;
}
