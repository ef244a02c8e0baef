import type { ZodMiniType } from 'zod/mini';
import { type ProgressData, progressModel } from './records';

/**
 * The strict shape of `ProgressData`, built from the registered kinds'
 * schemas: an imported file must match it, and stored data that does not is
 * recovered from (see `sanitizeProgress`, which keeps the valid parts and
 * always produces data this schema accepts).
 */
export function progressDataSchema(): ZodMiniType<ProgressData> {
  return progressModel().schema;
}

export { describeSchemaProblems } from './recover';
