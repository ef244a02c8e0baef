/// <reference types="vite/client" />

declare module 'virtual:course' {
  import type { CompiledCourse, CompiledLesson } from './lesson/types';
  export const course: CompiledCourse;
  /** One lazy loader per lesson with content: each lesson is its own chunk. */
  export const lessonLoaders: Record<string, () => Promise<{ default: CompiledLesson }>>;
}

/** The colours of build-time highlighted code, as classes for both themes. */
declare module 'virtual:lesson-code.css';
