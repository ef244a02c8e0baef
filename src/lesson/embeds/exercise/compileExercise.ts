import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fillTemplate, parseTemplate, templateProblems } from '../../../exercise/editor/blanks.ts';
import type { Suite } from '../../../exercise/suite.ts';
import { EDITING_MODES, type ExerciseDetailsData, type ExerciseEmbed } from '../../../exercise/types.ts';
import { errorMessage } from '../../../lib/errorMessage.ts';
import { ContentError } from '../../build/errors.ts';
import { highlightCode, type TokenClasses } from '../../build/highlight.ts';
import { stableId } from '../../build/schemas.ts';
import { parseYamlData } from '../../build/yamlData.ts';

const condition = z
  .strictObject({
    case: z.string().optional(),
    tag: z.string().optional(),
    check: z.string().optional(),
    passed: z.boolean().optional(),
    outcome: z.enum(['returned', 'raised', 'timeout', 'missing']).optional(),
    raised: z.string().optional(),
    message: z.string().optional(),
    reason: z.string().optional(),
    cause: z.string().optional(),
    blank: z.number().int().min(1).optional(),
  })
  .refine((value) => [value.case, value.tag, value.check].filter((subject) => subject !== undefined).length === 1, {
    message: 'a condition names exactly one of case, tag or check',
  });

const codeSource = z.union([
  z.strictObject({ file: z.string().min(1) }),
  z.strictObject({ blanks: z.array(z.string()).min(1) }),
]);

const markdown = z.string().trim().min(1);

export const exerciseSchema = z.strictObject({
  id: stableId,
  title: z.string().trim().min(1),
  /** The suite: a TypeScript file in the exercise's folder whose default export is the contract as code. */
  suite: z.string().min(1),
  editing: z.enum(EDITING_MODES),
  /** A bonus exercise is not needed to complete the lesson. */
  bonus: z.boolean().default(false),
  starter: z.string().min(1),
  instructions: markdown,
  /** Exactly what must be accepted and rejected, and how: shown to the learner, enforced by the suite. */
  contract: markdown,
  tasks: z
    .array(
      z.strictObject({
        id: stableId,
        title: z.string().trim().min(1),
        cases: z.array(z.string()).default([]),
        groups: z.array(z.string()).default([]),
        checks: z.array(z.string()).default([]),
        /** What the learner reads when this task fails and no feedback rule applies: true for any failure. */
        fallback: markdown,
      }),
    )
    .min(1),
  hints: z.array(markdown).min(1),
  solutions: z.array(codeSource).min(1),
  feedback: z.array(z.strictObject({ id: stableId, when: z.array(condition).min(1), message: markdown })).min(1),
  'wrong-answers': z
    .array(z.intersection(codeSource, z.strictObject({ name: z.string().trim().min(1), feedback: stableId })))
    .min(1),
});

type ExerciseFile = z.infer<typeof exerciseSchema>;

/** A sample wrong answer from the content, with the feedback it must get (for the content tests). */
export interface WrongAnswer {
  name: string;
  code: string;
  feedback: string;
}

export interface CompiledExercise {
  embed: ExerciseEmbed | undefined;
  details: ExerciseDetailsData | undefined;
  /** The suite's file (absolute) and its module, loaded at build time to check the content against it. */
  suiteFile: string | undefined;
  suite: Suite | undefined;
  /** The full code of every reference solution. */
  solutions: string[];
  /** More right programs (programs/right/*.py): each must pass, whatever the seed. */
  rightPrograms: Array<{ name: string; code: string }>;
  wrongAnswers: WrongAnswer[];
  /** Files read, for the dev server to watch. */
  files: string[];
  errors: ContentError[];
}

/**
 * Compiles an exercise's YAML (see lessons/README.md) into page data, checking
 * everything that can be checked without running Python: the schema, the
 * suite and its case ids, that the tasks cover every case once, the blanks of
 * the starter and of every blanks-form answer, the files, and that every
 * feedback message is proven by at least one sample wrong answer.
 */
export async function compileExercise(options: {
  /** Absolute path of the exercise's YAML file. */
  file: string;
  relative: (file: string) => string;
  markdownToHtml: (markdown: string) => Promise<string>;
  tokenClasses: TokenClasses;
}): Promise<CompiledExercise> {
  const { file, relative, markdownToHtml, tokenClasses } = options;
  const folder = path.dirname(file);
  const relFile = relative(file);
  const result: CompiledExercise = {
    embed: undefined,
    details: undefined,
    suiteFile: undefined,
    suite: undefined,
    solutions: [],
    rightPrograms: [],
    wrongAnswers: [],
    files: [file],
    errors: [],
  };
  const errors = result.errors;

  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
  } catch {
    errors.push(new ContentError('ERR_MISSING_FILE', `No exercise file at ${relFile}`, { file: relFile }));
    return result;
  }
  const parsed = parseYamlData(exerciseSchema, { text, file: relFile, firstLine: 1, code: 'ERR_EXERCISE' });
  errors.push(...parsed.errors);
  const data = parsed.data;
  if (!data) return result;
  const problem = (message: string, at: readonly PropertyKey[]) =>
    errors.push(new ContentError('ERR_EXERCISE', message, parsed.locate(at)));

  // The suite and what the content says about its cases, groups and checks.
  const suiteFile = path.resolve(folder, data.suite);
  if (path.isAbsolute(data.suite) || !insideFolder(folder, suiteFile) || !/\.ts$/.test(suiteFile)) {
    problem(`"${data.suite}" must be a .ts file inside the exercise's folder`, ['suite']);
    return result;
  }
  result.files.push(suiteFile);
  let suite: Suite;
  try {
    suite = await loadSuite(suiteFile);
  } catch (error) {
    problem(`the suite ${data.suite} could not be loaded: ${errorMessage(error)}`, ['suite']);
    return result;
  }
  result.suiteFile = suiteFile;
  result.suite = suite;
  const known = {
    cases: new Set(suite.cases.map((info) => info.id)),
    groups: new Set(suite.groups.map((info) => info.id)),
    checks: new Set(suite.checks.map((info) => info.id)),
  };
  const placed = new Map<string, string>();
  data.tasks.forEach((task, taskIndex) => {
    for (const kind of ['cases', 'groups', 'checks'] as const) {
      task[kind].forEach((id, index) => {
        if (!known[kind].has(id)) {
          problem(
            `${kind.slice(0, -1)} "${id}" is not in the suite ${data.suite}; it has: ${[...known[kind]].join(', ')}`,
            ['tasks', taskIndex, kind, index],
          );
        } else if (placed.has(id)) {
          problem(`"${id}" is already listed under the task "${placed.get(id)}"`, ['tasks', taskIndex, kind, index]);
        } else {
          placed.set(id, task.id);
        }
      });
    }
  });
  const unplaced = [...known.cases, ...known.groups, ...known.checks].filter((id) => !placed.has(id));
  if (unplaced.length > 0)
    problem(`every case, group and check must be under a task; not placed: ${unplaced.join(', ')}`, ['tasks']);
  for (const id of duplicates(data.tasks.map((task) => task.id))) problem(`two tasks have the id "${id}"`, ['tasks']);

  data.feedback.forEach((rule, ruleIndex) => {
    rule.when.forEach((when, index) => {
      const at = ['feedback', ruleIndex, 'when', index];
      if (when.case !== undefined && !known.cases.has(when.case))
        problem(`case "${when.case}" is not in the suite ${data.suite}`, at);
      if (when.check !== undefined && !known.checks.has(when.check))
        problem(`check "${when.check}" is not in the suite ${data.suite}`, at);
      if (when.message !== undefined) {
        try {
          new RegExp(when.message, 'i');
        } catch (error) {
          problem(`message is not a valid regular expression: ${errorMessage(error)}`, at);
        }
      }
    });
  });
  const ruleIds = data.feedback.map((rule) => rule.id);
  for (const id of duplicates(ruleIds)) problem(`two feedback messages have the id "${id}"`, ['feedback']);

  // The starter and its blanks.
  const starter = await readCode(data.starter, ['starter']);
  if (starter === undefined) return result;
  const template = parseTemplate(starter);
  if (data.editing === 'blanks') {
    for (const message of templateProblems(starter)) problem(`${data.starter}: ${message}`, ['starter']);
  }
  const codeOf = async (source: ExerciseFile['solutions'][number], at: PropertyKey[]): Promise<string | undefined> => {
    if ('file' in source) return readCode(source.file, [...at, 'file']);
    if (data.editing !== 'blanks') {
      problem('"blanks:" answers need "editing: blanks"; give a file instead', at);
      return undefined;
    }
    const blanks = template.segments.length - 1;
    if (source.blanks.length !== blanks) {
      problem(`the starter has ${blanks} blanks, but ${source.blanks.length} values are given`, [...at, 'blanks']);
      return undefined;
    }
    const multiLine = source.blanks.findIndex((value) => /[\r\n]/.test(value));
    if (multiLine >= 0) {
      problem('a blank holds one line; this value has a line break', [...at, 'blanks', multiLine]);
      return undefined;
    }
    return fillTemplate(template, source.blanks);
  };

  for (const [index, source] of data.solutions.entries()) {
    const code = await codeOf(source, ['solutions', index]);
    if (code !== undefined) result.solutions.push(code);
  }
  for (const [index, answer] of data['wrong-answers'].entries()) {
    const at = ['wrong-answers', index];
    if (!ruleIds.includes(answer.feedback))
      problem(`feedback "${answer.feedback}" is not among the feedback ids`, [...at, 'feedback']);
    const code = await codeOf(answer, at);
    if (code !== undefined) result.wrongAnswers.push({ name: answer.name, code, feedback: answer.feedback });
  }
  // More programs, one per file under programs/right and programs/wrong, each naming what it must get.
  for (const kind of ['right', 'wrong'] as const) {
    const dir = path.join(folder, 'programs', kind);
    let names: string[] = [];
    try {
      names = (await readdir(dir)).filter((name) => name.endsWith('.py')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const target = path.join(dir, name);
      result.files.push(target);
      const code = (await readFile(target, 'utf8')).replace(/\r\n?/g, '\n');
      const expect = /^# expect: ([a-z0-9-]+)\s*$/m.exec(code.split('\n', 3).join('\n'))?.[1];
      const where = { file: relative(target), line: 1 };
      if (!expect) {
        errors.push(
          new ContentError(
            'ERR_EXERCISE',
            'a program must start with "# expect: pass" or "# expect: <feedback id>"',
            where,
          ),
        );
      } else if (kind === 'right' && expect !== 'pass') {
        errors.push(new ContentError('ERR_EXERCISE', 'a program under programs/right must expect "pass"', where));
      } else if (kind === 'wrong' && !ruleIds.includes(expect)) {
        errors.push(new ContentError('ERR_EXERCISE', `feedback "${expect}" is not among the feedback ids`, where));
      } else {
        // Graded without its "# expect:" line, so a program filled into the starter still fits its blanks.
        const program = code.replace(/^# expect: [a-z0-9-]+[ \t]*\n/m, '');
        if (kind === 'right') result.rightPrograms.push({ name: `programs/right/${name}`, code: program });
        else result.wrongAnswers.push({ name: `programs/wrong/${name}`, code: program, feedback: expect });
      }
    }
  }
  const proven = new Set(result.wrongAnswers.map((answer) => answer.feedback));
  data.feedback.forEach((rule, index) => {
    if (!proven.has(rule.id))
      problem(`feedback "${rule.id}" has no sample wrong answer that proves it`, ['feedback', index, 'id']);
  });
  if (errors.length > 0) return result;

  const highlight = (code: string) => highlightCode(code, 'python', tokenClasses);
  result.embed = {
    name: 'exercise',
    id: data.id,
    title: data.title,
    editing: data.editing,
    starter: { source: starter, language: 'python', html: await highlight(starter) },
    starterFile: path.posix.join(path.basename(folder), data.starter),
    instructionsHtml: await markdownToHtml(data.instructions),
    contractHtml: await markdownToHtml(data.contract),
    hintCount: data.hints.length,
    bonus: data.bonus,
  };
  result.details = {
    tasks: await Promise.all(
      data.tasks.map(async ({ fallback, ...task }) => ({ ...task, fallbackHtml: await markdownToHtml(fallback) })),
    ),
    feedback: await Promise.all(
      data.feedback.map(async (rule) => ({ id: rule.id, when: rule.when, html: await markdownToHtml(rule.message) })),
    ),
    hintsHtml: await Promise.all(data.hints.map(markdownToHtml)),
    solution: {
      source: result.solutions[0] ?? '',
      language: 'python',
      html: await highlight(result.solutions[0] ?? ''),
    },
  };
  return result;

  async function readCode(src: string, at: readonly PropertyKey[]): Promise<string | undefined> {
    const target = path.resolve(folder, src);
    if (path.isAbsolute(src) || !insideFolder(folder, target) || !target.endsWith('.py')) {
      problem(`"${src}" must be a .py file inside the exercise's folder`, at);
      return undefined;
    }
    result.files.push(target);
    try {
      return (await readFile(target, 'utf8')).replace(/\r\n?/g, '\n');
    } catch {
      errors.push(
        new ContentError(
          'ERR_MISSING_FILE',
          `"${src}" names no file (looked for ${relative(target)})`,
          parsed.locate(at),
        ),
      );
      return undefined;
    }
  }
}

const insideFolder = (folder: string, target: string) => target.startsWith(folder + path.sep);

/** Imports a suite's TypeScript module at build time (through Vite's module runner). */
async function loadSuite(file: string): Promise<Suite> {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport<{ default?: Suite }>(file, { configFile: false, logLevel: 'silent' });
  const suite = module.default;
  if (!suite || typeof suite.mint !== 'function' || !Array.isArray(suite.cases)) {
    throw new Error('its default export is not a suite (defineSuite({...}))');
  }
  return suite;
}

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}
