import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { compileCourse } from '../../src/lesson/build/index.ts';
import type { CompiledLesson } from '../../src/lesson/types.ts';
import type { Quiz } from '../../src/quiz/types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What the content tests read of the compiled course: plain data, so it can cross to the test workers. */
export interface CompiledCourseData {
  /** Every content error, formatted. */
  errors: string[];
  lessons: [string, CompiledLesson][];
  quizzes: [string, Quiz][];
}

declare module 'vitest' {
  export interface ProvidedContext {
    compiledCourse: CompiledCourseData;
  }
}

/** Compiles the whole course (several seconds on a busy machine): run once, by the global setup. */
export async function compileCourseData(): Promise<CompiledCourseData> {
  const compiled = await compileCourse(path.join(root, 'lessons'), root);
  return {
    errors: compiled.errors.map((error) => error.format()),
    lessons: [...compiled.lessons],
    quizzes: [...compiled.quizzes],
  };
}

/** The course as the global setup compiled it once for every test file. */
export function compiledCourse() {
  const data = inject('compiledCourse');
  return { errors: data.errors, lessons: new Map(data.lessons), quizzes: new Map(data.quizzes) };
}
