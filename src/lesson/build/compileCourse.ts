import path from 'node:path';
import type { Quiz } from '../../quiz/types.ts';
import type { CompiledCourse, CompiledLesson, OutlineLesson } from '../types.ts';
import { type CompiledLessonFile, compileLessonFile } from './compileLesson.ts';
import type { EmbedChunk } from './embedCompiler.ts';
import { ContentError } from './errors.ts';
import { TokenClasses } from './highlight.ts';
import { loadOutline, OUTLINE_FILE } from './outline.ts';

export interface CompiledContent {
  course: CompiledCourse | undefined;
  lessons: Map<string, CompiledLesson>;
  /** What embeds load on demand, by `<embed>/<lesson id>/<id>` (`virtual:embed-data/<that key>`). */
  chunks: Map<string, EmbedChunk>;
  /** Every quiz, by `<lesson id>/<quiz id>`: the quiz chunks' data, for the content tests. */
  quizzes: Map<string, Quiz>;
  errors: ContentError[];
  /** Every file the content was read from, for the dev server to watch. */
  files: string[];
  /** CSS for the token classes the highlighted code uses, in both themes. */
  codeStylesheet: string;
}

/**
 * Compiles the whole course under `lessonsDir`: the outline and every lesson,
 * cross-checked (next lesson, links between lessons). Collects all errors
 * rather than stopping at the first.
 *
 * @example const { course, lessons, errors } = await compileCourse('/repo/lessons', '/repo')
 */
export async function compileCourse(lessonsDir: string, rootDir: string): Promise<CompiledContent> {
  const relative = (file: string) => path.relative(rootDir, file).split(path.sep).join('/');
  const { outline, lessonFolders, errors } = await loadOutline(lessonsDir, relative);
  const files = [path.join(lessonsDir, OUTLINE_FILE)];

  const tokenClasses = new TokenClasses();
  const compiled = new Map<string, CompiledLessonFile>();
  const chunks = new Map<string, EmbedChunk>();
  const quizzes = new Map<string, Quiz>();
  for (const folder of lessonFolders) {
    const file = path.join(lessonsDir, folder, 'lesson.md');
    const lesson = await compileLessonFile({ file, relative, tokenClasses });
    files.push(file, ...lesson.includedFiles);
    errors.push(...lesson.errors);
    compiled.set(folder, lesson);
    for (const [key, chunk] of lesson.chunks) {
      const [embed] = key.split('/', 1);
      chunks.set(`${embed}/${folder}/${chunk.id}`, chunk);
      if (embed === 'quiz') quizzes.set(`${folder}/${chunk.id}`, chunk.data as Quiz);
    }
  }
  const codeStylesheet = tokenClasses.stylesheet();
  if (!outline) return { course: undefined, lessons: new Map(), chunks, quizzes, errors, files, codeStylesheet };

  const entries: OutlineLesson[] = outline.lessons.map((lesson) => ({
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    available: !lesson.upcoming && compiled.has(lesson.id),
    parts: (compiled.get(lesson.id)?.parts ?? []).map(({ id, ...part }) => ({ key: `${lesson.id}/${id}`, ...part })),
  }));
  const entryOf = (id: string) => entries.find((entry) => entry.id === id);

  const lessons = new Map<string, CompiledLesson>();
  for (const [id, lesson] of compiled) {
    for (const link of lesson.links) {
      const target = entryOf(link.lessonId);
      if (!target) {
        errors.push(
          new ContentError(
            'ERR_LESSON_LINK',
            `Link to lesson "${link.lessonId}", which the course does not have`,
            link.where,
          ),
        );
      } else if (!target.available) {
        errors.push(
          new ContentError(
            'ERR_LESSON_LINK',
            `Link to lesson "${link.lessonId}", which has no content yet (upcoming)`,
            link.where,
          ),
        );
      } else if (link.headingId !== undefined && !compiled.get(link.lessonId)?.ids.has(link.headingId)) {
        errors.push(
          new ContentError(
            'ERR_LESSON_LINK',
            `Link to "#${link.headingId}", which is not a heading or embed id of lesson "${link.lessonId}"`,
            link.where,
          ),
        );
      }
    }

    const frontMatter = lesson.frontMatter;
    const entry = entryOf(id);
    if (!frontMatter || !entry) continue;
    if (frontMatter.title !== entry.title) {
      errors.push(
        new ContentError(
          'ERR_FRONT_MATTER',
          `title "${frontMatter.title}" differs from the outline's "${entry.title}"; keep them the same`,
          lesson.locateFrontMatter('title'),
        ),
      );
    }
    const next = frontMatter.next ? entryOf(frontMatter.next) : undefined;
    if (frontMatter.next && !next) {
      errors.push(
        new ContentError(
          'ERR_LESSON_LINK',
          `next: "${frontMatter.next}" is not a lesson of the course outline`,
          lesson.locateFrontMatter('next'),
        ),
      );
    }
    const index = entries.indexOf(entry);
    lessons.set(id, {
      id,
      title: frontMatter.title,
      summary: frontMatter.summary,
      minutes: frontMatter.minutes,
      next: next ?? null,
      previous: index > 0 ? (entries[index - 1] ?? null) : null,
      headings: lesson.headings,
      sections: lesson.sections,
    });
  }

  errors.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    course: { id: outline.id, title: outline.title, lessons: entries },
    lessons,
    chunks,
    quizzes,
    errors,
    files,
    codeStylesheet,
  };
}
