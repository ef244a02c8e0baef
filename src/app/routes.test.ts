import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../lesson/types';
import { resolveRoute, routeKey } from './routes';

const course: CompiledCourse = {
  id: 'c',
  title: 'C',
  lessons: [
    { id: 'jwt-auth', title: 'JWT', summary: 's', available: true, parts: [] },
    { id: 'marshmallow', title: 'Marshmallow', summary: 's', available: false, parts: [] },
  ],
};

describe('resolveRoute', () => {
  it('shows the first available lesson at /', () => {
    expect(resolveRoute('/', course)).toEqual({
      kind: 'lesson',
      lessonId: 'jwt-auth',
      canonicalPath: '/lessons/jwt-auth',
    });
  });

  it.each(['/lessons/jwt-auth', '/lessons/jwt-auth/', '/lessons/jwt%2Dauth'])('finds the lesson at %s', (path) => {
    expect(resolveRoute(path, course)).toMatchObject({ kind: 'lesson', lessonId: 'jwt-auth' });
  });

  it('marks a listed lesson without content as upcoming', () => {
    expect(resolveRoute('/lessons/marshmallow', course)).toEqual({
      kind: 'upcoming',
      lessonId: 'marshmallow',
      title: 'Marshmallow',
    });
  });

  it.each(['/lessons/nope', '/lessons', '/lessons/jwt-auth/extra', '/anything', '/lessons/%E0%A4%A'])(
    'answers 404 for %s',
    (path) => {
      expect(resolveRoute(path, course)).toEqual({ kind: 'not-found', path });
    },
  );

  it('gives / and /lessons/<id> the same route key, so one prerendered page serves both', () => {
    expect(routeKey(resolveRoute('/', course))).toBe(routeKey(resolveRoute('/lessons/jwt-auth', course)));
    expect(routeKey(resolveRoute('/x', course))).not.toBe(routeKey(resolveRoute('/y', course)));
  });
});
