import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { type CompiledContent, compileCourse } from './compileCourse.ts';
import type { EmbedChunk } from './embedCompiler.ts';
import { ContentBuildError, formatContentErrors } from './errors.ts';

const COURSE_ID = 'virtual:course';
const LESSON_PREFIX = 'virtual:lesson/';
const CODE_CSS_ID = 'virtual:lesson-code.css';
const EMBED_DATA_ID = 'virtual:embed-data';
const EMBED_DATA_PREFIX = 'virtual:embed-data/';

/** Every module this plugin serves: one list, for resolving and for invalidating alike. */
const VIRTUAL_IDS = [COURSE_ID, CODE_CSS_ID, EMBED_DATA_ID] as const;
const VIRTUAL_PREFIXES = [LESSON_PREFIX, EMBED_DATA_PREFIX] as const;

/** Whether `id` (as the importer wrote it) is one of the course's virtual modules. */
export const isCourseModule = (id: string): boolean =>
  (VIRTUAL_IDS as readonly string[]).includes(id) || VIRTUAL_PREFIXES.some((prefix) => id.startsWith(prefix));

/** A module of lazy loaders, one per key, each importing `<prefix><key>`. */
const loaderModule = (name: string, keys: Iterable<string>, prefix: string) =>
  `export const ${name} = {\n${[...keys].map((key) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(prefix + key)}),`).join('\n')}\n};\n`;

/** An embed's lazily loaded data as a module: its JSON, with each module field imported into the same chunk. */
function chunkModule(chunk: EmbedChunk): string {
  const modules = Object.entries(chunk.modules ?? {}).filter((entry): entry is [string, string] => !!entry[1]);
  const data = JSON.stringify(chunk.data);
  if (modules.length === 0) return `export default ${data};\n`;
  const imports = modules.map(([, file], index) => `import module${index} from ${JSON.stringify(file)};\n`).join('');
  const fields = modules.map(([field], index) => `${JSON.stringify(field)}: module${index}`).join(', ');
  return `${imports}export default { ...${data}, ${fields} };\n`;
}

/**
 * Compiles `lessons/` at build time and serves it as modules:
 * `virtual:course` (the outline and a lazy loader per lesson) and
 * `virtual:lesson/<id>` (one lesson's page data),
 * `virtual:embed-data` (a lazy loader per embed that loads data of its own) and
 * `virtual:embed-data/<embed>/<lesson>/<id>` (that data: an exercise's checks, feedback,
 * hints, solution and suite; a quiz's questions), and
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
      if (id === `\0${EMBED_DATA_ID}`) {
        return loaderModule('embedDataLoaders', (await compiledOrThrow()).chunks.keys(), EMBED_DATA_PREFIX);
      }
      if (id.startsWith(`\0${EMBED_DATA_PREFIX}`)) {
        const chunk = (await compiledOrThrow()).chunks.get(id.slice(EMBED_DATA_PREFIX.length + 1));
        if (!chunk) return this.error(`No compiled embed data for ${id.slice(1)}`);
        return chunkModule(chunk);
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
          // Every virtual module, embed data included: each is compiled from the lessons' files.
          if (module.id?.startsWith('\0') && isCourseModule(module.id.slice(1))) {
            server.moduleGraph.invalidateModule(module);
          }
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
