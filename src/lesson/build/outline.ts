import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError } from './errors.ts';
import { type Outline, outlineSchema } from './schemas.ts';
import { parseYamlData } from './yamlData.ts';

export const OUTLINE_FILE = 'course.yaml';

export interface LoadedOutline {
  outline: Outline | undefined;
  /** Folders under lessons/ that hold a lesson.md. */
  lessonFolders: string[];
  errors: ContentError[];
}

/** Reads lessons/course.yaml and checks it against the lesson folders on disk. */
export async function loadOutline(lessonsDir: string, relative: (file: string) => string): Promise<LoadedOutline> {
  const file = path.join(lessonsDir, OUTLINE_FILE);
  const errors: ContentError[] = [];
  const lessonFolders = await findLessonFolders(lessonsDir);

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    errors.push(
      new ContentError('ERR_OUTLINE', `The course outline ${OUTLINE_FILE} is missing`, { file: relative(file) }),
    );
    return { outline: undefined, lessonFolders, errors };
  }

  const parsed = parseYamlData(outlineSchema, { text, file: relative(file), firstLine: 1, code: 'ERR_OUTLINE' });
  errors.push(...parsed.errors);
  const outline = parsed.data;
  if (!outline) return { outline, lessonFolders, errors };

  const seen = new Set<string>();
  for (const [index, lesson] of outline.lessons.entries()) {
    const where = parsed.locate(['lessons', index, 'id']);
    if (seen.has(lesson.id)) {
      errors.push(new ContentError('ERR_DUPLICATE_ID', `Lesson id "${lesson.id}" is listed twice`, where));
    }
    seen.add(lesson.id);
    if (!lesson.upcoming && !lessonFolders.includes(lesson.id)) {
      errors.push(
        new ContentError(
          'ERR_LESSON_MISSING',
          `Lesson "${lesson.id}" has no ${lesson.id}/lesson.md; add it, or mark the lesson "upcoming: true"`,
          where,
        ),
      );
    }
    if (lesson.upcoming && lessonFolders.includes(lesson.id)) {
      errors.push(
        new ContentError(
          'ERR_OUTLINE',
          `Lesson "${lesson.id}" is marked upcoming but has a lesson.md; remove "upcoming: true" to publish it`,
          where,
        ),
      );
    }
  }
  for (const folder of lessonFolders) {
    if (!seen.has(folder)) {
      errors.push(
        new ContentError('ERR_LESSON_NOT_IN_OUTLINE', `Lesson folder "${folder}" is not listed in ${OUTLINE_FILE}`, {
          file: relative(path.join(lessonsDir, folder, 'lesson.md')),
        }),
      );
    }
  }
  return { outline, lessonFolders, errors };
}

async function findLessonFolders(lessonsDir: string): Promise<string[]> {
  const entries = await readdir(lessonsDir, { withFileTypes: true }).catch(() => []);
  const folders: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(path.join(lessonsDir, entry.name)).catch(() => [] as string[]);
    if (files.includes('lesson.md')) folders.push(entry.name);
  }
  return folders.sort();
}
