// @vitest-environment node
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeExercise, type RunPython, type Suite } from '../../src/exercise/index.ts';
import type { ExerciseDetails } from '../../src/exercise/types.ts';
import { type CompiledContent, compileCourse } from '../../src/lesson/build/compileCourse.ts';
import { lessonsPlugin } from '../../src/lesson/build/vitePlugin.ts';
import { type SimulatorDefinition, SimulatorSession } from '../../src/sandbox/simulatorSession.ts';
import { nodeRunPython } from '../support/nodePython.ts';

/*
 * A second, small lesson (tests/fixtures/second-lesson) brings its own exercise suite and its
 * own simulator module, registered nowhere in src/: the build finds them through the lesson's
 * files alone, compiles them, bundles each into its embed's lazy chunk, and they run.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'tests/fixtures/second-lesson');
const lessonsDir = path.join(fixture, 'lessons');
const exerciseDir = path.join(lessonsDir, 'mini/exercises/double');

let content: CompiledContent;
let runPython: RunPython;

beforeAll(async () => {
  content = await compileCourse(lessonsDir, root);
  runPython = await nodeRunPython();
}, 120_000);

/** A chunk's module field, imported from the file the build named for it. */
async function moduleOf<T>(key: string, field: string): Promise<T> {
  const file = (content.chunks.get(key)?.modules as Record<string, string> | undefined)?.[field];
  if (!file) throw new Error(`no module ${field} in the chunk ${key}`);
  return ((await import(file)) as { default: T }).default;
}

describe('a second lesson with its own suite and simulator', () => {
  it('compiles without content errors, its embeds found through its own files', () => {
    expect(content.errors.map((error) => error.format())).toEqual([]);
    expect([...content.chunks.keys()].sort()).toEqual([
      'exercise/mini/double',
      'request-simulator/mini/hello-simulator',
    ]);
    expect(content.chunks.get('exercise/mini/double')?.modules).toEqual({ suite: path.join(exerciseDir, 'suite.ts') });
    expect(content.chunks.get('request-simulator/mini/hello-simulator')?.modules).toEqual({
      simulator: path.join(lessonsDir, 'mini/simulator/hello.ts'),
    });
    const embeds = JSON.stringify(content.lessons.get('mini'));
    expect(embeds).toContain('"buttons":[{"id":"hello","label":"Greet Ada"}]');
    expect(embeds).toContain('"legend":"Say hello"');
  });

  it('grades a right and a wrong program with its suite, in real Python', { timeout: 120_000 }, async () => {
    const suite = await moduleOf<Suite>('exercise/mini/double', 'suite');
    const details = { ...content.chunks.get('exercise/mini/double')?.data, suite } as ExerciseDetails;
    const grade = async (file: string) =>
      gradeExercise(details, await readFile(path.join(exerciseDir, file), 'utf8'), runPython, { seed: 1 });
    const right = await grade('solution.py');
    expect(right.kind === 'graded' && right.passed).toBe(true);
    const wrong = await grade('wrong/adds_one.py');
    expect(wrong.kind === 'graded' && wrong.passed).toBe(false);
    expect(wrong.kind === 'graded' ? wrong.feedback.map((rule) => rule.id) : []).toEqual(['not-doubled']);
  });

  it("runs its scenario through SimulatorSession and gets its API's answer", async () => {
    const simulator = await moduleOf<SimulatorDefinition>('request-simulator/mini/hello-simulator', 'simulator');
    const session = new SimulatorSession({
      secretKey: simulator.secretKey,
      login: simulator.login,
      loadApi: async (options) => simulator.createApi(options),
      now: () => 1_800_000_000,
      randomUUID: () => '00000000-0000-4000-8000-000000000000',
    });
    const [scenario] = simulator.scenarios;
    if (!scenario) throw new Error('no scenario');
    const run = await session.runScenario(scenario);
    expect(run.exchanges.map(({ method, path, response }) => [method, path, response.status, response.json])).toEqual([
      ['POST', '/hello', '200 OK', { greeting: 'Hello, Ada!' }],
    ]);
    expect(run.exchanges[0]?.note).toMatch(/^200: /);
  });

  describe('bundled with Vite', () => {
    const outDir = mkdtemp(path.join(tmpdir(), 'second-lesson-'));
    afterAll(async () => rm(await outDir, { recursive: true, force: true }));

    it('puts the suite and the simulator each in its embed chunk, out of the entry', { timeout: 120_000 }, async () => {
      const dir = await outDir;
      await writeFile(
        path.join(dir, 'entry.js'),
        "import { embedDataLoaders } from 'virtual:embed-data';\nexport const keys = Object.keys(embedDataLoaders);\nexport const load = (key) => embedDataLoaders[key]();\n",
      );
      const result = await build({
        root: dir,
        configFile: false,
        logLevel: 'silent',
        plugins: [lessonsPlugin({ lessonsDir, rootDir: root })],
        build: { write: false, minify: false, lib: { entry: path.join(dir, 'entry.js'), formats: ['es'] } },
      });
      const output = (Array.isArray(result) ? result : [result]).flatMap((item) =>
        'output' in item ? item.output : [],
      ) as (Rollup.OutputChunk | Rollup.OutputAsset)[];
      const chunks = output.filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      expect(entry?.code).not.toContain('Hello, ');
      expect(entry?.code).not.toContain('double(2)');
      expect(entry?.dynamicImports).toHaveLength(2);
      const lazy = chunks.filter((chunk) => !chunk.isEntry).map((chunk) => chunk.code);
      expect(lazy.some((code) => code.includes('Hello, ') && code.includes('Greet Ada'))).toBe(true);
      expect(lazy.some((code) => code.includes('double(2)'))).toBe(true);
    });
  });
});
