import { lessonLoaders } from 'virtual:course';
import type { CompiledLesson } from './types';

const loaded = new Map<string, CompiledLesson>();
const loading = new Map<string, Promise<CompiledLesson>>();

/** Loads a lesson's chunk once; later calls share the same promise. */
export function loadLesson(lessonId: string): Promise<CompiledLesson> {
  const existing = loading.get(lessonId);
  if (existing) return existing;
  const loader = lessonLoaders[lessonId];
  if (!loader) return Promise.reject(new Error(`No lesson "${lessonId}" in this build`));
  const promise = loader().then((module) => {
    loaded.set(lessonId, module.default);
    return module.default;
  });
  promise.catch(() => loading.delete(lessonId)); // let a later visit retry a failed download
  loading.set(lessonId, promise);
  return promise;
}

/** The lesson if its chunk is already here, so a render (or hydration) needs no wait. */
export function getLoadedLesson(lessonId: string): CompiledLesson | undefined {
  return loaded.get(lessonId);
}

/** For the server render, which has the data in hand. */
export function provideLesson(lesson: CompiledLesson): void {
  loaded.set(lesson.id, lesson);
}
