import { spawn } from 'node:child_process';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { CommandConn, SocketShaped } from './command-conn';
import { classifySshStderr, dialStdioArgs, sshDetail, SshConnectionError, type SshTarget } from './ssh-target';

export type SshEnv = Record<string, string | undefined>;

/** The ssh program: OpenSSH's client, found on PATH (Windows 10+ and macOS ship it). */
export const SSH_PROGRAM = 'ssh';

/** Why an ssh connection ended badly, from what ssh wrote; undefined for a clean end. */
export function sshFailure(stderr: string, exitCode: number | null, sawOutput: boolean): SshConnectionError | undefined {
  if (exitCode === null && /^(ENOENT|EACCES)$/.test(stderr)) {
    return new SshConnectionError('ssh-missing', `No ssh client could be started (${stderr}): OpenSSH's ssh is not on PATH.`);
  }
  const reason = classifySshStderr(stderr);
  if (reason) return new SshConnectionError(reason, sshDetail(stderr));
  // Ended after answering (the remote closed it): the HTTP client sees the end; not ssh's failure.
  if (sawOutput) return undefined;
  if (exitCode === 255) return new SshConnectionError('unreachable', sshDetail(stderr) || 'ssh could not connect (exit code 255).');
  if (exitCode === 127) return new SshConnectionError('ssh-no-docker', sshDetail(stderr) || 'docker: command not found');
  return new SshConnectionError('unreachable', sshDetail(stderr) || `ssh ended with exit code ${exitCode}.`);
}

/** One ssh process running `docker system dial-stdio`, as a socket for Node's HTTP client. */
export function dialSsh(target: SshTarget, env: SshEnv): Duplex {
  try {
    const child = spawn(SSH_PROGRAM, dialStdioArgs(target), {
      env: env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    return new CommandConn(child, sshFailure);
  } catch (error) {
    // spawn can throw at once (a bad environment): the request gets it as an error, never the process.
    const failed = new SocketShaped();
    process.nextTick(() => failed.destroy(sshFailure(String((error as NodeJS.ErrnoException).code ?? ''), null, false) ?? (error as Error)));
    return failed;
  }
}

/**
 * An HTTP agent whose every connection is its own ssh process (as the docker
 * CLI's connection helper does); idle connections are kept for reuse, so a
 * burst of calls does not log in once per call.
 */
export function sshAgent(target: SshTarget, env: SshEnv): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 4, timeout: 60_000 });
  (agent as unknown as { createConnection: () => Duplex }).createConnection = () => dialSsh(target, env);
  return agent;
}
