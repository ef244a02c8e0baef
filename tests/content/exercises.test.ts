// @vitest-environment node
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckReport, gradeExercise, type RunPython, seededRandom } from '../../src/exercise/index.ts';
import { type CompiledExercise, compileExercise } from '../../src/lesson/build/compileExercise.ts';
import { TokenClasses } from '../../src/lesson/build/highlight.ts';
import { nodeRunPython } from '../support/nodePython.ts';

/*
 * Content tests for every exercise of every lesson, with real Python (Pyodide in Node):
 * the starter fails its checks, every reference solution passes them all, and every
 * sample wrong answer fails with the feedback the content pairs it with.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const exerciseFiles = readdirSync(path.join(root, 'lessons'), { recursive: true, encoding: 'utf8' })
  .filter((file) => /(^|\/)exercise\.ya?ml$/.test(file))
  .sort()
  .map((file) => path.join(root, 'lessons', file));

let runPython: RunPython;
const compiled = new Map<string, CompiledExercise>();

beforeAll(async () => {
  runPython = await nodeRunPython();
  const tokenClasses = new TokenClasses();
  for (const file of exerciseFiles) {
    compiled.set(
      file,
      await compileExercise({
        file,
        relative: (target) => path.relative(root, target),
        tokenClasses,
        markdownToHtml: async (markdown) => markdown,
      }),
    );
  }
}, 120_000);

const summary = (report: CheckReport) =>
  report.kind === 'graded'
    ? {
        passed: report.passed,
        failing: report.tasks.flatMap((task) =>
          task.lines.filter((line) => !line.passed).map((line) => `${line.id}: ${line.actual}`),
        ),
        feedback: report.feedback.map((rule) => rule.id),
      }
    : { kind: report.kind, message: report.message };

it("finds the lessons' exercises", () => {
  expect(exerciseFiles.map((file) => path.relative(root, file))).toEqual([
    'lessons/jwt-auth/exercises/expiry/exercise.yaml',
    'lessons/jwt-auth/exercises/verify_token/exercise.yaml',
  ]);
});

describe.each(exerciseFiles.map((file) => [path.relative(root, file), file]))('%s', (_name, file) => {
  const exercise = () => {
    const found = compiled.get(file);
    if (!found?.embed || !found.details) {
      throw new Error(`did not compile: ${found?.errors.map((error) => error.format()).join('\n')}`);
    }
    return { ...found, embed: found.embed, details: found.details };
  };

  it('compiles without content errors', () => {
    expect(compiled.get(file)?.errors.map((error) => error.format())).toEqual([]);
  });

  it('the starter code fails the checks', async () => {
    const { embed, details } = exercise();
    const report = await gradeExercise(details, embed.starter.source, runPython, { random: seededRandom(1) });
    expect(report.kind === 'graded' ? report.passed : false).toBe(false);
  });

  it('every reference solution passes every check, with several random test tokens', async () => {
    const { details, solutions } = exercise();
    for (const [index, solution] of solutions.entries()) {
      for (const seed of [1, 2, 3]) {
        const report = await gradeExercise(details, solution, runPython, { random: seededRandom(seed * 100 + index) });
        expect(summary(report), `solution ${index + 1}, seed ${seed}`).toEqual({
          passed: true,
          failing: [],
          feedback: [],
        });
      }
    }
  });

  it('every sample wrong answer fails with its own feedback first', async () => {
    const { details, wrongAnswers } = exercise();
    for (const answer of wrongAnswers) {
      for (const seed of [7, 8]) {
        const report = await gradeExercise(details, answer.code, runPython, { random: seededRandom(seed) });
        const got = summary(report);
        expect({
          answer: answer.name,
          passed: 'passed' in got && got.passed,
          first: 'feedback' in got ? got.feedback?.[0] : got,
        }).toEqual({
          answer: answer.name,
          passed: false,
          first: answer.feedback,
        });
      }
    }
  });
});
