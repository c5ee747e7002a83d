import { describe, expect, it } from 'vitest';
import type { LessonId, LessonStep } from '../api/lessons-contract';
import { testDocker } from '../../e2e/support/engine-fixtures';
import { TEST_IMAGE } from '../../e2e/support/test-engine';
import { LESSON_LABEL, runLesson } from './lessons';

const docker = testDocker();

async function finished(lesson: LessonId): Promise<LessonStep[]> {
  const steps: LessonStep[] = [];
  for await (const step of runLesson(docker, lesson, TEST_IMAGE)) if (step.status !== 'running') steps.push(step);
  return steps;
}

async function leftovers(): Promise<number> {
  const filters = { label: [LESSON_LABEL] };
  const containers = await docker.listContainers({ all: true, filters });
  const volumes = (await docker.listVolumes({ filters })).Volumes ?? [];
  return containers.length + volumes.length;
}

describe('lessons on a real engine', () => {
  it('your first container: prints its greeting, exits 0, leaves nothing behind', async () => {
    const steps = await finished('first-container');
    expect(steps.map((s) => [s.step, s.status])).toEqual([
      ['run', 'done'],
      ['inspect', 'done'],
      ['cleanup', 'done'],
    ]);
    expect(steps[0].output).toBe('Hello from a container');
    expect(steps[0].values).toEqual({ exitCode: 0 });
    // docker ps -a shows the stopped container, as the command would (Podman's command has no quotes).
    expect(steps[1].output).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES\n/);
    expect(steps[1].output).toMatch(/\n[0-9a-f]{12} +\S+ +"echo '?Hello from a[^"]*…" +.+ ago +Exited \(0\) .+ ago +cais-lesson-hello-[0-9a-f]{6}$/);
    expect(steps[1].values).toEqual({ state: 'exited', exitCode: 0 });
    expect(await leftovers()).toBe(0);
  });

  it('data that survives: the volume file outlives its container, the layer file does not', async () => {
    const steps = await finished('data-survives');
    const read = steps.find((s) => s.step === 'read');
    expect(read?.values).toEqual({ inVolume: 'kept', inLayer: 'missing' });
    expect(steps.at(-1)).toMatchObject({ step: 'cleanup', status: 'done' });
    expect(await leftovers()).toBe(0);
  });

  it('limits: the kernel kills the process over its memory limit; on-failure restarts twice', async () => {
    const steps = await finished('limits');
    // Docker reports OOMKilled (the plain sentence); Podman does not (the sentence that says so).
    const memory = steps.find((s) => s.step === 'memory')?.values;
    expect(memory?.exitCode).toBe(137);
    const podman = (await docker.version()).Components?.some((component) => /podman/i.test(component.Name));
    expect(memory?.context).toBe(podman ? 'unreported' : undefined);
    expect(steps.find((s) => s.step === 'restart')?.values).toMatchObject({ restartCount: 2, exitCode: 3 });
    expect(await leftovers()).toBe(0);
  }, 60_000);

  it('a cancelled lesson still removes what it made', async () => {
    const controller = new AbortController();
    for await (const step of runLesson(docker, 'data-survives', TEST_IMAGE, controller.signal)) {
      if (step.step === 'write' && step.status === 'done') controller.abort();
    }
    expect(await leftovers()).toBe(0);
  });
});
