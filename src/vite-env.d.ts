/// <reference types="vite/client" />

declare module 'virtual:course' {
  import type { CompiledCourse, CompiledLesson } from './lesson/types';
  export const course: CompiledCourse;
  /** One lazy loader per lesson with content: each lesson is its own chunk. */
  export const lessonLoaders: Record<string, () => Promise<{ default: CompiledLesson }>>;
}

/** The colours of build-time highlighted code, as classes for both themes. */
declare module 'virtual:lesson-code.css';

declare module 'virtual:exercises' {
  import type { ExerciseDetails } from './exercise/types';
  /** One lazy loader per exercise, by `<lesson id>/<exercise id>`: each is its own chunk. */
  export const exerciseLoaders: Record<string, () => Promise<{ default: ExerciseDetails }>>;
}

declare module 'virtual:quizzes' {
  import type { Quiz } from './quiz/types';
  /** One lazy loader per quiz, by `<lesson id>/<quiz id>`: each is its own chunk. */
  export const quizLoaders: Record<string, () => Promise<{ default: Quiz }>>;
}

/** Bytes of Python's first download (interpreter + standard library), summed at build time. */
declare const __PYTHON_DOWNLOAD_BYTES__: number;
