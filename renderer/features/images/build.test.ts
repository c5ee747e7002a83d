import { describe, expect, it } from 'vitest';
import { initialBuild, reduceBuild } from './build';

describe('reduceBuild', () => {
  it('groups output under its step and keeps the failure', () => {
    let value = initialBuild;
    for (const event of [
      { type: 'context', files: 3, bytes: 10, ignored: 1 },
      { type: 'output', text: 'before' },
      { type: 'step', index: 1, total: 2, instruction: 'FROM x', line: 1 },
      { type: 'output', text: ' ---> abc' },
      { type: 'step', index: 2, total: 2, instruction: 'RUN false', line: 2 },
      { type: 'failed', message: 'non-zero code: 1', step: 2, line: 2 },
    ] as const) {
      value = reduceBuild(value, event);
    }
    expect(value.context).toEqual({ type: 'context', files: 3, bytes: 10, ignored: 1 });
    expect(value.preamble).toEqual(['before']);
    expect(value.steps.map((step) => [step.index, step.output])).toEqual([
      [1, [' ---> abc']],
      [2, []],
    ]);
    expect(value.failed).toMatchObject({ step: 2, line: 2 });
    expect(initialBuild.steps).toEqual([]);
  });
});
