import { cryptoRandom, type RandomSource, seededRandom } from '../lib/random';
import { describeCall, describeLimit } from './describe';
import {
  type BlankTemplate,
  blankLines,
  describeUnfilled,
  normalizeCode,
  readBlanks,
  unfilledLines,
} from './editor/blanks';
import { failureLine, type JudgedResult, matchFeedback } from './feedback';
import harnessSource from './harness.py?raw';
import {
  CASE_MARKER,
  type CallRecord,
  type HarnessResult,
  type HarnessSpec,
  RESULT_MARKER,
  type SyntaxErrorRecord,
} from './harnessResult';
import { type CaseJudgement, type MintedCase, RUN_LIMITS } from './suite';
import type { TokenExplanation } from './tokenGrammar';
import type { GradingDefinition } from './types';

/** How a Python program run ended, as the page's runtime (or a test's Pyodide) reports it. */
export interface PythonExecution {
  status: 'ok' | 'error' | 'stopped' | 'timeout' | 'output-limit';
  stdout: string;
  stderr: string;
}

/** Runs one Python program to its end (or its time limit). */
export type RunPython = (program: string, timeoutSeconds: number) => Promise<PythonExecution>;

export interface ResultLine {
  id: string;
  label: string;
  kind: 'case' | 'check';
  passed: boolean;
  expected: string;
  actual: string;
  /** Drawn from the grammar at this Check (not a named case). */
  generated?: boolean;
  /** The token in the learner's terms (generated cases), shrunk to the smallest that fails the same way. */
  token?: TokenExplanation & { shrunk: boolean };
  /** The failure belongs to a root cause listed once (index into `rootCauses`). */
  rootCause?: number;
  /** What the learner's code printed during this case. */
  printed?: string;
}

export interface GradedTask {
  id: string;
  title: string;
  lines: ResultLine[];
}

/** One failure repeated on several cases (the same exception at the same line), shown once. */
export interface RootCause {
  type: string;
  message: string;
  line: number | null;
  /** The blank (1-based) the line belongs to, when the code still fits the starter. */
  blank?: number;
  count: number;
  /** What happened, in one sentence. */
  text: string;
}

export type CheckReport =
  | { kind: 'unfilled'; message: string /** The line of each blank left, sorted. */; lines: number[] }
  | { kind: 'syntax-error'; message: string; error: SyntaxErrorRecord }
  | { kind: 'load-error'; message: string; line: number | null }
  | { kind: 'missing-function'; message: string; functions: string[] }
  | { kind: 'stopped'; message: string; reason: 'timeout' | 'output-limit' | 'stopped' | 'no-result' }
  | {
      kind: 'graded';
      passed: boolean;
      message: string;
      /** The seed the test tokens were drawn from: the same seed draws the same tokens. */
      seed: number;
      tasks: GradedTask[];
      rootCauses: RootCause[];
      /** The content's feedback that applies, main diagnosis first, then each failing task's fallback. */
      feedback: Array<{ id: string; html: string }>;
      passedCount: number;
      totalCount: number;
      /** What the module printed while loading (top-level prints). */
      loadPrinted?: string;
    };

/** A Check's time limit for the whole program: loading plus every call, with room to spare. */
export const CHECK_TIMEOUT_SECONDS = 60;
const SHRINK_ROUNDS = 2;
const SHRINK_CANDIDATES = 12;
const SHRINK_TARGETS = 3;

interface Judged {
  minted: MintedCase;
  record: CallRecord;
  judgement: CaseJudgement;
}

/**
 * Grades the learner's code: draws a batch of test tokens from a seed, runs
 * the code on each in Python with probes watching, judges every result
 * against the exercise's contract, checks what the code did on the way,
 * shrinks failing generated tokens, and picks the content's feedback.
 *
 * @example const report = await gradeExercise(exercise, code, runPython, { seed: 42 })
 */
export async function gradeExercise(
  definition: GradingDefinition,
  rawCode: string,
  runPython: RunPython,
  options: { seed?: number; random?: RandomSource; template?: BlankTemplate | undefined } = {},
): Promise<CheckReport> {
  const code = normalizeCode(rawCode);
  const lines = unfilledLines(code, options.template);
  const unfilled = describeUnfilled(lines);
  if (unfilled) return { kind: 'unfilled', lines, message: `${unfilled} Each ___ needs your code.` };
  const seed = options.seed ?? cryptoRandom.int(2 ** 31);
  const random = options.random ?? seededRandom(seed);
  const { suite } = definition;
  const cases = await suite.mint(random);
  const run = await runCases(code, cases, runPython);
  if (!run.result) return stoppedReport(run.execution, cases);
  const result = run.result;
  if (result.syntaxError) {
    const error = result.syntaxError;
    return {
      kind: 'syntax-error',
      error,
      message: `${error.type} on line ${error.line}: ${error.message}.${error.type === 'TabError' ? ' The line mixes tabs and spaces: indent with spaces only (the editor puts 4 spaces for Tab).' : ''} Nothing was checked yet.`,
    };
  }
  if (result.loadError) {
    const record = result.loadError;
    const line = record.outcome === 'raised' || record.outcome === 'timeout' ? record.line : null;
    const what =
      record.outcome === 'timeout'
        ? `did not finish loading (an endless loop outside any function?): it ${describeLimit(record)}${record.line ? ` (line ${record.line})` : ''}`
        : `stopped while loading: it ${describeCall({ ...record, id: 'load' })}`;
    return { kind: 'load-error', line, message: `Your code ${what}. Nothing was checked yet.` };
  }
  const missing = suite.functions.filter((name) =>
    result.calls.some((call) => call.outcome === 'missing' && call.function === name),
  );
  if (missing.length > 0) {
    return {
      kind: 'missing-function',
      functions: missing,
      message: `Your code must define ${missing.map((name) => `${name}()`).join(' and ')}: the checks call ${missing.length === 1 ? 'it' : 'them'} by name.`,
    };
  }

  const judged: Judged[] = [];
  for (const minted of cases) {
    const record = result.calls.find((call) => call.id === minted.id);
    if (record) judged.push({ minted, record, judgement: minted.judge(record) });
  }
  const behaviour = suite.judgeBehaviour(judged);
  const shrunk = await shrinkFailures(code, judged, runPython);

  const blankOfLine = blankFinder(code, options.template);
  const rootCauses = findRootCauses(judged, blankOfLine);
  const placed = new Map<string, string>();
  for (const task of definition.tasks) {
    for (const id of [...task.cases, ...task.groups, ...task.checks]) placed.set(id, task.id);
  }
  const toLine = ({ minted, record, judgement }: Judged): ResultLine => {
    const smaller = shrunk.get(minted.id);
    const explain = smaller?.minted.explain ?? minted.explain;
    const cause = rootCauses.findIndex((root) => root.key === causeKey(record));
    return {
      id: minted.id,
      kind: 'case',
      label: smaller?.minted.label ?? minted.label,
      ...(smaller ? smaller.judgement : judgement),
      ...(minted.generated ? { generated: true } : {}),
      ...(explain ? { token: { ...explain, shrunk: smaller !== undefined } } : {}),
      ...(!judgement.passed && cause >= 0 ? { rootCause: cause } : {}),
      ...(record.printed ? { printed: record.printed } : {}),
    };
  };
  const tasks: GradedTask[] = definition.tasks.map((task) => ({
    id: task.id,
    title: task.title,
    lines: [
      ...judged.filter(({ minted }) => placed.get(minted.group) === task.id).map(toLine),
      ...behaviour
        .filter((check) => task.checks.includes(check.id))
        .map(
          (check): ResultLine => ({
            ...check,
            kind: 'check',
            label: suite.checks.find((info) => info.id === check.id)?.label ?? check.id,
          }),
        ),
    ],
  }));
  const results = tasks.flatMap((task) => task.lines);
  const passedCount = results.filter((entry) => entry.passed).length;
  const passed = passedCount === results.length && results.length > 0;

  let feedback: Array<{ id: string; html: string }> = [];
  if (!passed) {
    const byId = new Map<string, JudgedResult>();
    for (const { minted, record, judgement } of judged) {
      byId.set(minted.id, { judgement, record, tags: [...minted.tags, minted.group] });
    }
    for (const check of behaviour) byId.set(check.id, { judgement: check });
    feedback = matchFeedback(definition.feedback, byId, blankOfLine).map(({ id, html }) => ({ id, html }));
    // A failing task that no rule speaks about gets its own true, general message.
    const explained = new Set(
      definition.feedback
        .filter((rule) => feedback.some((shown) => shown.id === rule.id))
        .flatMap((rule) => rule.when.flatMap((condition) => subjectsOf(condition, judged))),
    );
    for (const task of tasks) {
      const failing = task.lines.filter((line) => !line.passed);
      if (failing.length === 0 || failing.some((line) => explained.has(line.id))) continue;
      const definitionTask = definition.tasks.find((candidate) => candidate.id === task.id);
      if (definitionTask) feedback.push({ id: `task-${task.id}`, html: definitionTask.fallbackHtml });
    }
  }
  return {
    kind: 'graded',
    passed,
    seed,
    tasks,
    rootCauses: rootCauses.map(({ key: _key, ...root }) => root),
    feedback,
    passedCount,
    totalCount: results.length,
    message: passed
      ? `All ${results.length} checks passed.`
      : `${passedCount} of ${results.length} checks passed; ${results.length - passedCount} failed.`,
    ...(result.loadPrinted ? { loadPrinted: result.loadPrinted } : {}),
  };
}

/** The case ids a rule's condition speaks about (a tag covers every case carrying it). */
function subjectsOf(condition: GradingDefinition['feedback'][number]['when'][number], judged: readonly Judged[]) {
  if (condition.case) return [condition.case];
  if (condition.check) return [condition.check];
  const tag = condition.tag;
  return judged
    .filter(({ minted }) => tag === 'any' || minted.tags.includes(tag ?? '') || minted.group === tag)
    .map(({ minted }) => minted.id);
}

async function runCases(code: string, cases: readonly MintedCase[], runPython: RunPython) {
  const spec: HarnessSpec = {
    code,
    calls: cases.map((minted) => minted.call),
    ...RUN_LIMITS,
  };
  const program = `${harnessSource}\n_grade(json.loads(${JSON.stringify(JSON.stringify(spec))}))\n`;
  const execution = await runPython(program, CHECK_TIMEOUT_SECONDS);
  return { execution, result: readResult(execution.stdout) };
}

/**
 * Cuts failing generated cases down: each round runs the simpler variants of
 * a few failing cases (one of each kind of failure) and keeps, for each, the
 * smallest variant that still fails for the same reason.
 */
async function shrinkFailures(code: string, judged: readonly Judged[], runPython: RunPython) {
  const best = new Map<string, { minted: MintedCase; judgement: CaseJudgement }>();
  const seen = new Set<string>();
  const targets = judged.filter(({ minted, judgement }) => {
    // A time-out would cost its full time limit again for every simpler variant: not worth shrinking.
    if (judgement.passed || !minted.shrink || judgement.reason === 'timeout') return false;
    const kind = `${minted.group}/${minted.tags.join(',')}/${judgement.reason}`;
    if (seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
  let current = targets
    .slice(0, SHRINK_TARGETS)
    .map(({ minted, judgement }) => ({ original: minted, minted, judgement }));
  for (let round = 0; round < SHRINK_ROUNDS && current.length > 0; round++) {
    const candidates = await Promise.all(
      current.map(async (entry) => ((await entry.minted.shrink?.()) ?? []).slice(0, SHRINK_CANDIDATES)),
    );
    const all = candidates.flat();
    if (all.length === 0) break;
    const run = await runCases(code, all, runPython);
    if (!run.result?.calls) break;
    const records = new Map(run.result.calls.map((record) => [record.id, record]));
    const next: typeof current = [];
    current.forEach((entry, index) => {
      const still = (candidates[index] ?? [])
        .map((minted) => {
          const record = records.get(minted.id);
          return record ? { minted, judgement: minted.judge(record) } : undefined;
        })
        .filter(
          (candidate): candidate is { minted: MintedCase; judgement: CaseJudgement } =>
            candidate !== undefined &&
            !candidate.judgement.passed &&
            candidate.judgement.reason === entry.judgement.reason,
        )
        .sort((a, b) => size(a.minted) - size(b.minted))[0];
      if (still) {
        best.set(entry.original.id, still);
        next.push({ original: entry.original, ...still });
      }
    });
    current = next;
  }
  return best;
}

const size = (minted: MintedCase) => (minted.explain?.token.length ?? 0) + (minted.explain?.secret.length ?? 0);

/** The blank a line of the code belongs to, while the code still fits the starter's template. */
function blankFinder(code: string, template: BlankTemplate | undefined): (line: number) => number | undefined {
  if (!template || !readBlanks(template, code)) return () => undefined;
  const lines = blankLines(template);
  return (line) => {
    const index = lines.indexOf(line);
    return index >= 0 ? index + 1 : undefined;
  };
}

const causeKey = (record: CallRecord) =>
  record.outcome === 'raised'
    ? `${record.qualifiedType}@${record.line}`
    : record.outcome === 'timeout'
      ? `timeout:${record.limit}:${record.amount}@${record.line}`
      : undefined;

/** The same exception (or time-out) at the same line on two or more failing cases: one root cause. */
function findRootCauses(judged: readonly Judged[], blankOfLine: (line: number) => number | undefined) {
  const groups = new Map<string, Judged[]>();
  for (const entry of judged) {
    const key = causeKey(entry.record);
    if (entry.judgement.passed || !key) continue;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.entries()]
    .filter(([, entries]) => entries.length >= 2)
    .sort((a, b) => b[1].length - a[1].length)
    .map(([key, entries]) => {
      const record = entries[0]?.record as CallRecord;
      const line = failureLine(record);
      const blank = line === null ? undefined : blankOfLine(line);
      const type = record.outcome === 'raised' ? record.type : 'Time limit';
      const message =
        record.outcome === 'timeout' ? describeLimit(record) : record.outcome === 'raised' ? record.message : '';
      const where = line === null ? '' : ` at line ${line}${blank ? ` (blank ${blank})` : ''}`;
      return {
        key,
        type,
        message,
        line,
        ...(blank ? { blank } : {}),
        count: entries.length,
        text: `${record.outcome === 'raised' ? `${type}: ${message}` : `It ${message}`}${where}, on ${entries.length} of ${judged.length} calls.`,
      };
    });
}

function readResult(stdout: string): HarnessResult | undefined {
  const line = stdout
    .split('\n')
    .reverse()
    .find((text) => text.startsWith(RESULT_MARKER));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice(RESULT_MARKER.length)) as HarnessResult;
  } catch {
    return undefined;
  }
}

function stoppedReport(run: PythonExecution, cases: ReadonlyArray<{ id: string; label: string }>): CheckReport {
  const started = run.stdout
    .split('\n')
    .filter((text) => text.startsWith(CASE_MARKER))
    .map((text) => text.slice(CASE_MARKER.length));
  const last = started.at(-1);
  const label = cases.find((info) => info.id === last)?.label;
  const during = label ? ` during the check “${label}”` : last ? ` ${last}` : '';
  const kept = 'Your code is still in the editor.';
  if (run.status === 'timeout' || run.status === 'stopped') {
    return {
      kind: 'stopped',
      reason: run.status,
      message:
        run.status === 'timeout'
          ? `The checks were stopped after ${CHECK_TIMEOUT_SECONDS} s${during}: your code was still running. ${kept}`
          : `The checks were stopped${during}. ${kept}`,
    };
  }
  if (run.status === 'output-limit') {
    return {
      kind: 'stopped',
      reason: 'output-limit',
      message: `Your code printed too much${during}, so the checks were stopped. ${kept}`,
    };
  }
  const detail = run.stderr.trim().split('\n').at(-1) ?? '';
  return {
    kind: 'stopped',
    reason: 'no-result',
    message: `The checks could not finish${during}${detail ? ` (${detail})` : ''}. ${kept}`,
  };
}
