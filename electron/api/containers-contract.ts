import { oc } from '@orpc/contract';
import { z } from 'zod';
import { containerRefInput, containerSummary } from './schemas';

export const containersContract = {
  list: oc.input(z.strictObject({ all: z.boolean() })).output(z.array(containerSummary)),
  start: oc.input(containerRefInput).output(z.void()),
  stop: oc.input(containerRefInput).output(z.void()),
};
