import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { type CompiledContent, compileCourse } from './compileCourse.ts';
import { ContentBuildError, formatContentErrors } from './errors.ts';

const COURSE_ID = 'virtual:course';
const LESSON_PREFIX = 'virtual:lesson/';
const CODE_CSS_ID = 'virtual:lesson-code.css';
const EXERCISES_ID = 'virtual:exercises';
const EXERCISE_PREFIX = 'virtual:exercise/';
const QUIZZES_ID = 'virtual:quizzes';
const QUIZ_PREFIX = 'virtual:quiz/';

/** Every module this plugin serves: one list, for resolving and for invalidating alike. */
const VIRTUAL_IDS = [COURSE_ID, CODE_CSS_ID, EXERCISES_ID, QUIZZES_ID] as const;
const VIRTUAL_PREFIXES = [LESSON_PREFIX, EXERCISE_PREFIX, QUIZ_PREFIX] as const;

/** Whether `id` (as the importer wrote it) is one of the course's virtual modules. */
export const isCourseModule = (id: string): boolean =>
  (VIRTUAL_IDS as readonly string[]).includes(id) || VIRTUAL_PREFIXES.some((prefix) => id.startsWith(prefix));

/** A module of lazy loaders, one per key, each importing `<prefix><key>`. */
const loaderModule = (name: string, keys: Iterable<string>, prefix: string) =>
  `export const ${name} = {\n${[...keys].map((key) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(prefix + key)}),`).join('\n')}\n};\n`;

/**
 * Compiles `lessons/` at build time and serves it as modules:
 * `virtual:course` (the outline and a lazy loader per lesson) and
 * `virtual:lesson/<id>` (one lesson's page data),
 * `virtual:exercises` (a lazy loader per exercise) and `virtual:exercise/<lesson>/<id>`
 * (an exercise's checks, feedback, hints and solution), and
 * `virtual:lesson-code.css` (the colours of highlighted code). Content errors fail the
 * build, all listed with file and line; in dev they show in the overlay.
 */
export function lessonsPlugin(options: { lessonsDir: string; rootDir: string }): Plugin {
  let content: Promise<CompiledContent> | undefined;
  const compile = () => {
    content ??= compileCourse(options.lessonsDir, options.rootDir);
    return content;
  };
  const compiledOrThrow = async () => {
    const compiled = await compile();
    if (compiled.errors.length > 0) throw new ContentBuildError(compiled.errors);
    return compiled;
  };

  return {
    name: 'course-lessons',
    async buildStart() {
      content = undefined;
      const compiled = await compile();
      for (const file of compiled.files) this.addWatchFile(file);
      if (compiled.errors.length > 0) this.error(formatContentErrors(compiled.errors));
    },
    resolveId(id) {
      return isCourseModule(id) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (id === `\0${COURSE_ID}`) {
        const { course, lessons } = await compiledOrThrow();
        const loaders = [...lessons.keys()]
          .map(
            (lessonId) => `  ${JSON.stringify(lessonId)}: () => import(${JSON.stringify(LESSON_PREFIX + lessonId)}),`,
          )
          .join('\n');
        return `export const course = ${JSON.stringify(course)};\nexport const lessonLoaders = {\n${loaders}\n};\n`;
      }
      if (id === `\0${CODE_CSS_ID}`) return (await compiledOrThrow()).codeStylesheet;
      if (id === `\0${EXERCISES_ID}`) {
        return loaderModule('exerciseLoaders', (await compiledOrThrow()).exercises.keys(), EXERCISE_PREFIX);
      }
      if (id === `\0${QUIZZES_ID}`) {
        return loaderModule('quizLoaders', (await compiledOrThrow()).quizzes.keys(), QUIZ_PREFIX);
      }
      if (id.startsWith(`\0${QUIZ_PREFIX}`)) {
        const quiz = (await compiledOrThrow()).quizzes.get(id.slice(QUIZ_PREFIX.length + 1));
        if (!quiz) return this.error(`No compiled quiz for ${id.slice(1)}`);
        return `export default ${JSON.stringify(quiz)};\n`;
      }
      if (id.startsWith(`\0${EXERCISE_PREFIX}`)) {
        const { exercises } = await compiledOrThrow();
        const details = exercises.get(id.slice(EXERCISE_PREFIX.length + 1));
        if (!details) return this.error(`No compiled exercise for ${id.slice(1)}`);
        // The suite (the exercise's contract as code) lives in the lesson's folder and comes in this chunk.
        return `import suite from ${JSON.stringify(details.suiteFile)};\nexport default { ...${JSON.stringify(details.data)}, suite };\n`;
      }
      if (id.startsWith(`\0${LESSON_PREFIX}`)) {
        const { lessons } = await compiledOrThrow();
        const lesson = lessons.get(id.slice(LESSON_PREFIX.length + 1));
        if (!lesson) return this.error(`No compiled lesson for ${id.slice(1)}`);
        return `export default ${JSON.stringify(lesson)};\n`;
      }
      return undefined;
    },
    configureServer(server: ViteDevServer) {
      const lessonsDir = path.resolve(options.lessonsDir);
      server.watcher.add(lessonsDir);
      server.watcher.on('all', (_event, file) => {
        if (!path.resolve(file).startsWith(lessonsDir + path.sep)) return;
        content = undefined;
        for (const module of server.moduleGraph.idToModuleMap.values()) {
          // Every virtual module, quizzes included: each is compiled from the lessons' files.
          if (module.id?.startsWith('\0') && isCourseModule(module.id.slice(1))) {
            server.moduleGraph.invalidateModule(module);
          }
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
