import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBED_NAMES } from '../embedList.ts';
import { isCourseModule, lessonsPlugin } from './vitePlugin.ts';

const root = await mkdtemp(path.join(tmpdir(), 'plugin-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function buildCourse(lesson: string) {
  const dir = await mkdtemp(path.join(root, 'case-'));
  const files: Record<string, string> = {
    'lessons/course.yaml': 'id: c\ntitle: C\nlessons:\n  - id: one\n    title: One\n    summary: S.\n',
    'lessons/one/lesson.md': lesson,
    'entry.js': "import { course, lessonLoaders } from 'virtual:course';\nconsole.log(course, lessonLoaders);\n",
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [lessonsPlugin({ lessonsDir: path.join(dir, 'lessons'), rootDir: dir })],
    build: { write: false, lib: { entry: path.join(dir, 'entry.js'), formats: ['es'] } },
  });
}

describe('lessonsPlugin', () => {
  it('fails the build with every content error, each with file and line', async () => {
    const broken = '---\nid: one\ntitle: One\nsummary: S.\nminutes: many\n---\n\n## A {#a}\n\n::mystery\n\n## B\n';
    await expect(buildCourse(broken)).rejects.toThrow(
      [
        '3 content errors:',
        '  lessons/one/lesson.md:5:10 ERR_FRONT_MATTER "minutes": Invalid input: expected number, received string',
        `  lessons/one/lesson.md:10:1 ERR_UNKNOWN_EMBED Unknown embed "mystery"; the embeds are: ${EMBED_NAMES.join(', ')}`,
        '  lessons/one/lesson.md:12:1 ERR_HEADING_ID Heading "B" needs an explicit id, e.g. "## B {#my-id}"',
      ].join('\n'),
    );
  });

  it('hands a valid course to the page as modules, one chunk per lesson', async () => {
    const output = await buildCourse('---\nid: one\ntitle: One\nsummary: S.\nminutes: 5\n---\n\n## A {#a}\n\nHello.\n');
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) =>
      'output' in result ? result.output : [],
    );
    const code = chunks.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
    expect(code).toMatch(/title: ?"C"/);
    expect(code).toContain('<p>Hello.</p>');
    expect(code).not.toMatch(/remark|unified|shiki/i);
  });

  it('invalidates every virtual module it serves when a lesson file changes, embed data included', () => {
    const plugin = lessonsPlugin({ lessonsDir: root, rootDir: root });
    const ids = [
      'virtual:course',
      'virtual:lesson-code.css',
      'virtual:lesson/one',
      'virtual:embed-data',
      'virtual:embed-data/exercise/one/ex',
      'virtual:embed-data/quiz/one/quiz',
    ];
    for (const id of ids) expect(isCourseModule(id), id).toBe(true);
    const modules = [...ids.map((id) => ({ id: `\0${id}` })), { id: '/src/main.tsx' }];
    const invalidated: string[] = [];
    const listeners: Array<(event: string, file: string) => void> = [];
    const server = {
      watcher: {
        add: () => undefined,
        on: (_name: string, listener: (event: string, file: string) => void) => listeners.push(listener),
      },
      moduleGraph: {
        idToModuleMap: new Map(modules.map((module) => [module.id, module])),
        invalidateModule: (module: { id: string }) => invalidated.push(module.id),
      },
      ws: { send: () => undefined },
    };
    const configure = plugin.configureServer as unknown as (server: unknown) => void;
    configure(server);
    for (const listener of listeners) listener('change', path.join(root, 'one', 'quiz.yaml'));
    expect(invalidated.sort()).toEqual(ids.map((id) => `\0${id}`).sort());
  });
});
