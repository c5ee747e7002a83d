import { runLesson } from '../engine/lessons';
import { os } from './base';
import { toRpcError } from './errors';

export const lessonsRouter = {
  run: os.lessons.run.handler(async function* ({ context, input, signal }) {
    try {
      yield* runLesson(context.engine.client(), input.lesson, input.image, signal);
    } catch (error) {
      throw toRpcError(error);
    }
  }),
};
