import { course } from 'virtual:course';
import { hydrateLessonPage } from './app/islands';
import { resolveRoute, routeKey } from './app/routes';
import { registerServiceWorker } from './offline';
import './app/styles.css';
import 'virtual:lesson-code.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// First: on a host that sends no headers it may reload the page at once (src/offline/register.ts).
registerServiceWorker();

const route = resolveRoute(window.location.pathname, course);
if (route.kind === 'lesson' && container.dataset.prerenderedRoute === routeKey(route)) {
  // A prerendered lesson: its prose stays static HTML; only its islands are hydrated.
  await hydrateLessonPage(course, route);
} else {
  const { renderApp } = await import('./app/renderApp');
  await renderApp(container, course, route);
}
