import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { imageReference } from './run-schema';

export const lessonId = z.enum(['first-container', 'data-survives', 'limits']);
export type LessonId = z.infer<typeof lessonId>;

/** One step of a lesson as it happens: its command, then what the engine showed. */
export const lessonStep = z.object({
  step: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  command: z.string(),
  output: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  error: z.string().optional(),
});
export type LessonStep = z.infer<typeof lessonStep>;

export const lessonsContract = {
  /** Runs a lesson on the real engine, step by step; it always ends by removing what it made. */
  run: oc.input(z.strictObject({ lesson: lessonId, image: imageReference })).output(eventIterator(lessonStep)),
};
