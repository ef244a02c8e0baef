/// <reference types="vite/client" />

declare module 'virtual:course' {
  import type { CompiledCourse, CompiledLesson } from './lesson/types';
  export const course: CompiledCourse;
  /** One lazy loader per lesson with content: each lesson is its own chunk. */
  export const lessonLoaders: Record<string, () => Promise<{ default: CompiledLesson }>>;
}

/** The colours of build-time highlighted code, as classes for both themes. */
declare module 'virtual:lesson-code.css';

declare module 'virtual:embed-data' {
  /**
   * One lazy loader per embed that loads data of its own (an exercise's details, a quiz's
   * questions), by `<embed>/<lesson id>/<id>`: each is its own chunk. Typed by the embed's
   * declaration in src/lesson/embedData.ts.
   */
  export const embedDataLoaders: Record<string, () => Promise<{ default: unknown }>>;
}

/** Bytes of Python's first download (interpreter + standard library), summed at build time. */
declare const __PYTHON_DOWNLOAD_BYTES__: number;
