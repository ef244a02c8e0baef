// @vitest-environment node
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/exercise/editor/index.ts';
import { type CheckReport, gradeExercise, type RunPython } from '../../src/exercise/index.ts';
import { TokenClasses } from '../../src/lesson/build/highlight.ts';
import { type CompiledExercise, compileExercise } from '../../src/lesson/embeds/exercise/compileExercise.ts';
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
    if (!found.suite) throw new Error('no suite');
    return { ...found, embed: found.embed, details: { ...found.details, suite: found.suite } };
  };

  it('compiles without content errors', () => {
    expect(compiled.get(file)?.errors.map((error) => error.format())).toEqual([]);
  });

  it('the starter code fails the checks', async () => {
    const { embed, details } = exercise();
    const report = await gradeExercise(details, embed.starter.source, runPython, { seed: 1 });
    expect(report.kind === 'graded' ? report.passed : false).toBe(false);
  });

  it('every reference solution and right program passes every check, with 5 seeds', { timeout: 600_000 }, async () => {
    const { details, solutions, rightPrograms } = exercise();
    const programs = [...solutions.map((code, index) => ({ name: `solution ${index + 1}`, code })), ...rightPrograms];
    for (const [index, program] of programs.entries()) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const report = await gradeExercise(details, program.code, runPython, { seed: seed * 100 + index });
        expect(summary(report), `${program.name}, seed ${seed}`).toEqual({ passed: true, failing: [], feedback: [] });
      }
    }
  });

  it('no feedback or fallback shows solving code the instructions and starter do not', () => {
    const { details, embed, solutions } = exercise();
    const squash = (text: string) => text.replace(/\s+/g, '');
    const visible = squash(`${embed.instructionsHtml}${embed.contractHtml}${embed.starter.source}`);
    const starterLines = new Set(embed.starter.source.split('\n').map(squash));
    const added = solutions
      .flatMap((code) => code.split('\n'))
      .map(squash)
      .filter((line) => line.length >= 5 && !starterLines.has(line));
    const texts = [
      ...details.feedback.map((rule) => ({ id: rule.id, html: rule.html })),
      ...details.tasks.map((task) => ({ id: `task ${task.id}`, html: task.fallbackHtml })),
    ];
    const leaks = texts.flatMap(({ id, html }) =>
      [...html.matchAll(/`([^`]+)`/g)]
        .map((match) => squash(match[1] ?? ''))
        .filter((code) => code.length >= 5 && !visible.includes(code))
        .filter((code) => added.some((line) => line.includes(code) || code.includes(line)))
        .map((code) => `${id}: ${code}`),
    );
    expect(leaks).toEqual([]);
  });

  it('every sample wrong answer fails with its own feedback first', { timeout: 600_000 }, async () => {
    const { details, wrongAnswers, embed } = exercise();
    // As the page does: a program that still fits the starter's blanks is told which blank failed.
    const template = embed.editing === 'blanks' ? parseTemplate(embed.starter.source) : undefined;
    for (const answer of wrongAnswers) {
      for (const seed of [7, 8]) {
        const report = await gradeExercise(details, answer.code, runPython, { seed, template });
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
