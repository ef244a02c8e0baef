import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLesson } from '../lesson/loadLesson';
import type { CompiledCourse } from '../lesson/types';
import { App } from './App';
import type { Route } from './routes';

/**
 * Renders the whole app into `container`: for pages that are not a prerendered lesson
 * (the 404 and upcoming pages, the dev server, a page prerendered for another address).
 * A prerendered lesson is hydrated island by island instead (src/app/islands.tsx).
 */
export async function renderApp(container: HTMLElement, course: CompiledCourse, route: Route): Promise<void> {
  // Have the lesson and its embeds' code before the first render, so nothing renders twice.
  if (route.kind === 'lesson') await loadLesson(route.lessonId).catch(() => undefined);
  const app = (
    <StrictMode>
      <App course={course} />
    </StrictMode>
  );
  // Rendered afresh, never hydrated: a prerendered page's islands were rendered as roots of
  // their own (their ids differ from a whole-page render). React replaces the prerendered
  // HTML when it commits, so nothing blinks; the 404 page is small.
  createRoot(container).render(app);
}
