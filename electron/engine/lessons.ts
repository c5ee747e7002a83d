import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import type { LessonId, LessonStep } from '../api/lessons-contract';
import { definedValues, engineText } from './engine-answer';
import { errorText } from './errors';

/** Everything a lesson makes carries this label, so it can always be found and removed. */
export const LESSON_LABEL = 'cais.lesson';

type Values = NonNullable<LessonStep['values']>;
type Emit = (step: LessonStep) => void;

/** What a lesson made, removed at the end whatever happened. */
class Workbench {
  readonly containers: { id: string; name: string }[] = [];
  readonly volumes: string[] = [];
  readonly suffix = randomBytes(3).toString('hex');

  constructor(
    readonly docker: Docker,
    readonly image: string,
    readonly lesson: LessonId,
    private readonly signal?: AbortSignal,
  ) {}

  name(base: string): string {
    return `cais-lesson-${base}-${this.suffix}`;
  }

  /** Creates (TTY, so its logs are plain text), starts, waits, and returns its output and end state. */
  async runToEnd(name: string, cmd: string[], hostConfig: Docker.HostConfig = {}, timeoutMs = 30_000) {
    if (this.signal?.aborted) throw new Error('lesson cancelled');
    const container = await this.docker.createContainer({
      name,
      Image: this.image,
      Cmd: cmd,
      Tty: true,
      Labels: { [LESSON_LABEL]: this.lesson },
      HostConfig: hostConfig,
    });
    this.containers.push({ id: container.id, name });
    await container.start();
    await Promise.race([container.wait(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    // A container that printed nothing: the engine's body is empty (a Buffer, '' or nothing at all).
    const logs: unknown = await container.logs({ stdout: true, stderr: true, follow: false });
    const info = await container.inspect();
    return { container, info, output: engineText(logs).replace(/\r\n/g, '\n').trim() };
  }

  async createVolume(name: string): Promise<void> {
    await this.docker.createVolume({ Name: name, Labels: { [LESSON_LABEL]: this.lesson } });
    this.volumes.push(name);
  }

  async removeContainer(name: string): Promise<void> {
    const index = this.containers.findIndex((container) => container.name === name);
    if (index === -1) return;
    await this.docker.getContainer(this.containers[index].id).remove();
    this.containers.splice(index, 1);
  }

  /** The commands the clean-up runs, for the learner to see. */
  cleanUpCommand(): string {
    const parts = [];
    if (this.containers.length) parts.push(`docker rm -f ${this.containers.map((c) => c.name).join(' ')}`);
    if (this.volumes.length) parts.push(`docker volume rm ${this.volumes.join(' ')}`);
    return parts.join(' && ');
  }

  async cleanUp(): Promise<string[]> {
    const removed: string[] = [];
    for (const { id, name } of this.containers.splice(0)) {
      await this.docker.getContainer(id).remove({ force: true }).catch(() => undefined);
      removed.push(name);
    }
    for (const name of this.volumes.splice(0)) {
      await this.docker.getVolume(name).remove().catch(() => undefined);
      removed.push(name);
    }
    return removed;
  }
}

type EngineValues = Record<string, Values[string] | null | undefined>;

/** "0b6573f1aae6   busybox   \"echo hi\"   …", the columns and truncation of `docker ps`. */
export function psTable(
  rows: { Id: string; Image: string; Command: string; Created: number; Status: string; Names: string[] }[],
  nowMs = Date.now(),
): string {
  const ago = (created: number) => {
    const seconds = Math.max(0, Math.round(nowMs / 1000 - created));
    if (seconds < 1) return 'Less than a second ago';
    if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'} ago`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return minutes === 1 ? 'About a minute ago' : `${minutes} minutes ago`;
    const hours = Math.round(minutes / 60);
    return hours === 1 ? 'About an hour ago' : `${hours} hours ago`;
  };
  const command = (text: string) => `"${text.length > 20 ? `${text.slice(0, 19)}…` : text}"`;
  const table = [
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
    ...rows.map((row) => [row.Id.slice(0, 12), row.Image, command(row.Command), ago(row.Created), row.Status, '', row.Names.map((n) => n.replace(/^\//, '')).join(',')]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  return table.map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('   ')).join('\n');
}

async function step(emit: Emit, id: string, command: string, work: () => Promise<{ output?: string; values?: EngineValues } | void>): Promise<void> {
  emit({ step: id, status: 'running', command });
  try {
    const result = (await work()) ?? {};
    // A field the engine left out (OOMKilled on some engines, …) is dropped rather than failing the step's schema.
    emit({ step: id, status: 'done', command, output: result.output, ...(result.values && { values: definedValues(result.values) }) });
  } catch (error) {
    emit({ step: id, status: 'failed', command, error: errorText(error) });
    throw error;
  }
}

const LESSONS: Record<LessonId, (bench: Workbench, emit: Emit) => Promise<void>> = {
  'first-container': async (bench, emit) => {
    const name = bench.name('hello');
    let exitCode = -1;
    await step(emit, 'run', `docker run --name ${name} ${bench.image} echo 'Hello from a container'`, async () => {
      const run = await bench.runToEnd(name, ['echo', 'Hello from a container']);
      exitCode = run.info.State.ExitCode;
      return { output: run.output, values: { exitCode } };
    });
    await step(emit, 'inspect', `docker ps -a --filter name=${name}`, async () => {
      // What the command really prints: the engine's own list, laid out as docker ps does.
      const rows = await bench.docker.listContainers({ all: true, filters: { name: [name] } });
      const mine = rows.find((row) => row.Names.some((n) => n.replace(/^\//, '') === name));
      return { output: psTable(rows), values: { state: mine?.State ?? 'exited', exitCode } };
    });
  },
  'data-survives': async (bench, emit) => {
    const volume = bench.name('data');
    const writer = bench.name('writer');
    const reader = bench.name('reader');
    await step(emit, 'volume', `docker volume create ${volume}`, async () => bench.createVolume(volume));
    const write = "echo kept > /data/note.txt; echo lost > /note.txt; ls /data /note.txt";
    await step(emit, 'write', `docker run --name ${writer} -v ${volume}:/data ${bench.image} sh -c '${write}'`, async () => {
      const run = await bench.runToEnd(writer, ['sh', '-c', write], { Binds: [`${volume}:/data`] });
      return { output: run.output };
    });
    await step(emit, 'remove', `docker rm ${writer}`, () => bench.removeContainer(writer));
    const read = 'cat /data/note.txt; cat /note.txt 2>/dev/null || echo missing';
    await step(emit, 'read', `docker run --name ${reader} -v ${volume}:/data ${bench.image} sh -c '${read}'`, async () => {
      const result = await bench.runToEnd(reader, ['sh', '-c', read], { Binds: [`${volume}:/data`] });
      const [inVolume, inLayer] = result.output.split('\n').map((line) => line.trim());
      return { output: result.output, values: { inVolume: inVolume ?? '', inLayer: inLayer ?? '' } };
    });
  },
  limits: async (bench, emit) => {
    const hog = bench.name('hog');
    const flaky = bench.name('flaky');
    // A shell string that doubles forever: memory grows until the kernel steps in.
    const grow = 'x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done';
    await step(emit, 'memory', `docker run --name ${hog} --memory 16m --memory-swap 16m ${bench.image} sh -c '${grow}'`, async () => {
      const run = await bench.runToEnd(hog, ['sh', '-c', grow], { Memory: 16 * 1024 * 1024, MemorySwap: 16 * 1024 * 1024 });
      const { OOMKilled, ExitCode } = run.info.State;
      // Podman leaves OOMKilled false. Here nothing but the kernel kills the container (no stop, no
      // kill, a memory limit set), so exit code 137 (SIGKILL) says it; `context` picks that sentence.
      return { values: { exitCode: ExitCode, ...(!OOMKilled && ExitCode === 137 && { context: 'unreported' }) } };
    });
    await step(emit, 'restart', `docker run -d --name ${flaky} --restart on-failure:2 ${bench.image} sh -c 'exit 3'`, async () => {
      const { container } = await bench.runToEnd(flaky, ['sh', '-c', 'exit 3'], { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } }, 0);
      // Wait for the engine to give up: two restarts, then it stays stopped.
      const deadline = Date.now() + 20_000;
      let info = await container.inspect();
      while ((info.RestartCount < 2 || info.State.Running || info.State.Restarting) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        info = await container.inspect();
      }
      return { values: { restartCount: info.RestartCount, exitCode: info.State.ExitCode } };
    });
  },
};

/** Runs a lesson, streaming its steps; whatever happens (even a cancel), it ends by removing what it made. */
export async function* runLesson(docker: Docker, lesson: LessonId, image: string, signal?: AbortSignal): AsyncGenerator<LessonStep> {
  const bench = new Workbench(docker, image, lesson, signal);
  const queue: LessonStep[] = [];
  let wake: (() => void) | undefined;
  const emit: Emit = (next) => {
    queue.push(next);
    wake?.();
  };
  let finished = false;
  let failure: unknown;
  const work = LESSONS[lesson](bench, emit)
    .catch((error: unknown) => {
      failure = error;
    })
    .finally(() => {
      finished = true;
      wake?.();
    });
  try {
    while (!finished || queue.length) {
      if (signal?.aborted) break;
      if (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
      while (queue.length) yield queue.shift()!;
    }
    await work;
    const command = bench.cleanUpCommand();
    const removed = await bench.cleanUp();
    yield { step: 'cleanup', status: failure === undefined ? 'done' : 'failed', command, values: { count: removed.length } };
  } finally {
    // Cancelled or failed: let the current step finish, then remove what it made.
    await work;
    await bench.cleanUp();
  }
}
