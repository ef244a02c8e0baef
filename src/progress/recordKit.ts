import { z } from 'zod/mini';
import { PROGRESS_LIMITS } from './types';

/**
 * What a feature needs to define its progress record (see `defineRecord`, and
 * docs/architecture.md, "How to add a progress record"): the registry, the schema helpers recovery is
 * derived from, and the merge helpers. Light: no React, no store.
 */
export {
  canonicalJson,
  compareText,
  earliest,
  jsonEqual,
  laterText,
  newer,
  newerWhole,
  newestOr,
} from './merge';
export {
  type AnyRecordDefinition,
  defineRecord,
  type GradedPartKind,
  type GradedPartKinds,
  type GradedPartRole,
  type LessonVisitRole,
  type ProgressActions,
  type ProgressRecordTypes,
  type RecordApi,
  type RecordDefinition,
  type ResettableRecordTypes,
  registerProgressRecords,
} from './records';
export { countSchema, listOf, recordOf, repaired } from './recover';
export { PROGRESS_LIMITS, partKey } from './types';

/** Code: a string no longer than `PROGRESS_LIMITS.codeChars` (an example's edit, an exercise's draft). */
export const codeSchema = z.string().check(z.maxLength(PROGRESS_LIMITS.codeChars));
