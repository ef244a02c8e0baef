import type { QuizAttempt, QuizProgress } from '../quiz/types';
import type { ExerciseProgress, LessonProgress, ProgressData } from './types';

/**
 * Merges another tab's progress into this tab's, entry by entry, so that
 * neither tab's work is lost: the union of the keys of every map, and for a
 * key both have, a record built from the newer parts of each (see the
 * `merge*` functions below). A record only one side has is always kept.
 *
 * Unchanged maps and records keep their identity (`merged.exercises ===
 * mine.exercises` when nothing came in), so "nothing new" is cheap to detect
 * and does not re-render or re-save.
 *
 * @example
 * mergeProgress(thisTab, otherTab).exercises; // this tab's exercises plus the other tab's
 */
export function mergeProgress(mine: ProgressData, theirs: ProgressData): ProgressData {
  const lessons = mergeMaps(mine.lessons, theirs.lessons, mergeLesson);
  const exampleEdits = mergeMaps(mine.exampleEdits, theirs.exampleEdits, mergeExampleEdit);
  const exercises = mergeMaps(mine.exercises, theirs.exercises, mergeExercise);
  const quizzes = mergeMaps(mine.quizzes, theirs.quizzes, mergeQuiz);
  if (
    lessons === mine.lessons &&
    exampleEdits === mine.exampleEdits &&
    exercises === mine.exercises &&
    quizzes === mine.quizzes
  ) {
    return mine;
  }
  return { lessons, exampleEdits, exercises, quizzes };
}

function mergeMaps<T>(
  mine: Record<string, T>,
  theirs: Record<string, T>,
  mergeEntry: (own: T, their: T) => T,
): Record<string, T> {
  let result: Record<string, T> | undefined;
  for (const [key, their] of Object.entries(theirs)) {
    if (key === '__proto__') continue;
    const own = Object.hasOwn(mine, key) ? mine[key] : undefined;
    // The same record on both sides is left as it is (even one a merge would tidy up).
    if (own !== undefined && jsonEqual(own, their)) continue;
    const merged = own === undefined ? their : mergeEntry(own, their);
    if (own !== undefined && jsonEqual(merged, own)) continue;
    result ??= { ...mine };
    result[key] = merged;
  }
  return result ?? mine;
}

/** The first visit and the first completion are the earliest either tab saw. */
export function mergeLesson(own: LessonProgress, their: LessonProgress): LessonProgress {
  const completedAt = earliest(own.completedAt, their.completedAt);
  return {
    firstVisitedAt: earliest(own.firstVisitedAt, their.firstVisitedAt) ?? own.firstVisitedAt,
    ...(completedAt === undefined ? {} : { completedAt }),
  };
}

/**
 * Example edits carry no time. The other tab's text is taken: it arrives
 * because that tab just saved, and a learner types in one tab at a time, so
 * it is the newer edit (both tabs then hold the same text and stop).
 */
export function mergeExampleEdit(_own: string, their: string): string {
  return their;
}

/**
 * Counters take the larger, "solution viewed" either, the first pass the
 * earliest, and the draft and last result the newer by their own time.
 */
export function mergeExercise(own: ExerciseProgress, their: ExerciseProgress): ExerciseProgress {
  const merged: ExerciseProgress = {
    attempts: Math.max(own.attempts, their.attempts),
    hintsShown: Math.max(own.hintsShown, their.hintsShown),
    solutionViewed: own.solutionViewed || their.solutionViewed,
  };
  const draft = newer(own.draft, their.draft, (entry) => entry.savedAt);
  if (draft) merged.draft = draft;
  const passedAt = earliest(own.passedAt, their.passedAt);
  if (passedAt !== undefined) merged.passedAt = passedAt;
  const lastResult = newer(own.lastResult, their.lastResult, (entry) => entry.at);
  if (lastResult) merged.lastResult = lastResult;
  return merged;
}

/**
 * Finished attempts are united by id (the further-along copy of the same
 * attempt wins) in the order they finished; the attempt in progress is the
 * later started one that is not finished on either side; the view follows
 * the record with the latest activity; the first pass is the earliest.
 */
export function mergeQuiz(own: QuizProgress, their: QuizProgress): QuizProgress {
  const history = mergeHistory(own.history, their.history);
  const finished = new Set(history.map((attempt) => attempt.id));
  const inProgress = [own.current, their.current].filter(
    (attempt): attempt is QuizAttempt => attempt !== undefined && !finished.has(attempt.id),
  );
  const current = inProgress.reduce<QuizAttempt | undefined>((best, attempt) => furtherAlong(best, attempt), undefined);
  const ownActivity = quizActivity(own);
  const theirActivity = quizActivity(their);
  const view =
    ownActivity === theirActivity
      ? (own.view > their.view ? own : their).view
      : (ownActivity > theirActivity ? own : their).view;
  const merged: QuizProgress = { view, history };
  if (current) merged.current = current;
  const passedAt = earliest(own.passedAt, their.passedAt);
  if (passedAt !== undefined) merged.passedAt = passedAt;
  return merged;
}

function mergeHistory(own: QuizAttempt[], their: QuizAttempt[]): QuizAttempt[] {
  const byId = new Map<string, QuizAttempt>();
  for (const attempt of own) byId.set(attempt.id, furtherAlong(byId.get(attempt.id), attempt) ?? attempt);
  let contributed = false;
  for (const attempt of their) {
    const known = byId.get(attempt.id);
    const kept = furtherAlong(known, attempt) ?? attempt;
    if (known === undefined || (kept !== known && !jsonEqual(kept, known))) contributed = true;
    byId.set(attempt.id, kept);
  }
  // Nothing new: keep this tab's list as it is (and its order).
  if (!contributed) return own;
  return [...byId.values()].sort(
    (a, b) =>
      compareText(a.finishedAt ?? a.startedAt, b.finishedAt ?? b.startedAt) ||
      compareText(a.startedAt, b.startedAt) ||
      compareText(a.id, b.id),
  );
}

/** Of two attempts, the later started; of two copies of one attempt, the one further along. */
function furtherAlong(a: QuizAttempt | undefined, b: QuizAttempt | undefined): QuizAttempt | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const order =
    compareText(a.startedAt, b.startedAt) ||
    compareText(a.finishedAt ?? '', b.finishedAt ?? '') ||
    a.checked.length - b.checked.length ||
    Object.keys(a.answers).length - Object.keys(b.answers).length ||
    compareText(canonicalJson(a), canonicalJson(b));
  return order >= 0 ? a : b;
}

/** The latest time anything happened in a quiz's record (an attempt started or finished). */
function quizActivity(quiz: QuizProgress): string {
  let latest = '';
  for (const attempt of quiz.current ? [quiz.current, ...quiz.history] : quiz.history) {
    if (attempt.startedAt > latest) latest = attempt.startedAt;
    if (attempt.finishedAt !== undefined && attempt.finishedAt > latest) latest = attempt.finishedAt;
  }
  return latest;
}

/** The record with the later time; equal times are settled by content, the same way in every tab. */
function newer<T>(a: T | undefined, b: T | undefined, timeOf: (entry: T) => string): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return (compareText(timeOf(a), timeOf(b)) || compareText(canonicalJson(a), canonicalJson(b))) >= 0 ? a : b;
}

/** ISO times (`toISOString()`) order as text. */
function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with keys sorted, so equal content gives equal text whatever the key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => compareText(a, b)))
      : entry,
  );
}

/** Deep equality of JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  const aEntries = Object.entries(a).filter(([, value]) => value !== undefined);
  const bRecord = b as Record<string, unknown>;
  const bCount = Object.values(bRecord).filter((value) => value !== undefined).length;
  return aEntries.length === bCount && aEntries.every(([key, value]) => jsonEqual(value, bRecord[key]));
}
