import { describe, expect, it } from 'vitest';
import { BuildOutputParser, dockerfileInstructions } from './build-output';

const DOCKERFILE = [
  '# syntax comment',
  'FROM scratch',
  '',
  '# a comment',
  'COPY a.txt /a.txt',
  'RUN echo one && \\',
  '    # inside',
  '    echo two',
  'RUN false',
  '',
].join('\n');

describe('dockerfileInstructions', () => {
  it('finds each instruction and the line it starts on', () => {
    expect(dockerfileInstructions(DOCKERFILE)).toEqual([
      { line: 2, text: 'FROM scratch' },
      { line: 5, text: 'COPY a.txt /a.txt' },
      { line: 6, text: 'RUN echo one &&  echo two' },
      { line: 9, text: 'RUN false' },
    ]);
  });

  it('honours the escape directive', () => {
    expect(dockerfileInstructions('# escape=`\nFROM x\nRUN a `\n b\n')).toEqual([
      { line: 2, text: 'FROM x' },
      { line: 3, text: 'RUN a  b' },
    ]);
  });
});

describe('BuildOutputParser', () => {
  it('turns the stream into steps and output, and points at the failing line', () => {
    const parser = new BuildOutputParser(dockerfileInstructions(DOCKERFILE));
    const events = [
      ...parser.push({ stream: 'Step 1/4 : FROM scratch\n' }),
      ...parser.push({ stream: ' ---> \n' }),
      ...parser.push({ stream: 'Step 2/4 : COPY a.txt /a.txt\n ---> 1a2b\n' }),
      ...parser.push({ stream: 'Step 3/4 : RUN echo one &&     echo two\n' }),
      ...parser.push({ stream: 'one\ntw' }),
      ...parser.push({ stream: 'o\n' }),
      ...parser.push({ stream: 'Step 4/4 : RUN false\n' }),
      ...parser.push({ error: 'x', errorDetail: { message: "The command '/bin/sh -c false' returned a non-zero code: 1" } }),
    ];
    expect(events).toEqual([
      { type: 'step', index: 1, total: 4, instruction: 'FROM scratch', line: 2 },
      { type: 'output', text: ' ---> ' },
      { type: 'step', index: 2, total: 4, instruction: 'COPY a.txt /a.txt', line: 5 },
      { type: 'output', text: ' ---> 1a2b' },
      { type: 'step', index: 3, total: 4, instruction: 'RUN echo one &&     echo two', line: 6 },
      { type: 'output', text: 'one' },
      { type: 'output', text: 'two' },
      { type: 'step', index: 4, total: 4, instruction: 'RUN false', line: 9 },
      {
        type: 'failed',
        message: "The command '/bin/sh -c false' returned a non-zero code: 1",
        step: 4,
        instruction: 'RUN false',
        line: 9,
      },
    ]);
  });

  it('reports the image id and a parse error line', () => {
    const parser = new BuildOutputParser([]);
    expect(parser.push({ aux: { ID: 'sha256:abc' } })).toEqual([{ type: 'image', id: 'sha256:abc' }]);
    expect(parser.push({ error: 'dockerfile parse error line 3: unknown instruction: FOO' })).toEqual([
      { type: 'failed', message: 'dockerfile parse error line 3: unknown instruction: FOO', step: undefined, instruction: undefined, line: 3 },
    ]);
  });

  it('falls back to the step position when the text differs, and flushes a last partial line', () => {
    const parser = new BuildOutputParser([{ line: 1, text: 'FROM x' }, { line: 4, text: 'RUN y' }]);
    expect(parser.push({ stream: 'Step 2/2 : RUN   something else\npartial' })).toEqual([
      { type: 'step', index: 2, total: 2, instruction: 'RUN   something else', line: 4 },
    ]);
    expect(parser.flush()).toEqual([{ type: 'output', text: 'partial' }]);
  });
});
