import { lessonPath } from '../lesson/paths';
import type { CompiledCourse } from '../lesson/types';

export type Route =
  | { kind: 'lesson'; lessonId: string; canonicalPath: string }
  | { kind: 'upcoming'; lessonId: string; title: string }
  | { kind: 'not-found'; path: string };

export { lessonPath };

/**
 * Maps a URL path to what the page shows. `/` shows the first lesson with
 * content; `/lessons/<id>` a lesson; anything else the 404 page.
 *
 * @example resolveRoute('/lessons/jwt-auth/', course) // { kind: 'lesson', lessonId: 'jwt-auth', ... }
 */
export function resolveRoute(pathname: string, course: CompiledCourse): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') {
    const first = course.lessons.find((lesson) => lesson.available);
    if (first) return { kind: 'lesson', lessonId: first.id, canonicalPath: lessonPath(first.id) };
    return { kind: 'not-found', path: pathname };
  }
  const match = /^\/lessons\/([^/]+)$/.exec(path);
  const lesson = match ? course.lessons.find((candidate) => candidate.id === decodeSegment(match[1] ?? '')) : undefined;
  if (!lesson) return { kind: 'not-found', path: pathname };
  if (!lesson.available) return { kind: 'upcoming', lessonId: lesson.id, title: lesson.title };
  return { kind: 'lesson', lessonId: lesson.id, canonicalPath: lessonPath(lesson.id) };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed %-escape simply matches no lesson
  }
}

/**
 * Identifies what a route renders, so a page prerendered for `/` can be
 * hydrated at `/lessons/<id>` (same content), and a mismatch is rendered afresh.
 */
export function routeKey(route: Route): string {
  return route.kind === 'not-found' ? `not-found:${route.path}` : `${route.kind}:${route.lessonId}`;
}
