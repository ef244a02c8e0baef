import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { type CompiledContent, compileCourse } from './compileCourse.ts';
import { ContentBuildError, formatContentErrors } from './errors.ts';

const COURSE_ID = 'virtual:course';
const LESSON_PREFIX = 'virtual:lesson/';
const CODE_CSS_ID = 'virtual:lesson-code.css';

/**
 * Compiles `lessons/` at build time and serves it as modules:
 * `virtual:course` (the outline and a lazy loader per lesson) and
 * `virtual:lesson/<id>` (one lesson's page data), and
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
      if (id === COURSE_ID || id === CODE_CSS_ID || id.startsWith(LESSON_PREFIX)) return `\0${id}`;
      return undefined;
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
          if ([COURSE_ID, CODE_CSS_ID, LESSON_PREFIX].some((prefix) => module.id?.startsWith(`\0${prefix}`))) {
            server.moduleGraph.invalidateModule(module);
          }
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
