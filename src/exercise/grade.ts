import { describeCall } from './describe';
import { type BlankTemplate, describeUnfilled, normalizeCode, unfilledLines } from './editor/blanks';
import { type JudgedResult, matchFeedback } from './feedback';
import harnessSource from './harness.py?raw';
import {
  CASE_MARKER,
  type HarnessResult,
  type HarnessSpec,
  RESULT_MARKER,
  type SyntaxErrorRecord,
} from './harnessResult';
import { cryptoRandom, type RandomSource } from './random';
import { SECONDS_PER_CALL, SUITES } from './suites';
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
  /** What the learner's code printed during this case. */
  printed?: string;
}

export interface GradedTask {
  id: string;
  title: string;
  lines: ResultLine[];
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
      tasks: GradedTask[];
      /** The content's feedback rules that apply, main diagnosis first. */
      feedback: Array<{ id: string; html: string }>;
      passedCount: number;
      totalCount: number;
      /** What the module printed while loading (top-level prints). */
      loadPrinted?: string;
    };

/** A Check's time limit for the whole program: loading plus every call, with room to spare. */
export const CHECK_TIMEOUT_SECONDS = 12;
const SECONDS_TO_LOAD = 2;
/**
 * Grades the learner's code: mints fresh test tokens, runs the code on each in
 * Python, judges every result against the reference, checks the code itself,
 * and picks the content's feedback for what went wrong.
 *
 * @example const report = await gradeExercise(exercise, code, runPython)
 */
export async function gradeExercise(
  definition: GradingDefinition,
  rawCode: string,
  runPython: RunPython,
  options: { random?: RandomSource; template?: BlankTemplate | undefined } = {},
): Promise<CheckReport> {
  const code = normalizeCode(rawCode);
  const lines = unfilledLines(code, options.template);
  const unfilled = describeUnfilled(lines);
  if (unfilled) return { kind: 'unfilled', lines, message: `${unfilled} Each ___ needs your code.` };
  const random = options.random ?? cryptoRandom;
  const suite = SUITES[definition.suite];
  const cases = await suite.mint(random);
  const spec: HarnessSpec = {
    code,
    calls: cases.map((minted) => minted.call),
    analyse: [...suite.functions],
    secondsPerCall: SECONDS_PER_CALL,
    secondsToLoad: SECONDS_TO_LOAD,
  };
  const program = `${harnessSource}\n_grade(json.loads(${JSON.stringify(JSON.stringify(spec))}))\n`;
  const run = await runPython(program, CHECK_TIMEOUT_SECONDS);
  const result = readResult(run.stdout);

  if (!result) return stoppedReport(run, suite.cases);
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
        ? `did not finish loading within ${SECONDS_TO_LOAD} s (an endless loop outside any function?)`
        : `stopped while loading: it ${describeCall({ ...record, id: 'load' }, SECONDS_TO_LOAD)}`;
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

  const judged = new Map<string, JudgedResult>();
  for (const minted of cases) {
    const record = result.calls.find((call) => call.id === minted.id);
    if (record) judged.set(minted.id, { judgement: minted.judge(record), record });
  }
  for (const judgement of suite.judgeCode(result.analysis)) judged.set(judgement.id, { judgement });

  const labels = new Map([...suite.cases, ...suite.codeChecks].map((info) => [info.id, info.label]));
  const line = (id: string, kind: ResultLine['kind']): ResultLine[] => {
    const entry = judged.get(id);
    if (!entry) return [];
    const printed = entry.record?.printed;
    return [{ id, kind, label: labels.get(id) ?? id, ...entry.judgement, ...(printed ? { printed } : {}) }];
  };
  const tasks = definition.tasks.map((task) => ({
    id: task.id,
    title: task.title,
    lines: [...task.cases.flatMap((id) => line(id, 'case')), ...task.checks.flatMap((id) => line(id, 'check'))],
  }));
  const results = tasks.flatMap((task) => task.lines);
  const passedCount = results.filter((entry) => entry.passed).length;
  const passed = passedCount === results.length && results.length > 0;
  const feedback = passed ? [] : matchFeedback(definition.feedback, judged).map(({ id, html }) => ({ id, html }));
  return {
    kind: 'graded',
    passed,
    tasks,
    feedback,
    passedCount,
    totalCount: results.length,
    message: passed
      ? `All ${results.length} checks passed.`
      : `${passedCount} of ${results.length} checks passed; ${results.length - passedCount} failed.`,
    ...(result.loadPrinted ? { loadPrinted: result.loadPrinted } : {}),
  };
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
          ? `The checks were stopped after ${CHECK_TIMEOUT_SECONDS} s${during}: your code kept running (an endless loop that catches every exception?). ${kept}`
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
