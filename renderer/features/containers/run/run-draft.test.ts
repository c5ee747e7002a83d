import { describe, expect, it } from 'vitest';
import { formatDecimalInput, parseDecimal } from '../../../i18n/format';
import { draftToSpec, EMPTY_DRAFT, parseMemoryField, visibleProblems } from './run-draft';

const context = { takenNames: [], usedHostPorts: new Set<string>() };

describe('numbers typed in the run form', () => {
  it('reads a decimal comma as well as a point', () => {
    expect(parseDecimal('0,5')).toBe(0.5);
    expect(parseDecimal(' 0.5 ')).toBe(0.5);
    expect(parseDecimal(',25')).toBe(0.25);
    expect(parseDecimal('2')).toBe(2);
    expect(parseDecimal('1.000,5')).toBeUndefined();
    expect(parseDecimal('abc')).toBeUndefined();
  });

  it('sends the engine the number typed with a comma', () => {
    const { spec, problems } = draftToSpec({ ...EMPTY_DRAFT, image: 'busybox', cpus: '0,5', memory: '1,5g' }, context);
    expect(problems).toEqual({});
    expect(spec?.cpus).toBe(0.5);
    expect(spec?.memory).toBe(1.5 * 1024 ** 3);
    expect(parseMemoryField('64,5')).toBe(Math.round(64.5 * 1024 * 1024));
    expect(draftToSpec({ ...EMPTY_DRAFT, image: 'busybox', cpus: '0;5' }, context).problems.cpus).toBe('run.problem.cpus');
  });

  it('fills a field in the language’s separator', () => {
    expect(formatDecimalInput(0.5, 'pt-BR')).toBe('0,5');
    expect(formatDecimalInput(1.25, 'en')).toBe('1.25');
    expect(formatDecimalInput(2000, 'pt-BR')).toBe('2000');
  });
});

describe('which problems the run form shows', () => {
  it('says a required field is empty only after the person left it; a wrong value at once', () => {
    const { problems } = draftToSpec({ ...EMPTY_DRAFT, cpus: 'x', env: [{ key: '', value: '' }] }, context);
    expect(visibleProblems(problems, new Set())).toEqual({ cpus: 'run.problem.cpus' });
    expect(visibleProblems(problems, new Set(['image', 'env.0.key']))).toEqual(problems);
  });
});
