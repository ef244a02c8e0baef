import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDemoApi } from '../../lessons/jwt-auth/simulator/demoApi.ts';
import type { FlaskSimApp } from './app';
import { byteLength, statusLine } from './http';
import { abort } from './httpErrors';
import { jwtRequired } from './jwtRequired';
import { SimRequest, type SimRequestInit } from './request';
import { SimResponse } from './response';

const NOW = 1_700_000_000;

/** The demo API plus routes of every other kind: converters, tuples, JSON bodies, failures of every sort. */
async function buildApp(): Promise<{ app: FlaskSimApp; validToken: string }> {
  const { app, manager } = createDemoApi({
    clock: () => NOW,
    randomUUID: () => '33333333-3333-4333-8333-333333333333',
  });
  app
    .get('/', () => 'home')
    .get('/users/<int:user_id>', ({ params }) => ({ user: params.user_id }))
    .get('/users/<name>', ({ params }) => [{ name: params.name }, 200, { 'X-Name': String(params.name) }])
    .get('/files/<path:file>', ({ params }) => ({ file: params.file }))
    .route(['POST', 'PUT', 'PATCH'], '/echo', ({ request }) => ({
      got: request.json(),
      args: Object.fromEntries(request.args),
    }))
    .post('/silent', ({ request }) => ({ got: request.json({ silent: true }) }))
    .get('/boom', () => {
      throw new Error('boom');
    })
    .get('/abort/<int:code>', ({ params }) => abort(Number(params.code)))
    .get('/items/', () => ['a', 'b'])
    .route(
      ['GET', 'OPTIONS'],
      '/preflight',
      jwtRequired(({ jwt }) => ({ has_jwt: jwt !== undefined })),
    )
    .get(
      '/optional',
      jwtRequired(({ jwt }) => ({ who: jwt?.identity ?? null }), { optional: true }),
    )
    .delete('/gone', () => ['', 204]);
  return { app, validToken: await manager.createAccessToken('alice') };
}

/** Method and path pairs that reach a view. */
const ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['POST', '/login'],
  ['POST', '/login-leaky'],
  ['GET', '/protected'],
  ['GET', '/me'],
  ['GET', '/'],
  ['GET', '/users/7'],
  ['GET', '/users/bob'],
  ['GET', '/files/a/b'],
  ['POST', '/echo?x=1'],
  ['PATCH', '/echo'],
  ['POST', '/silent'],
  ['GET', '/boom'],
  ['GET', '/abort/418'],
  ['GET', '/abort/299'],
  ['GET', '/items'],
  ['GET', '/items/'],
  ['GET', '/preflight'],
  ['OPTIONS', '/preflight'],
  ['GET', '/optional'],
  ['DELETE', '/gone'],
];

function arbitraries(validToken: string) {
  const anyMethod = fc.oneof(
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'get', 'TRACE', ''),
    fc.string({ maxLength: 8 }),
  );
  const anyPath = fc.oneof(
    fc.tuple(fc.constantFrom(...ROUTES), fc.string({ maxLength: 12 })).map(([[, base], tail]) => base + tail),
    fc.string({ maxLength: 30 }),
    fc.string({ maxLength: 30, unit: 'binary' }),
    fc.constantFrom('/%', '/%E0%A4%A', '/users/%D9%A1', '//protected', '?x=%ZZ', '#frag', 'http://h/x?y'),
  );
  // Mostly real routes, so that most requests reach views and the JWT checks.
  const target = fc.oneof(
    { arbitrary: fc.constantFrom(...ROUTES), weight: 5 },
    {
      arbitrary: fc.tuple(fc.constantFrom('HEAD', 'OPTIONS'), fc.constantFrom(...ROUTES.map(([, path]) => path))),
      weight: 1,
    },
    { arbitrary: fc.tuple(anyMethod, anyPath), weight: 2 },
  );
  const authorization = fc.oneof(
    { arbitrary: fc.constant(`Bearer ${validToken}`), weight: 4 },
    { arbitrary: fc.constant(`Basic x,,Bearer ${validToken}`), weight: 1 },
    {
      arbitrary: fc.constantFrom('Bearer', 'Bearer a b', 'bearer x', 'Bearer a.b.c', 'Bearer a.b.c.d', ',,,', ''),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 40 }).map((text) => `Bearer ${text}`), weight: 1 },
    { arbitrary: fc.string({ maxLength: 40, unit: 'binary' }), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
        .map((parts) => `Bearer ${parts.join('.')}`),
      weight: 1,
    },
  );
  const headers = fc.record(
    {
      Authorization: authorization,
      'Content-Type': fc.oneof(
        fc.constantFrom('application/json', 'text/plain', 'application/x+json; charset=utf-8', ''),
        fc.string({ maxLength: 20 }),
      ),
      other: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ maxLength: 60, unit: 'binary' }),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom(
      '{"username": "alice", "password": "wonderland"}',
      '{"username": "bob"}',
      '[1]',
      '{bad',
      'null',
      '',
    ),
  );
  return { target, anyPath, headers, body };
}

function expectWellFormed(response: unknown, method: string): void {
  expect(response).toBeInstanceOf(SimResponse);
  const sim = response as SimResponse;
  expect([200, 204, 308, 400, 401, 403, 404, 405, 415, 418, 422, 500]).toContain(sim.statusCode);
  expect(sim.status).toBe(statusLine(sim.statusCode));
  expect(sim.headers.get('Content-Type')).not.toBeNull();
  const upper = method.toUpperCase() || 'GET';
  if (upper === 'HEAD' || sim.statusCode === 204) {
    expect(sim.body).toBe('');
  } else {
    expect(sim.headers.get('Content-Length')).toBe(String(byteLength(sim.body)));
  }
  if (sim.isJson && sim.body !== '') {
    expect(sim.body.endsWith('\n')).toBe(true);
    expect(sim.json).not.toBeNull();
  }
  if (sim.statusCode === 405) expect(sim.headers.get('Allow')).toMatch(/OPTIONS/);
}

describe('fuzz: the simulator never throws', () => {
  it('answers any method, path, headers and body with a well-formed response', async () => {
    const { app, validToken } = await buildApp();
    const { target, headers, body } = arbitraries(validToken);
    await fc.assert(
      fc.asyncProperty(target, headers, body, async ([method, path], h, b) => {
        const { other = {}, ...named } = h;
        const response = await app.handle({ method, path, headers: { ...other, ...named }, body: b });
        expectWellFormed(response, method);
      }),
      { numRuns: 500 },
    );
  });

  it('goes through the test client just as well', async () => {
    const { app, validToken } = await buildApp();
    const { anyPath, headers } = arbitraries(validToken);
    const client = app.testClient();
    await fc.assert(
      fc.asyncProperty(anyPath, headers, fc.jsonValue({ maxDepth: 3 }), async (p, h, json) => {
        const { other = {}, ...named } = h;
        const response = await client.post(p, { headers: { ...other, ...named }, json });
        expectWellFormed(response, 'POST');
      }),
      { numRuns: 200 },
    );
  });

  it('survives inputs of the wrong types from untyped callers', async () => {
    const { app } = await buildApp();
    const hostile = {
      toString() {
        throw new Error('no string for you');
      },
    };
    const inputs: unknown[] = [
      {},
      null,
      undefined,
      { method: 42, path: null, headers: 'abc', body: { a: 1 } },
      { method: hostile, path: '/' },
      { path: hostile },
      { headers: [[1, 2], ['x'], 'y', null] },
      {
        headers: new Proxy(
          {},
          {
            ownKeys: () => {
              throw new Error('no keys');
            },
          },
        ),
      },
      { method: 'GET', path: '/protected', headers: { Authorization: hostile } },
      new SimRequest({ method: 'POST', path: '/login', body: '{"username": "alice"}' }),
    ];
    for (const input of inputs) {
      const response = await app.handle(input as SimRequestInit);
      expect(response).toBeInstanceOf(SimResponse);
      expect(response.status).toBe(statusLine(response.statusCode));
    }
  });
});
