import type { BuildStreamEvent } from '../../../electron/api/images-schemas';

export interface BuildStep {
  index: number;
  total: number;
  instruction: string;
  line?: number;
  output: string[];
}

export interface BuildValue {
  context?: { files: number; bytes: number; ignored: number };
  steps: BuildStep[];
  /** Output before the first step. */
  preamble: string[];
  failed?: Extract<BuildStreamEvent, { type: 'failed' }>;
  done?: Extract<BuildStreamEvent, { type: 'done' }>;
}

export const initialBuild: BuildValue = { steps: [], preamble: [] };

export function reduceBuild(value: BuildValue, event: BuildStreamEvent): BuildValue {
  switch (event.type) {
    case 'context':
      return { ...value, context: event };
    case 'step':
      return { ...value, steps: [...value.steps, { ...event, output: [] }] };
    case 'output': {
      const last = value.steps.at(-1);
      if (!last) return { ...value, preamble: [...value.preamble, event.text] };
      return { ...value, steps: [...value.steps.slice(0, -1), { ...last, output: [...last.output, event.text] }] };
    }
    case 'failed':
      return { ...value, failed: event };
    case 'done':
      return { ...value, done: event };
    default:
      return value;
  }
}
