import { course, lessonLoaders } from 'virtual:course';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { Router } from 'wouter';
import { App } from './app/App';
import { resolveRoute, routeKey } from './app/routes';
import { provideLesson } from './lesson/loadLesson';

export { course };

/** Renders one address to HTML at build time, so the lesson paints before any script runs. */
export async function renderPage(pathname: string): Promise<{ html: string; title: string; routeKey: string }> {
  const route = resolveRoute(pathname, course);
  let title = `Page not found · ${course.title}`;
  if (route.kind === 'lesson') {
    const loader = lessonLoaders[route.lessonId];
    if (!loader) throw new Error(`No loader for lesson ${route.lessonId}`);
    const lesson = (await loader()).default;
    provideLesson(lesson);
    title = `${lesson.title} · ${course.title}`;
  }
  const html = renderToString(
    <StrictMode>
      <Router ssrPath={pathname}>
        <App course={course} />
      </Router>
    </StrictMode>,
  );
  return { html, title, routeKey: routeKey(route) };
}
