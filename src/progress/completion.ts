import type { ProgressData } from './records';

export type LessonStatus = 'not-started' | 'in-progress' | 'complete';

/** One graded part of a lesson; `key` is its `exerciseKey` or `quizKey`. */
export interface GradedPart {
  key: string;
  kind: 'exercise' | 'quiz';
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
  const lesson = data.lessons[lessonId];
  if (!lesson) return 'not-started';
  return lesson.completedAt ? 'complete' : 'in-progress';
}

/**
 * A lesson's completion from its graded parts. Complete when every non-bonus
 * part is passed (an exercise's or a quiz's `passedAt` is set); in progress
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
  if (
    cached &&
    cached.lessonId === lessonId &&
    cached.exercises === data.exercises &&
    cached.quizzes === data.quizzes &&
    (lessonId === undefined || cached.lesson === data.lessons[lessonId])
  ) {
    return cached.result;
  }
  const result = computeLessonProgress(data, parts, lessonId);
  lastResults.set(parts, {
    lessonId,
    exercises: data.exercises,
    quizzes: data.quizzes,
    lesson: lessonId === undefined ? undefined : data.lessons[lessonId],
    result,
  });
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
    exercises: ProgressData['exercises'];
    quizzes: ProgressData['quizzes'];
    lesson: ProgressData['lessons'][string] | undefined;
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
  const anyRecord = parts.some((part) => recordOf(data, part) !== undefined);
  const visited = lessonId !== undefined && data.lessons[lessonId] !== undefined;
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
    const passedAt = recordOf(data, part)?.passedAt;
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

function recordOf(data: ProgressData, part: GradedPart) {
  const records = part.kind === 'exercise' ? data.exercises : data.quizzes;
  return Object.hasOwn(records, part.key) ? records[part.key] : undefined;
}

function isPartDone(data: ProgressData, part: GradedPart): boolean {
  return recordOf(data, part)?.passedAt !== undefined;
}
