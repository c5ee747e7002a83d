/**
 * The classic builder's JSON stream (`stream`, `error`, `aux` lines) turned
 * into build events: a new step, its output, the image id, or the failure
 * with the Dockerfile line of the step that failed.
 */
export interface DockerfileInstruction {
  /** 1-based line where the instruction starts. */
  line: number;
  /** The instruction with continuation lines joined. */
  text: string;
}

export type BuildEvent =
  | { type: 'step'; index: number; total: number; instruction: string; line?: number }
  | { type: 'output'; text: string }
  | { type: 'image'; id: string }
  | { type: 'failed'; message: string; step?: number; instruction?: string; line?: number };

export interface BuildLine {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The instructions of a Dockerfile and the line each starts on. */
export function dockerfileInstructions(source: string): DockerfileInstruction[] {
  const lines = source.split(/\r?\n/);
  let escape = '\\';
  let inDirectives = true;
  const instructions: DockerfileInstruction[] = [];
  let current: DockerfileInstruction | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (inDirectives) {
      const directive = /^#\s*escape\s*=\s*(\S)\s*$/i.exec(trimmed);
      if (directive) {
        escape = directive[1];
        continue;
      }
      if (!/^#\s*\w+\s*=/.test(trimmed)) inDirectives = false;
    }
    if (!current && (trimmed === '' || trimmed.startsWith('#'))) continue;
    if (current && trimmed.startsWith('#')) continue;
    const continues = trimmed.endsWith(escape);
    const part = continues ? trimmed.slice(0, -1) : trimmed;
    if (current) current.text += ` ${part}`;
    else current = { line: i + 1, text: part };
    if (!continues) {
      instructions.push({ line: current.line, text: current.text.trim() });
      current = undefined;
    }
  }
  if (current) instructions.push({ line: current.line, text: current.text.trim() });
  return instructions;
}

const STEP = /^Step (\d+)\/(\d+) : (.*)$/;
const PARSE_ERROR_LINE = /(?:parse error|error parsing).*?line (\d+)/i;

export class BuildOutputParser {
  private step: { index: number; instruction: string; line?: number } | undefined;
  private searchFrom = 0;
  private pending = '';

  constructor(private readonly instructions: DockerfileInstruction[] = []) {}

  /** Finds the Dockerfile line of a step: by its text, else by its position. */
  private lineOf(index: number, instruction: string): number | undefined {
    const wanted = normalize(instruction);
    for (let i = this.searchFrom; i < this.instructions.length; i += 1) {
      if (normalize(this.instructions[i].text) === wanted) {
        this.searchFrom = i + 1;
        return this.instructions[i].line;
      }
    }
    return this.instructions[index - 1]?.line;
  }

  push(line: BuildLine): BuildEvent[] {
    const events: BuildEvent[] = [];
    if (line.error || line.errorDetail?.message) {
      const message = (line.errorDetail?.message ?? line.error ?? '').trim();
      const parseLine = PARSE_ERROR_LINE.exec(message);
      events.push({
        type: 'failed',
        message,
        step: this.step?.index,
        instruction: this.step?.instruction,
        line: parseLine ? Number(parseLine[1]) : this.step?.line,
      });
      return events;
    }
    if (line.aux?.ID) events.push({ type: 'image', id: line.aux.ID });
    const text = line.stream ?? line.status;
    if (text === undefined) return events;
    this.pending += text;
    const parts = this.pending.split('\n');
    this.pending = parts.pop() ?? '';
    for (const part of parts) {
      const step = STEP.exec(part.trim());
      if (step) {
        const index = Number(step[1]);
        const lineNo = this.lineOf(index, step[3]);
        this.step = { index, instruction: step[3], line: lineNo };
        events.push({ type: 'step', index, total: Number(step[2]), instruction: step[3], line: lineNo });
      } else {
        events.push({ type: 'output', text: part });
      }
    }
    return events;
  }

  /** Whatever is left without a final newline. */
  flush(): BuildEvent[] {
    const rest = this.pending;
    this.pending = '';
    return rest ? [{ type: 'output', text: rest }] : [];
  }
}
