import { describe, expect, it } from 'vitest';
import { createTestContainer, testDocker } from '../../e2e/support/engine-fixtures';
import { TerminalSessions } from './container-exec';
import { streamLogs } from './container-logs';
import { streamStats } from './container-stats';

const CHATTY = ['sh', '-c', "trap 'exit 0' TERM; while :; do echo tick; sleep 0.05 & wait $!; done"];

/** Runs a stream until it has produced `items`, then aborts it; resolves when the stream has ended. */
/** If aborting did not close the engine stream, the loop would wait forever and the test time out. */
async function abortAfter<T>(open: (signal: AbortSignal) => AsyncGenerator<T>, items: number): Promise<{ seen: number }> {
  const controller = new AbortController();
  let seen = 0;
  for await (const item of open(controller.signal)) {
    void item;
    seen += 1;
    if (seen === items) {
      controller.abort();
    }
  }
  return { seen };
}

describe('engine streams end when their panel closes', () => {
  const docker = testDocker();

  it('a followed log of a container that never stops writing ends on abort', async () => {
    const container = await createTestContainer(docker, { Cmd: CHATTY });
    await container.start();
    const result = await abortAfter((signal) => streamLogs(docker, container.id, { tail: 10, timestamps: false, follow: true }, signal), 3);
    expect(result.seen).toBe(3);
  });

  it('live stats end on abort', async () => {
    const container = await createTestContainer(docker);
    await container.start();
    const result = await abortAfter((signal) => streamStats(docker, container.id, signal), 2);
    expect(result.seen).toBe(2);
  });

  it('a terminal session ends on abort and its session id stops working', async () => {
    const container = await createTestContainer(docker);
    await container.start();
    const sessions = new TerminalSessions();
    const controller = new AbortController();
    let session = '';
    for await (const event of sessions.open(docker, container.id, 'sh', { cols: 80, rows: 24 }, controller.signal)) {
      if (event.kind === 'ready') {
        session = event.session;
        sessions.write(session, 'echo hi\n');
      }
      if (event.kind === 'output' && event.data.includes('hi')) controller.abort();
    }
    expect(session).not.toBe('');
    expect(() => sessions.write(session, 'x')).toThrow(/ended/);
  });

  it('closing a terminal ends its shell in the container, even with a command running in it', async () => {
    const container = await createTestContainer(docker);
    await container.start();
    const sessions = new TerminalSessions();
    let seen = '';
    for await (const event of sessions.open(docker, container.id, 'sh', { cols: 80, rows: 24 })) {
      if (event.kind === 'ready') sessions.write(event.session, 'sleep 300\n');
      if (event.kind === 'output') seen += event.data;
      if (seen.includes('sleep 300')) break; // the panel closes while sleep runs
    }
    // Docker keeps an exec running after its connection closes; the hang-up must end it.
    const running = async () => {
      const execs = (await container.inspect()).ExecIDs ?? [];
      const states = await Promise.all(execs.map((exec) => docker.getExec(exec).inspect()));
      return states.filter((exec) => exec.Running).length;
    };
    await expect.poll(running, { timeout: 15_000 }).toBe(0);
  });
});
