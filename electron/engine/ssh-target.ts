import type { OfflineReason } from '../api/schemas';

/**
 * Where an ssh:// engine lives, as written in its address. Port and user are
 * only set when the address names them, so ~/.ssh/config (Host aliases, User,
 * Port, IdentityFile, ProxyJump) decides the rest, as with the docker CLI.
 */
export interface SshTarget {
  host: string;
  port?: number;
  user?: string;
}

/** Seconds ssh waits for the TCP connection (its ConnectTimeout). */
export const SSH_CONNECT_TIMEOUT_S = 10;

/** The options every ssh Cais runs shares: never prompt, never accept a key that is not known. */
export function sshBaseOptions(target: SshTarget): string[] {
  return [
    ...(target.port ? ['-p', String(target.port)] : []),
    ...(target.user ? ['-l', target.user] : []),
    '-o',
    `ConnectTimeout=${SSH_CONNECT_TIMEOUT_S}`,
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
  ];
}

/** `ssh … -- HOST docker system dial-stdio`, as the docker CLI's connection helper runs it. */
export function dialStdioArgs(target: SshTarget): string[] {
  return [...sshBaseOptions(target), '--', target.host, 'docker', 'system', 'dial-stdio'];
}

/** A failure of the ssh transport, named by the reason a user can act on; `detail` is ssh's own words. */
export class SshConnectionError extends Error {
  constructor(
    readonly reason: OfflineReason,
    readonly detail: string,
  ) {
    super(detail || reason);
    this.name = 'SshConnectionError';
  }

  get code(): string {
    return `SSH_${this.reason.toUpperCase().replaceAll('-', '_')}`;
  }
}

const STDERR_RULES: [RegExp, OfflineReason][] = [
  [/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed|host key .* has changed/i, 'ssh-host-changed'],
  [/No \S+ host key is known for|Host key verification failed/i, 'ssh-host-unknown'],
  // ssh goes on after a missing IdentityFile ("no such identity") and is then refused: the missing file is the cause to name.
  [/no such identity: [\s\S]*Permission denied \(/i, 'ssh-key-missing'],
  [/Permission denied \(|Too many authentication failures|no mutual signature|Authentication failed/i, 'ssh-auth'],
  [/Could not resolve hostname|Name or service not known|nodename nor servname/i, 'dns'],
  [/Connection refused/i, 'refused'],
  [/timed out/i, 'timeout'],
  [/Network is unreachable|No route to host/i, 'unreachable'],
  // The remote shell cannot run `docker`: "docker: command not found", "sh: 1: docker: not found".
  [/docker: (command )?not found|docker['"]?: No such file|exec: "?docker"?: executable file not found|is not recognized as an internal or external command/i, 'ssh-no-docker'],
  [/unknown command: docker system|docker: 'system' is not a docker command|unknown shorthand flag|dial-stdio/i, 'ssh-no-docker'],
  [/Cannot connect to the Docker daemon|Is the docker daemon running/i, 'ssh-engine-down'],
  [/permission denied while trying to connect to the Docker daemon/i, 'ssh-engine-permission'],
];

/** Turns what ssh (or the remote docker) wrote on stderr into a reason; undefined: nothing recognised. */
export function classifySshStderr(stderr: string): OfflineReason | undefined {
  for (const [pattern, reason] of STDERR_RULES) if (pattern.test(stderr)) return reason;
  return undefined;
}

/** ssh's last words, cleaned of its warnings banner and carriage returns, for the "details" fold. */
export function sshDetail(stderr: string): string {
  return stderr
    .replaceAll('\r', '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line && !/^@+$/.test(line) && !/^Pseudo-terminal will not be allocated/.test(line))
    .map((line) => line.replace(/^@+\s*|\s*@+$/g, ''))
    .join('\n')
    .slice(0, 4000);
}
