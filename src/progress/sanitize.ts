import type { QuizAttempt, QuizScore } from '../quiz/types';
import {
  type ExampleEdit,
  type ExerciseProgress,
  isRecord,
  type LessonProgress,
  PROGRESS_LIMITS,
  type ProgressData,
  type RemovedRecords,
  type SavedQuiz,
} from './types';

/** Something the sanitiser left out or replaced, where it was and what was expected there. */
export interface SanitizeProblem {
  /** Dotted, e.g. `exercises.jwt-auth/verify-token.attempts`; empty for the whole value. */
  path: string;
  /** e.g. "a number", "an object", `one of "blanks", "free"`. */
  expected: string;
}

/**
 * Keeps what is valid from stored data and drops the rest, so a damaged or
 * hand-edited entry never takes the page down. What it returns always passes
 * `progressDataSchema` (so cleaned data written back loads clean next time).
 *
 * @example
 * sanitizeProgress({ exampleEdits: { a: 'x', b: 3 } }).exampleEdits; // { a: 'x' }
 */
export function sanitizeProgress(stored: unknown): ProgressData {
  return sanitizeProgressReporting(stored).data;
}

/**
 * `sanitizeProgress`, also saying what it left out or replaced: no problems
 * exactly when the strict schema (`progressDataSchema`) accepts the value (a
 * property test holds the two together). It lets the page check stored data
 * without loading zod; unknown fields are left out silently, as zod does.
 *
 * @example
 * sanitizeProgressReporting({ lessons: { a: 3 }, exampleEdits: {}, exercises: {}, quizzes: {} }).problems;
 * // [{ path: 'lessons.a', expected: 'an object' }]
 */
export function sanitizeProgressReporting(stored: unknown): { data: ProgressData; problems: SanitizeProblem[] } {
  const problems: SanitizeProblem[] = [];
  const report = (path: string, expected: string) => void problems.push({ path, expected });
  if (!isRecord(stored)) report('', 'an object');
  const source = isRecord(stored) ? stored : {};
  const data: ProgressData = {
    lessons: sanitizeRecord(source.lessons, 'lessons', report, sanitizeLesson),
    exampleEdits: sanitizeRecord(source.exampleEdits, 'exampleEdits', report, sanitizeExampleEdit),
    exercises: sanitizeRecord(source.exercises, 'exercises', report, sanitizeExercise),
    quizzes: sanitizeRecord(source.quizzes, 'quizzes', report, sanitizeQuiz),
    removed: sanitizeRemoved(source.removed, 'removed', report),
  };
  return { data, problems };
}

/** "lessons.a: expected an object (and 2 more problems)" */
export function describeSanitizeProblems(problems: readonly SanitizeProblem[]): string {
  const [first] = problems;
  if (!first) return '';
  const more = problems.length - 1;
  const where = first.path ? `${first.path}: ` : '';
  return `${where}expected ${first.expected}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`;
}

type Report = (path: string, expected: string) => void;

/** Reports and gives nothing: for a value that is left out. */
function missed(report: Report, path: string, expected: string): undefined {
  report(path, expected);
  return undefined;
}

const at = (path: string, key: string | number) => `${path}.${key}`;

/** The entries of a JSON object that may be copied onto a plain object (`__proto__` would set its prototype). */
export function safeEntries(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(value).filter(([key]) => key !== '__proto__');
}

function sanitizeRecord<T>(
  value: unknown,
  path: string,
  report: Report,
  sanitizeEntry: (entry: unknown, path: string, report: Report) => T | undefined,
  maxEntries: number = PROGRESS_LIMITS.recordsPerKind,
  noun = 'entries',
): Record<string, T> {
  const result: Record<string, T> = {};
  if (!isRecord(value)) return missed(report, path, 'an object') ?? result;
  let kept = 0;
  for (const [key, entry] of safeEntries(value)) {
    if (kept === maxEntries) {
      report(path, `at most ${maxEntries} ${noun}`);
      break;
    }
    const clean = sanitizeEntry(entry, at(path, key), report);
    if (clean !== undefined) {
      result[key] = clean;
      kept += 1;
    }
  }
  return result;
}

/**
 * A list without repeats (the first of each is kept) and at most `limit` long: stored
 * data may be crafted to make the page do unbounded work. Linear: a Set, not indexOf.
 */
function boundedUnique<T>(list: T[], path: string, report: Report, limit: number): T[] {
  const unique = [...new Set(list)];
  if (unique.length < list.length) report(path, 'no repeated items');
  if (unique.length <= limit) return unique;
  report(path, `at most ${limit} items`);
  return unique.slice(0, limit);
}

function sanitizeList<T>(
  value: unknown,
  path: string,
  report: Report,
  sanitizeItem: (item: unknown, path: string, report: Report) => T | undefined,
): T[] {
  if (!Array.isArray(value)) return missed(report, path, 'a list') ?? [];
  const result: T[] = [];
  value.forEach((item, index) => {
    const clean = sanitizeItem(item, at(path, index), report);
    if (clean !== undefined) result.push(clean);
  });
  return result;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isString = (value: unknown): value is string => typeof value === 'string';

function countProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'a number';
  if (!Number.isSafeInteger(value)) return 'a whole number';
  return value < 0 ? 'at least 0' : undefined;
}

/** A count, or undefined (reported) when the value is not one. */
function count(value: unknown, path: string, report: Report): number | undefined {
  const problem = countProblem(value);
  return problem === undefined ? (value as number) : missed(report, path, problem);
}

function text(value: unknown, path: string, report: Report): string | undefined {
  return isString(value) ? value : missed(report, path, 'a string');
}

/** An optional string field: absent is fine, anything else than a string is reported and left out. */
function optionalText(entry: Record<string, unknown>, key: string, path: string, report: Report): string | undefined {
  return entry[key] === undefined ? undefined : text(entry[key], at(path, key), report);
}

/** A record's time of last change; without one the record counts as the oldest (""). */
function updatedAt(entry: Record<string, unknown>, path: string, report: Report): string {
  return text(entry.updatedAt, at(path, 'updatedAt'), report) ?? '';
}

function sanitizeLesson(entry: unknown, path: string, report: Report): LessonProgress | undefined {
  if (!isRecord(entry)) return missed(report, path, 'an object');
  const firstVisitedAt = text(entry.firstVisitedAt, at(path, 'firstVisitedAt'), report);
  const completedAt = optionalText(entry, 'completedAt', path, report);
  const updated = updatedAt(entry, path, report);
  if (firstVisitedAt === undefined) return undefined;
  return { firstVisitedAt, ...(completedAt === undefined ? {} : { completedAt }), updatedAt: updated };
}

/** Code: a string no longer than `PROGRESS_LIMITS.codeChars`. */
function codeText(value: unknown, path: string, report: Report): string | undefined {
  const code = text(value, path, report);
  if (code === undefined || code.length <= PROGRESS_LIMITS.codeChars) return code;
  return missed(report, path, `at most ${PROGRESS_LIMITS.codeChars.toLocaleString('en-US')} characters`);
}

function sanitizeExampleEdit(entry: unknown, path: string, report: Report): ExampleEdit | undefined {
  if (!isRecord(entry)) return missed(report, path, 'an object');
  const code = codeText(entry.code, at(path, 'code'), report);
  const updated = updatedAt(entry, path, report);
  return code === undefined ? undefined : { code, updatedAt: updated };
}

function sanitizeRemoved(value: unknown, path: string, report: Report): RemovedRecords {
  const source = isRecord(value) ? value : (missed(report, path, 'an object') ?? {});
  return {
    exampleEdits: sanitizeRecord(source.exampleEdits, at(path, 'exampleEdits'), report, text),
    exercises: sanitizeRecord(source.exercises, at(path, 'exercises'), report, text),
    quizzes: sanitizeRecord(source.quizzes, at(path, 'quizzes'), report, text),
  };
}

function sanitizeExercise(entry: unknown, path: string, report: Report): ExerciseProgress | undefined {
  if (!isRecord(entry)) return missed(report, path, 'an object');
  const exercise: ExerciseProgress = {
    attempts: count(entry.attempts, at(path, 'attempts'), report) ?? 0,
    hintsShown: count(entry.hintsShown, at(path, 'hintsShown'), report) ?? 0,
    solutionViewed:
      typeof entry.solutionViewed === 'boolean'
        ? entry.solutionViewed
        : (missed(report, at(path, 'solutionViewed'), 'true or false') ?? false),
    updatedAt: updatedAt(entry, path, report),
  };
  const draft = entry.draft === undefined ? undefined : sanitizeDraft(entry.draft, at(path, 'draft'), report);
  if (draft) exercise.draft = draft;
  const passedAt = optionalText(entry, 'passedAt', path, report);
  if (passedAt !== undefined) exercise.passedAt = passedAt;
  const lastResult =
    entry.lastResult === undefined ? undefined : sanitizeLastResult(entry.lastResult, at(path, 'lastResult'), report);
  if (lastResult) exercise.lastResult = lastResult;
  return exercise;
}

/** Without its code or mode a draft is no use and is left out; a missing time becomes "". */
function sanitizeDraft(draft: unknown, path: string, report: Report): ExerciseProgress['draft'] {
  if (!isRecord(draft)) return missed(report, path, 'an object');
  const code = codeText(draft.code, at(path, 'code'), report);
  const mode =
    draft.mode === 'blanks' || draft.mode === 'free'
      ? draft.mode
      : missed(report, at(path, 'mode'), 'one of "blanks", "free"');
  const savedAt = text(draft.savedAt, at(path, 'savedAt'), report) ?? '';
  return code === undefined || mode === undefined ? undefined : { code, mode, savedAt };
}

/** Without whether it passed and when, a result is left out; bad counts become 0. */
function sanitizeLastResult(last: unknown, path: string, report: Report): ExerciseProgress['lastResult'] {
  if (!isRecord(last)) return missed(report, path, 'an object');
  const passed = typeof last.passed === 'boolean' ? last.passed : missed(report, at(path, 'passed'), 'true or false');
  const passedCount = count(last.passedCount, at(path, 'passedCount'), report) ?? 0;
  const totalCount = count(last.totalCount, at(path, 'totalCount'), report) ?? 0;
  const when = text(last.at, at(path, 'at'), report);
  return passed === undefined || when === undefined ? undefined : { passed, passedCount, totalCount, at: when };
}

function sanitizeQuiz(entry: unknown, path: string, report: Report): SavedQuiz | undefined {
  if (!isRecord(entry)) return missed(report, path, 'an object');
  const quiz: SavedQuiz = {
    view:
      entry.view === 'one' || entry.view === 'all'
        ? entry.view
        : (missed(report, at(path, 'view'), 'one of "one", "all"') ?? 'one'),
    history: latest(
      sanitizeList(entry.history, at(path, 'history'), report, sanitizeAttempt),
      at(path, 'history'),
      report,
    ),
    updatedAt: updatedAt(entry, path, report),
  };
  const current = entry.current === undefined ? undefined : sanitizeAttempt(entry.current, at(path, 'current'), report);
  if (current) quiz.current = current;
  const passedAt = optionalText(entry, 'passedAt', path, report);
  if (passedAt !== undefined) quiz.passedAt = passedAt;
  return quiz;
}

/**
 * An attempt without its identity (id, seed, scope, start) cannot be shown
 * again, so it is left out; its lists and maps keep only well-formed items.
 */
function sanitizeAttempt(entry: unknown, path: string, report: Report): QuizAttempt | undefined {
  if (!isRecord(entry)) return missed(report, path, 'an object');
  const id = text(entry.id, at(path, 'id'), report);
  const seed =
    typeof entry.seed === 'number' && Number.isFinite(entry.seed)
      ? entry.seed
      : missed(report, at(path, 'seed'), 'a number');
  const scope =
    entry.scope === 'all' || entry.scope === 'missed'
      ? entry.scope
      : missed(report, at(path, 'scope'), 'one of "all", "missed"');
  const startedAt = text(entry.startedAt, at(path, 'startedAt'), report);
  const { questionsPerQuiz } = PROGRESS_LIMITS;
  const ids = (key: string) =>
    boundedUnique(sanitizeList(entry[key], at(path, key), report, text), at(path, key), report, questionsPerQuiz);
  const attempt = {
    questionIds: ids('questionIds'),
    optionOrder: sanitizeRecord(
      entry.optionOrder,
      at(path, 'optionOrder'),
      report,
      indexList,
      questionsPerQuiz,
      'questions',
    ),
    answers: sanitizeRecord(entry.answers, at(path, 'answers'), report, indexList, questionsPerQuiz, 'questions'),
    checked: ids('checked'),
  };
  const basedOn = optionalText(entry, 'basedOn', path, report);
  const finishedAt = optionalText(entry, 'finishedAt', path, report);
  const score = entry.score === undefined ? undefined : sanitizeScore(entry.score, at(path, 'score'), report);
  if (id === undefined || seed === undefined || scope === undefined || startedAt === undefined) return undefined;
  return {
    id,
    seed,
    scope,
    ...(basedOn === undefined ? {} : { basedOn }),
    startedAt,
    ...(finishedAt === undefined ? {} : { finishedAt }),
    ...attempt,
    ...(score === undefined ? {} : { score }),
  };
}

/** Option indexes: a list with anything else in it is not trusted at all; repeats are left out. */
function indexList(value: unknown, path: string, report: Report): number[] | undefined {
  if (!Array.isArray(value)) return missed(report, path, 'a list');
  const { optionsPerQuestion } = PROGRESS_LIMITS;
  const bad = value.findIndex((item) => !isCount(item) || item >= optionsPerQuestion);
  if (bad === -1) return boundedUnique(value as number[], path, report, optionsPerQuestion);
  return missed(report, at(path, bad), countProblem(value[bad]) ?? `at most ${optionsPerQuestion - 1}`);
}

/** The latest finished attempts, as many as the quiz engine keeps. */
function latest(history: QuizAttempt[], path: string, report: Report): QuizAttempt[] {
  const { attemptsKept } = PROGRESS_LIMITS;
  if (history.length <= attemptsKept) return history;
  report(path, `at most ${attemptsKept} attempts`);
  return history.slice(-attemptsKept);
}

function sanitizeScore(value: unknown, path: string, report: Report): QuizScore | undefined {
  if (!isRecord(value)) return missed(report, path, 'an object');
  const correct = count(value.correct, at(path, 'correct'), report);
  const total = count(value.total, at(path, 'total'), report);
  const percent = count(value.percent, at(path, 'percent'), report);
  const passed = typeof value.passed === 'boolean' ? value.passed : missed(report, at(path, 'passed'), 'true or false');
  if (correct === undefined || total === undefined || percent === undefined || passed === undefined) return undefined;
  return { correct, total, percent, passed };
}
