import { type ZodMiniType, z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { type RecoveryProblem, recordOf, recover, repaired, type Schema } from './recover';
import { PROGRESS_LIMITS } from './types';

/**
 * Every kind of record the progress keeps, by the name its map is stored
 * under. Each feature adds its own kind here by declaration merging, next to
 * its `defineRecord`:
 *
 * @example
 * declare module '../progress/records' {
 *   interface ProgressRecordTypes { quizzes: SavedQuiz }
 *   interface ResettableRecordTypes { quizzes: true }
 *   interface GradedPartKinds { quiz: 'quizzes' }
 *   interface ProgressActions extends QuizActions {}
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one kind per feature.
export interface ProgressRecordTypes {}

/** The kinds whose records are reset one by one, each reset leaving a tombstone in `removed`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one kind per feature.
export interface ResettableRecordTypes {}

/**
 * The kinds of graded part a lesson lists (its checklist: `LessonPart['kind']`), each
 * with the kind of record that holds its records, by part key. A feature whose records
 * are graded parts adds its own; its record then says how to read a pass (`gradedPart`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one kind per feature.
export interface GradedPartKinds {}

/** The actions of every kind (each its own slice of the store). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one kind per feature.
export interface ProgressActions {}

export type RecordKind = keyof ProgressRecordTypes;
export type ResettableKind = keyof ResettableRecordTypes & RecordKind;
export type GradedPartKind = keyof GradedPartKinds;
/** The graded part kinds whose records are of kind `K` (never for a kind that holds none). */
type PartKindsOf<K extends RecordKind> = {
  [P in GradedPartKind]: GradedPartKinds[P] extends K ? P : never;
}[GradedPartKind];

/** Every record carries the time it last changed (see "Merging" in types.ts). */
export interface Stamped {
  updatedAt: string;
}

export type RecordMaps = { [K in RecordKind]: Record<string, ProgressRecordTypes[K]> };
export type RemovedRecords = { [K in ResettableKind]: Record<string, string> };

/**
 * Everything that is persisted: plain JSON, the `state` of the stored envelope.
 * One map per registered kind, by key, and the tombstones of the resettable kinds.
 *
 * Merging: every record carries `updatedAt`, stamped by the store's clock
 * (never earlier than any time this tab has seen), so two tabs agree which
 * copy is newer; a reset leaves a tombstone in `removed`.
 */
export interface ProgressData extends RecordMaps {
  removed: RemovedRecords;
}

/** What a kind's actions get of the store: its own map, changed through the store's clock and its merges. */
export interface RecordApi<T> {
  /**
   * Sets the record under `key` to what `change` makes of the current one (undefined when
   * there is none); `change` returning undefined changes nothing. `stamp()` gives a time
   * newer than any this tab has seen, for `updatedAt`.
   */
  update: (key: string, now: Date, change: (current: T | undefined, stamp: () => string) => T | undefined) => void;
  /** Forgets the record in every tab: a tombstone makes the reset hold when tabs merge. */
  forget: (key: string, now: Date) => void;
}

/** How completion reads a record that is a graded part (see completion.ts). */
export interface GradedPartRole<P extends GradedPartKind, T> {
  /** The part kind a lesson's part list names these records with (declared in `GradedPartKinds`). */
  kind: P;
  /** When the part was first passed; undefined while it is not. */
  passedAt(record: T): string | undefined;
}

/** How completion reads the record a lesson keeps of itself, by lesson id: its presence is a visit. */
export interface LessonVisitRole<T> {
  /** When the lesson was recorded complete; undefined while it is not. */
  completedAt(record: T): string | undefined;
}

/**
 * One kind of record, as a feature defines it (see `defineRecord`). A kind declared in
 * `GradedPartKinds` must say how to read a pass (`gradedPart`); no other kind may.
 */
export type RecordDefinition<K extends RecordKind, Actions extends object> = RecordDefinitionBase<K, Actions> &
  ([PartKindsOf<K>] extends [never]
    ? { gradedPart?: undefined }
    : { gradedPart: GradedPartRole<PartKindsOf<K>, ProgressRecordTypes[K]> });

interface RecordDefinitionBase<K extends RecordKind, Actions extends object> {
  /** The name of its map in the stored data, e.g. "quizzes". Never change it without a migration. */
  kind: K;
  /**
   * The strict shape of one record: an imported file must match it, and stored data is
   * recovered by it (see recover.ts: `repaired`, `listOf`, `recordOf` say how).
   */
  schema: $ZodType<ProgressRecordTypes[K]>;
  /**
   * Two copies of one record, from two tabs, made one. Must be commutative, associative
   * and idempotent. By default the newer copy wins whole (see `newestOr` in merge.ts to
   * merge copies changed in the same millisecond part by part).
   */
  merge?(own: ProgressRecordTypes[K], their: ProgressRecordTypes[K]): ProgressRecordTypes[K];
  /** Whether records are reset one by one (each reset then leaves a tombstone in `removed`). */
  resettable: K extends ResettableKind ? true : false;
  limits?: {
    /** The most records of this kind kept (and tombstones): `PROGRESS_LIMITS.recordsPerKind` by default. */
    records?: number;
  };
  /** The kind's actions, a slice of the store's state. */
  actions?(records: RecordApi<ProgressRecordTypes[K]>): Actions;
  /**
   * Set on the one kind that holds each lesson's own record, by lesson id: a lesson with a
   * record was visited, and `completedAt` says whether it was recorded complete.
   */
  lessonVisit?: LessonVisitRole<ProgressRecordTypes[K]>;
}

/**
 * A record definition of any kind, as the registry holds it. (`never`: any kind's
 * functions fit; the store calls them with that kind's own records.)
 */
export interface AnyRecordDefinition {
  kind: RecordKind;
  schema: Schema;
  merge?(own: never, their: never): Stamped;
  resettable: boolean;
  limits?: { records?: number };
  actions?(records: never): object;
  gradedPart?: { kind: GradedPartKind; passedAt(record: never): string | undefined };
  lessonVisit?: { completedAt(record: never): string | undefined };
}

/**
 * Defines a kind of progress record; the app registers every kind in one
 * list (src/app/progressRecords.ts).
 *
 * @example
 * export const quizRecord = defineRecord({ kind: 'quizzes', schema: quizSchema, merge: newestOr(mergeQuiz), resettable: true });
 */
export function defineRecord<K extends RecordKind, Actions extends object = Record<never, never>>(
  definition: RecordDefinition<K, Actions>,
): RecordDefinition<K, Actions> {
  return definition;
}

export type GradedRecordDefinition = AnyRecordDefinition & Required<Pick<AnyRecordDefinition, 'gradedPart'>>;
export type LessonVisitRecordDefinition = AnyRecordDefinition & Required<Pick<AnyRecordDefinition, 'lessonVisit'>>;

/** The registered kinds and what is derived from them. */
export interface ProgressModel {
  records: readonly AnyRecordDefinition[];
  resettable: readonly RecordKind[];
  /** The kind of record holding each kind of graded part. */
  gradedParts: ReadonlyMap<GradedPartKind, GradedRecordDefinition>;
  /** The kind of record holding the lessons' own records (visits), if one is registered. */
  lessonVisits: LessonVisitRecordDefinition | undefined;
  /** The strict shape of `ProgressData`. */
  schema: ZodMiniType<ProgressData>;
}

let registered: readonly AnyRecordDefinition[] | undefined;
let model: ProgressModel | undefined;

/**
 * Registers the kinds of progress record, once, before the progress is read
 * (src/app/progressRecords.ts does, on import). Their order is the order of
 * the maps in the stored data.
 * @throws {Error} when another list was registered, a kind is given twice, two kinds hold
 *   one kind of graded part, or two kinds hold the lessons' visits.
 */
export function registerProgressRecords(records: readonly AnyRecordDefinition[]): void {
  if (registered === records) return;
  if (registered !== undefined) throw new Error('The progress records are already registered (with another list)');
  const kinds = records.map((record) => record.kind);
  const twice = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (twice !== undefined) throw new Error(`The progress record "${twice}" is registered twice`);
  const partKinds = records.flatMap((record) => (record.gradedPart ? [record.gradedPart.kind] : []));
  const sharedPart = partKinds.find((kind, index) => partKinds.indexOf(kind) !== index);
  if (sharedPart !== undefined) throw new Error(`Two progress records hold the graded part "${sharedPart}"`);
  if (records.filter((record) => record.lessonVisit).length > 1) {
    throw new Error('Two progress records hold the lesson visits');
  }
  registered = records;
}

/** The registered kinds, and the schema of the whole data built from them. */
export function progressModel(): ProgressModel {
  if (registered === undefined) {
    throw new Error('No progress records are registered: import src/app/progressRecords.ts first');
  }
  model ??= buildModel(registered);
  return model;
}

function buildModel(records: readonly AnyRecordDefinition[]): ProgressModel {
  const limit = (record: AnyRecordDefinition) => record.limits?.records ?? PROGRESS_LIMITS.recordsPerKind;
  const resettable = records.filter((record) => record.resettable);
  const removed = repaired(
    z.object(Object.fromEntries(resettable.map((record) => [record.kind, recordOf(z.string(), limit(record))]))),
    { rebuild: true },
  );
  const schema = repaired(
    z.object({
      ...Object.fromEntries(records.map((record) => [record.kind, recordOf(record.schema, limit(record))])),
      removed,
    }),
    { rebuild: true },
  ) as unknown as ZodMiniType<ProgressData>;
  const gradedParts = new Map(
    records.flatMap((record) =>
      record.gradedPart ? [[record.gradedPart.kind, record as GradedRecordDefinition]] : [],
    ),
  );
  const lessonVisits = records.find(
    (record): record is LessonVisitRecordDefinition => record.lessonVisit !== undefined,
  );
  return { records, resettable: resettable.map((record) => record.kind), gradedParts, lessonVisits, schema };
}

export const emptyRemoved = (): RemovedRecords =>
  Object.fromEntries(progressModel().resettable.map((kind) => [kind, {}])) as RemovedRecords;

export const emptyProgress = (): ProgressData =>
  ({
    ...Object.fromEntries(progressModel().records.map((record) => [record.kind, {}])),
    removed: emptyRemoved(),
  }) as ProgressData;

/** Only the persisted part of a state that may carry actions and notices too. */
export function pickProgressData(state: ProgressData): ProgressData {
  return {
    ...Object.fromEntries(progressModel().records.map(({ kind }) => [kind, state[kind]])),
    removed: state.removed,
  } as ProgressData;
}

/** The maps of every kind in `data`, with their definitions. */
export function recordMaps(data: ProgressData): Array<[AnyRecordDefinition, Record<string, Stamped>]> {
  return progressModel().records.map((record) => [record, data[record.kind]]);
}

/**
 * Keeps what is valid of stored data by the registered schemas, saying what
 * it left out or replaced: no problems exactly when the strict schema accepts
 * the value. What it returns always passes the strict schema.
 */
export function recoverProgress(stored: unknown): { data: ProgressData; problems: RecoveryProblem[] } {
  const { data, problems } = recover<ProgressData>(progressModel().schema, stored);
  // The whole data is rebuilt from `{}` when it is not an object, so there always is some.
  return { data: data ?? emptyProgress(), problems };
}
