import { describe, expect, it } from 'vitest';
import { classifySshStderr, dialStdioArgs, sshDetail } from './ssh-target';
import { sshFailure } from './ssh-transport';

describe('the ssh command Cais runs', () => {
  it('is the docker CLI one, with host keys checked and no prompt; port and user only when the address has them', () => {
    expect(dialStdioArgs({ host: 'build', port: 2222, user: 'ana' })).toEqual([
      '-p', '2222', '-l', 'ana', '-o', 'ConnectTimeout=10', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '--', 'build', 'docker', 'system', 'dial-stdio',
    ]);
    expect(dialStdioArgs({ host: 'alias' })).toEqual(['-o', 'ConnectTimeout=10', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '--', 'alias', 'docker', 'system', 'dial-stdio']);
  });
});

describe("ssh's stderr, by the reason a user can act on", () => {
  it.each([
    ['@@@@\r\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\nHost key verification failed.', 'ssh-host-changed'],
    ['No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\r\nHost key verification failed.', 'ssh-host-unknown'],
    ['root@127.0.0.1: Permission denied (publickey).', 'ssh-auth'],
    ['no such identity: /home/ana/.ssh/id_ed25519: No such file or directory\r\nroot@127.0.0.1: Permission denied (publickey).', 'ssh-key-missing'],
    ['ssh: Could not resolve hostname nowhere.invalid: Name or service not known', 'dns'],
    ['ssh: connect to host 127.0.0.1 port 1: Connection refused', 'refused'],
    ['ssh: connect to host 10.1.1.1 port 22: Connection timed out', 'timeout'],
    ['bash: line 1: docker: command not found', 'ssh-no-docker'],
    ['sh: 1: docker: not found', 'ssh-no-docker'],
    ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 'ssh-engine-down'],
  ])('%s → %s', (stderr, reason) => {
    expect(classifySshStderr(stderr)).toBe(reason);
    expect(sshFailure(stderr, 255, false)?.reason).toBe(reason);
  });

  it('no ssh program: ssh-missing; an unknown failure before any answer: unreachable; a clean end after answering: no error', () => {
    expect(sshFailure('ENOENT', null, false)?.reason).toBe('ssh-missing');
    expect(sshFailure('kex_exchange_identification: read: Connection reset by peer', 255, false)?.reason).toBe('unreachable');
    expect(sshFailure('', 1, true)).toBeUndefined();
  });

  it("keeps ssh's warning itself in the detail, without its @ frame", () => {
    expect(sshDetail('@@@@@\r\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\n@@@@@\r\n')).toBe('WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!');
  });
});
