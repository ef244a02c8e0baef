import { course, lessonLoaders } from 'virtual:course';
import { type ReactNode, StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { Router } from 'wouter';
import { App } from './app/App';
import { resolveRoute, routeKey } from './app/routes';
import { lessonEmbeds, provideLesson } from './lesson/loadLesson';
import { IslandCollector, islandIdPrefix, islandPlaceholder } from './ui/Island';

export { course };

/** Renders one address to HTML at build time, so the lesson paints before any script runs. */
export async function renderPage(
  pathname: string,
): Promise<{ html: string; title: string; routeKey: string; embedNames: string[] }> {
  const route = resolveRoute(pathname, course);
  let title = `Page not found · ${course.title}`;
  let embedNames: string[] = [];
  if (route.kind === 'lesson') {
    const loader = lessonLoaders[route.lessonId];
    if (!loader) throw new Error(`No loader for lesson ${route.lessonId}`);
    const lesson = (await loader()).default;
    await provideLesson(lesson);
    title = `${lesson.title} · ${course.title}`;
    embedNames = [...new Set(lessonEmbeds(lesson).map((embed) => embed.name))];
  }
  // Each island is rendered as a root of its own, as the page hydrates it (src/ui/Island.tsx).
  const islands = new Map<string, ReactNode>();
  let html = renderToString(
    <StrictMode>
      <IslandCollector.Provider value={islands}>
        <Router ssrPath={pathname}>
          <App course={course} />
        </Router>
      </IslandCollector.Provider>
    </StrictMode>,
  );
  for (const [name, node] of islands) {
    const placeholder = islandPlaceholder(name);
    if (html.split(placeholder).length !== 2) throw new Error(`island "${name}" is not in the page exactly once`);
    const island = renderToString(<StrictMode>{node}</StrictMode>, { identifierPrefix: islandIdPrefix(name) });
    html = html.replace(placeholder, () => island);
  }
  return { html, title, routeKey: routeKey(route), embedNames };
}
