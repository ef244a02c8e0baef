import type { QuizAttempt } from '../quiz/types';
import type { ExampleEdit, ExerciseProgress, LessonProgress, ProgressData, RemovedRecords, SavedQuiz } from './types';

/**
 * Merges another tab's progress into this tab's, entry by entry, so that
 * neither tab's edits are lost and no reset comes back: the union of the keys
 * of every map, and for a key both have, the record with the later
 * `updatedAt`; two copies changed in the same millisecond are merged part by
 * part (see the `merge*` functions below). A record whose `updatedAt` is not
 * newer than a tombstone for its key (in `removed`, from either side) is left
 * out: it was reset after its last change. Commutative, associative and
 * idempotent (up to key order), so tabs that exchange saves in any order end
 * up holding the same.
 *
 * Unchanged maps and records keep their identity (`merged.exercises ===
 * mine.exercises` when nothing came in), so "nothing new" is cheap to detect
 * and does not re-render or re-save.
 *
 * @example
 * mergeProgress(thisTab, otherTab).exercises; // this tab's exercises plus the other tab's
 */
export function mergeProgress(mine: ProgressData, theirs: ProgressData): ProgressData {
  const removed = mergeRemoved(mine.removed, theirs.removed);
  const lessons = mergeMaps(mine.lessons, theirs.lessons, newestOr(mergeLesson));
  const exampleEdits = mergeLiving(mine.exampleEdits, theirs.exampleEdits, removed.exampleEdits, mergeExampleEdit);
  const exercises = mergeLiving(mine.exercises, theirs.exercises, removed.exercises, newestOr(mergeExercise));
  const quizzes = mergeLiving(mine.quizzes, theirs.quizzes, removed.quizzes, newestOr(mergeQuiz));
  if (
    lessons === mine.lessons &&
    exampleEdits === mine.exampleEdits &&
    exercises === mine.exercises &&
    quizzes === mine.quizzes &&
    removed === mine.removed
  ) {
    return mine;
  }
  return { lessons, exampleEdits, exercises, quizzes, removed };
}

/**
 * The newer of two copies of a record, whole: what the last change made of
 * it (merging part by part across a reset would bring back parts older than
 * the reset). Copies changed in the same millisecond in two tabs are merged
 * by `mergeParts`.
 */
function newestOr<T extends { updatedAt: string }>(mergeParts: (own: T, their: T) => T) {
  return (own: T, their: T): T =>
    own.updatedAt > their.updatedAt ? own : their.updatedAt > own.updatedAt ? their : mergeParts(own, their);
}

/** Stored progress with the time it was last replaced as a whole (Reset all, Import). */
export interface ReplaceableProgress {
  data: ProgressData;
  replacedAt: string | undefined;
}

/**
 * `mergeProgress` across a replacement of the whole progress: the later
 * `replacedAt` of the two is a tombstone for every record, so records older
 * than it (on either side) are gone, and records made after it are kept.
 * An import stamps its records with the replacement's time.
 */
export function mergeReplaceable(mine: ReplaceableProgress, theirs: ReplaceableProgress): ReplaceableProgress {
  const replacedAt = later(mine.replacedAt, theirs.replacedAt);
  const data = mergeProgress(dropOlderThan(mine.data, replacedAt), dropOlderThan(theirs.data, replacedAt));
  if (data === mine.data && replacedAt === mine.replacedAt) return mine;
  return { data, replacedAt };
}

/** The data without the records (and tombstones) older than `time`; itself when none is. */
export function dropOlderThan(data: ProgressData, time: string | undefined): ProgressData {
  if (time === undefined) return data;
  const keep = <T extends { updatedAt: string }>(map: Record<string, T>) => keepWhere(map, (r) => r.updatedAt >= time);
  const keepMarks = (map: Record<string, string>) => keepWhere(map, (deletedAt) => deletedAt >= time);
  const lessons = keep(data.lessons);
  const exampleEdits = keep(data.exampleEdits);
  const exercises = keep(data.exercises);
  const quizzes = keep(data.quizzes);
  const removedEdits = keepMarks(data.removed.exampleEdits);
  const removedExercises = keepMarks(data.removed.exercises);
  const removedQuizzes = keepMarks(data.removed.quizzes);
  const removed =
    removedEdits === data.removed.exampleEdits &&
    removedExercises === data.removed.exercises &&
    removedQuizzes === data.removed.quizzes
      ? data.removed
      : { exampleEdits: removedEdits, exercises: removedExercises, quizzes: removedQuizzes };
  if (
    lessons === data.lessons &&
    exampleEdits === data.exampleEdits &&
    exercises === data.exercises &&
    quizzes === data.quizzes &&
    removed === data.removed
  ) {
    return data;
  }
  return { lessons, exampleEdits, exercises, quizzes, removed };
}

function keepWhere<T>(map: Record<string, T>, keep: (entry: T) => boolean): Record<string, T> {
  let result: Record<string, T> | undefined;
  for (const [key, entry] of Object.entries(map)) {
    if (keep(entry)) continue;
    result ??= { ...map };
    delete result[key];
  }
  return result ?? map;
}

/** The latest `updatedAt` (or tombstone) anywhere in the data: a tab's clock never goes below it. */
export function latestStamp(data: ProgressData): string {
  let latest = '';
  const see = (time: string) => {
    if (time > latest) latest = time;
  };
  for (const map of [data.lessons, data.exampleEdits, data.exercises, data.quizzes]) {
    for (const record of Object.values(map)) see(record.updatedAt);
  }
  for (const marks of [data.removed.exampleEdits, data.removed.exercises, data.removed.quizzes]) {
    for (const time of Object.values(marks)) see(time);
  }
  return latest;
}

function mergeRemoved(mine: RemovedRecords, theirs: RemovedRecords): RemovedRecords {
  const exampleEdits = mergeMaps(mine.exampleEdits, theirs.exampleEdits, laterText);
  const exercises = mergeMaps(mine.exercises, theirs.exercises, laterText);
  const quizzes = mergeMaps(mine.quizzes, theirs.quizzes, laterText);
  if (exampleEdits === mine.exampleEdits && exercises === mine.exercises && quizzes === mine.quizzes) return mine;
  return { exampleEdits, exercises, quizzes };
}

/**
 * `mergeMaps` for records that can be reset: a record not newer than the
 * key's tombstone (already merged from both sides) is left out, whichever
 * side it came from.
 */
function mergeLiving<T extends { updatedAt: string }>(
  mine: Record<string, T>,
  theirs: Record<string, T>,
  removed: Record<string, string>,
  mergeEntry: (own: T, their: T) => T,
): Record<string, T> {
  const alive = (key: string, record: T | undefined): T | undefined => {
    if (record === undefined) return undefined;
    const deletedAt = Object.hasOwn(removed, key) ? removed[key] : undefined;
    return deletedAt !== undefined && record.updatedAt <= deletedAt ? undefined : record;
  };
  let result: Record<string, T> | undefined;
  const put = (key: string, record: T | undefined) => {
    const own = Object.hasOwn(mine, key) ? mine[key] : undefined;
    if (record === own) return;
    result ??= { ...mine };
    if (record === undefined) delete result[key];
    else result[key] = record;
  };
  for (const [key, their] of Object.entries(theirs)) {
    if (key === '__proto__') continue;
    const own = alive(key, Object.hasOwn(mine, key) ? mine[key] : undefined);
    const other = alive(key, their);
    if (own === undefined || other === undefined) {
      put(key, own ?? other);
      continue;
    }
    // The same record on both sides is left as it is (even one a merge would tidy up).
    if (jsonEqual(own, other)) {
      put(key, own);
      continue;
    }
    const merged = mergeEntry(own, other);
    put(key, jsonEqual(merged, own) ? own : merged);
  }
  // This tab's records that the other tab reset (and this tab did not change since).
  for (const key of Object.keys(removed)) {
    if (key === '__proto__' || !Object.hasOwn(mine, key) || Object.hasOwn(theirs, key)) continue;
    put(key, alive(key, mine[key]));
  }
  return result ?? mine;
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
    updatedAt: laterText(own.updatedAt, their.updatedAt),
  };
}

/**
 * The newer edit wins whole (equal times are settled by the text, the same
 * way in every tab): a tab never takes back an older copy of what it typed,
 * and two tabs typing into one example end up with the same, newest text.
 */
export function mergeExampleEdit(own: ExampleEdit, their: ExampleEdit): ExampleEdit {
  return newer(own, their, (edit) => edit.updatedAt) ?? own;
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
    updatedAt: laterText(own.updatedAt, their.updatedAt),
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
export function mergeQuiz(own: SavedQuiz, their: SavedQuiz): SavedQuiz {
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
  const merged: SavedQuiz = { view, history, updatedAt: laterText(own.updatedAt, their.updatedAt) };
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
function quizActivity(quiz: SavedQuiz): string {
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

function laterText(a: string, b: string): string {
  return a >= b ? a : b;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return laterText(a, b);
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
