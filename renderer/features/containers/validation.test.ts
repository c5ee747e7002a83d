import { describe, expect, it } from 'vitest';
import { containerNameProblem } from './validation';

describe('containerNameProblem', () => {
  it.each([
    ['', 'empty'],
    ['a', 'short'],
    ['-web', 'characters'],
    ['my web', 'characters'],
    ['web/1', 'characters'],
    ['x'.repeat(129), 'long'],
    ['taken', 'taken'],
  ])('"%s" → %s', (name, problem) => {
    expect(containerNameProblem(name, ['taken'])).toBe(problem);
  });

  it('accepts names the engine accepts', () => {
    for (const name of ['web', 'my_app-1.web', 'A1', '1abc']) expect(containerNameProblem(name, ['taken'])).toBeUndefined();
  });
});
