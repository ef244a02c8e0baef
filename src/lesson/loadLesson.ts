import { lessonLoaders } from 'virtual:course';
import { loadOnceBy } from '../lib/loadOnce';
import { loadEmbedComponent } from './embeds';
import type { CompiledLesson, EmbedData } from './types';

const loaded = new Map<string, CompiledLesson>();

/** The embeds of a lesson in page order: the islands of a prerendered page are numbered by it. */
export function lessonEmbeds(lesson: CompiledLesson): EmbedData[] {
  return lesson.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.type === 'embed' ? [block.embed] : [])),
  );
}

/** Loads a lesson's data chunk once (its text, embeds' data, headings); not its embeds' code. */
export const loadLessonData: (lessonId: string) => Promise<CompiledLesson> = loadOnceBy((lessonId: string) => {
  const loader = lessonLoaders[lessonId];
  if (!loader) return Promise.reject(new Error(`No lesson "${lessonId}" in this build`));
  return loader().then((module) => module.default);
});

/** Loads a lesson and the components of every embed it uses, so the whole page can render. */
export const loadLesson: (lessonId: string) => Promise<CompiledLesson> = loadOnceBy(async (lessonId: string) => {
  const lesson = await loadLessonData(lessonId);
  await provideLesson(lesson);
  return lesson;
});

/** The lesson if it and its embeds' code are already here, so a render (or hydration) needs no wait. */
export function getLoadedLesson(lessonId: string): CompiledLesson | undefined {
  return loaded.get(lessonId);
}

/** For the server render, which has the data in hand (and must load the embeds' code). */
export async function provideLesson(lesson: CompiledLesson): Promise<void> {
  await Promise.all([...new Set(lessonEmbeds(lesson).map((embed) => embed.name))].map(loadEmbedComponent));
  loaded.set(lesson.id, lesson);
}
