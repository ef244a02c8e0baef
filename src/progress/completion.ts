import { type GradedPartKind, type ProgressData, progressModel, type Stamped } from './records';

/*
 * A lesson's completion, read from the registered records: the kind that holds each
 * kind of graded part says how to read a pass (`gradedPart` in its `defineRecord`), and
 * the kind that holds the lessons' own records says how to read a visit and a recorded
 * completion (`lessonVisit`). A new kind of graded part changes nothing here.
 */

export type LessonStatus = 'not-started' | 'in-progress' | 'complete';

/** One graded part of a lesson; `key` is its key in the map of its kind's record. */
export interface GradedPart {
  key: string;
  /** Which kind of graded part, one a registered record holds (see `GradedPartKinds`). */
  kind: GradedPartKind;
  title: string;
  /** A bonus part is offered but not needed to complete the lesson. */
  bonus: boolean;
}

export interface ChecklistItem extends GradedPart {
  done: boolean;
}

export interface LessonCompletion {
  status: LessonStatus;
  /** The parts in the order given, each with whether it is passed. */
  checklist: ChecklistItem[];
  /** Required (non-bonus) parts passed. */
  completedParts: number;
  /** Non-bonus parts. */
  requiredParts: number;
}

/**
 * What the outline and header show for a lesson when only its id is known:
 * the recorded visit and completion.
 */
export function lessonStatus(data: ProgressData, lessonId: string): LessonStatus {
  const visits = progressModel().lessonVisits;
  const lesson = visitOf(data, lessonId);
  if (!visits || !lesson) return 'not-started';
  return visits.lessonVisit.completedAt(lesson as never) ? 'complete' : 'in-progress';
}

/**
 * A lesson's completion from its graded parts. Complete when every non-bonus
 * part is passed (its record has a pass, as its kind's `gradedPart` reads it); in progress
 * when the lesson was visited (pass `lessonId` to count visits) or any part
 * has a record. A lesson without required parts falls back to its recorded
 * visit and completion (`lessonStatus`). While the parts list (same array)
 * and the records it reads are unchanged, the same object is returned, so it
 * can be called in a store selector.
 *
 * @example
 * lessonProgressOf(data, [{ key: 'jwt-auth/verify-token', kind: 'exercise', title: 'Verify a token', bonus: false }], 'jwt-auth');
 * // { status: 'in-progress', checklist: [{ ..., done: false }], completedParts: 0, requiredParts: 1 }
 */
export function lessonProgressOf(
  data: ProgressData,
  parts: readonly GradedPart[],
  lessonId?: string,
): LessonCompletion {
  // Used inside store selectors (`useProgress((state) => lessonProgressOf(state, parts))`):
  // the same inputs must give the same object, or React re-renders without end.
  if (parts.length === 0 && lessonId === undefined) return NOTHING_GRADED;
  const cached = lastResults.get(parts);
  const partMaps = gradedMaps(data);
  const lesson = lessonId === undefined ? undefined : visitOf(data, lessonId);
  if (
    cached &&
    cached.lessonId === lessonId &&
    cached.lesson === lesson &&
    cached.partMaps.length === partMaps.length &&
    cached.partMaps.every((map, index) => map === partMaps[index])
  ) {
    return cached.result;
  }
  const result = computeLessonProgress(data, parts, lessonId);
  lastResults.set(parts, { lessonId, partMaps, lesson, result });
  return result;
}

const NOTHING_GRADED: LessonCompletion = Object.freeze({
  status: 'not-started',
  checklist: [],
  completedParts: 0,
  requiredParts: 0,
});

/** The last result for each parts list, with the inputs it was computed from. */
const lastResults = new WeakMap<
  readonly GradedPart[],
  {
    lessonId: string | undefined;
    /** The maps of every kind holding graded parts, in the order of the registry. */
    partMaps: ReadonlyArray<Record<string, Stamped>>;
    lesson: Stamped | undefined;
    result: LessonCompletion;
  }
>();

function computeLessonProgress(
  data: ProgressData,
  parts: readonly GradedPart[],
  lessonId: string | undefined,
): LessonCompletion {
  const checklist = parts.map((part) => ({ ...part, done: isPartDone(data, part) }));
  const required = checklist.filter((item) => !item.bonus);
  const completedParts = required.filter((item) => item.done).length;
  const requiredParts = required.length;
  const anyRecord = parts.some((part) => partRecord(data, part) !== undefined);
  const visited = lessonId !== undefined && visitOf(data, lessonId) !== undefined;
  let status: LessonStatus;
  if (requiredParts === 0) {
    const recorded = lessonId === undefined ? 'not-started' : lessonStatus(data, lessonId);
    status = recorded === 'not-started' && anyRecord ? 'in-progress' : recorded;
  } else if (completedParts === requiredParts) {
    status = 'complete';
  } else {
    status = visited || anyRecord ? 'in-progress' : 'not-started';
  }
  return { status, checklist, completedParts, requiredParts };
}

/**
 * The required part whose pass completed the lesson: the one passed last (its
 * `passedAt` is the latest; on a tie, the later in page order), or `undefined`
 * while the lesson is not complete. The page celebrates at that part, where the
 * learner is when the lesson becomes complete.
 *
 * @example
 * completingPart(data, parts); // 'jwt-auth/jwt-quiz' when passing the quiz completed the lesson
 */
export function completingPart(data: ProgressData, parts: readonly GradedPart[]): string | undefined {
  const required = parts.filter((part) => !part.bonus);
  if (required.length === 0) return undefined;
  let latest: { key: string; at: number } | undefined;
  for (const part of required) {
    const passedAt = partRecord(data, part)?.passedAt;
    if (passedAt === undefined) return undefined;
    // Stored data is not trusted: an unreadable date counts as the earliest.
    const at = Date.parse(passedAt);
    const time = Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
    if (!latest || time >= latest.at) latest = { key: part.key, at: time };
  }
  return latest?.key;
}

/** `lessonProgressOf(...).status`, for callers that know the lesson's parts. */
export function lessonStatusWithParts(
  data: ProgressData,
  lessonId: string,
  parts: readonly GradedPart[],
): LessonStatus {
  return lessonProgressOf(data, parts, lessonId).status;
}

/** The record of one graded part, with its pass read by its kind's `gradedPart`; undefined when it has none. */
function partRecord(data: ProgressData, part: GradedPart): { passedAt: string | undefined } | undefined {
  const holder = progressModel().gradedParts.get(part.kind);
  if (!holder) return undefined;
  const record = ownEntry(data[holder.kind], part.key);
  return record === undefined ? undefined : { passedAt: holder.gradedPart.passedAt(record as never) };
}

function isPartDone(data: ProgressData, part: GradedPart): boolean {
  return partRecord(data, part)?.passedAt !== undefined;
}

/** The lesson's own record (its visit), from the kind that holds them. */
function visitOf(data: ProgressData, lessonId: string): Stamped | undefined {
  const visits = progressModel().lessonVisits;
  return visits && ownEntry(data[visits.kind], lessonId);
}

function gradedMaps(data: ProgressData): Array<Record<string, Stamped>> {
  return [...progressModel().gradedParts.values()].map((holder) => data[holder.kind]);
}

// Keys come from content and stored data: only the map's own entries count (never `constructor`).
function ownEntry(records: Record<string, Stamped>, key: string): Stamped | undefined {
  return Object.hasOwn(records, key) ? records[key] : undefined;
}
