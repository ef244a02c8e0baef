import { course } from 'virtual:course';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App';
import { resolveRoute, routeKey } from './app/routes';
import { loadLesson } from './lesson/loadLesson';
import './app/styles.css';
import 'virtual:lesson-code.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const route = resolveRoute(window.location.pathname, course);
// Have the lesson's data before the first render, so hydration matches the prerendered HTML.
if (route.kind === 'lesson') await loadLesson(route.lessonId).catch(() => undefined);

const app = (
  <StrictMode>
    <App course={course} />
  </StrictMode>
);
if (container.dataset.prerenderedRoute === routeKey(route)) {
  hydrateRoot(container, app);
} else {
  // A page prerendered for another address (the 404 fallback, the dev server): render afresh.
  container.replaceChildren();
  createRoot(container).render(app);
}
