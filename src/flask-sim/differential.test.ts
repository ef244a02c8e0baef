// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, DEMO_API_ROUTES, DEMO_SECRET_KEY } from '../../lessons/jwt-auth/simulator/demoApi.ts';
import jwtSimulator from '../../lessons/jwt-auth/simulator/scenarios.ts';
import {
  type AnswerRequests,
  type DemoRequest,
  type DemoResponse,
  referenceDemoApi,
  standinDemoApi,
} from '../../tests/support/demoApiPython.ts';
import { warnSkipped } from '../../tests/support/referencePython.ts';
import { base64urlEncode, base64urlEncodeText, type HmacAlgorithm, signatureFor, signToken } from '../jwt';
import { type Scenario, SimulatorSession } from '../sandbox/simulatorSession';
import type { SimRequestInit } from './request';
import type { SimResponse } from './response';

const SCENARIOS = jwtSimulator.scenarios;

/*
 * One behaviour, two implementations, proven equal: the TypeScript simulator's demo API
 * (demoApi.ts) and the same API written with Flask + Flask-JWT-Extended
 * (tests/fidelity/demo_api.py), run on the in-browser stand-ins in Pyodide, are sent the same
 * requests and must answer with the same status, headers and body. Where the real current
 * Flask / Werkzeug / PyJWT / Flask-JWT-Extended can be run (scripts/reference-python.sh), the
 * same program on them is the judge of both.
 *
 * The requests: every scenario of the JWT lesson's request simulator (jwtSimulator.scenarios, run through a real
 * SimulatorSession, each alone and all in a row), plus a seeded generated set: methods, paths,
 * Authorization headers odd and repeated, Content-Types, bodies, tokens of every kind and
 * server clocks. Set DIFFERENTIAL_SEED (and DIFFERENTIAL_RUNS) to try other requests; a
 * failure names the seed and the case.
 */

const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20_240_613);
const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 1000);
/** The page's clock in the scenarios, and the time the generated tokens are minted at. */
const BASE = 1_700_000_000;

/** A uuid4-looking value, distinct for each (case, draw). */
const uuidFor = (caseNumber: number, draw: number) =>
  `${caseNumber.toString(16).padStart(8, '0')}-${draw.toString(16).padStart(4, '0')}-4000-8000-${'0'.repeat(12)}`;

interface Case {
  /** What the case is, for the failure message: scenario or generated, and what it sends. */
  title: string;
  request: DemoRequest;
  /** Set for generated cases. */
  generated?: Generated;
}

// ---------------------------------------------------------------------------------------
// The TypeScript side.

function toDemoResponse(response: SimResponse): DemoResponse {
  return { status: response.status, headers: [...response.headers.entries()], body: response.body };
}

/** Answers one request with a fresh demo API in the state the request names. */
async function simAnswer(request: DemoRequest): Promise<DemoResponse> {
  const uuids = [...request.uuids];
  const { app } = createDemoApi({
    secretKey: request.secret,
    clock: () => request.clock,
    randomUUID: () => uuids.shift() ?? 'ffffffff-ffff-4fff-bfff-ffffffffffff',
  });
  const init: SimRequestInit = {
    method: request.method,
    path: request.path,
    headers: request.headers,
    body: request.body,
  };
  return toDemoResponse(await app.handle(init));
}

/**
 * Runs scenarios through a real SimulatorSession (as the page does) and records every request
 * its demo API received, with the clock, secret and uuids it answered with, and the answer.
 */
async function recordScenarios(
  label: string,
  scenarios: readonly Scenario[],
): Promise<{ cases: Case[]; answers: DemoResponse[] }> {
  const cases: Case[] = [];
  const answers: DemoResponse[] = [];
  const drawn: string[] = [];
  let current = '';
  const session = new SimulatorSession({
    secretKey: jwtSimulator.secretKey,
    login: jwtSimulator.login,
    now: () => BASE + 0.25,
    randomUUID: () => {
      const value = uuidFor(cases.length, drawn.length);
      drawn.push(value);
      return value;
    },
    loadApi: async (options) => {
      const api = createDemoApi(options);
      const handle = api.app.handle.bind(api.app);
      api.app.handle = async (input) => {
        const init = input as SimRequestInit;
        const clock = api.manager.clock();
        const secret = String(api.manager.secretKey);
        const before = drawn.length;
        const response = await handle(input);
        cases.push({
          title: `scenario ${label} / ${current}`,
          request: {
            method: String(init.method),
            path: String(init.path),
            headers: [...((init.headers ?? []) as Iterable<[string, string]>)],
            body: init.body ?? '',
            clock,
            secret,
            uuids: drawn.slice(before),
          },
        });
        answers.push(toDemoResponse(response));
        return response;
      };
      return api;
    },
  });
  for (const scenario of scenarios) {
    current = scenario.id;
    await session.runScenario(scenario);
  }
  return { cases, answers };
}

// ---------------------------------------------------------------------------------------
// Tokens of every kind, minted at BASE.

const FJE_JTI = '00000000-aaaa-4aaa-8aaa-000000000001';
const FJE_CSRF = '00000000-aaaa-4aaa-8aaa-000000000002';

/** The claims Flask-JWT-Extended writes, in its order, minted at BASE for 15 minutes. */
function fjeClaims(sub: unknown, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    fresh: false,
    iat: BASE,
    jti: FJE_JTI,
    type: 'access',
    sub,
    nbf: BASE,
    csrf: FJE_CSRF,
    exp: BASE + 900,
  };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  return claims;
}

const segment = (value: unknown) => base64urlEncodeText(typeof value === 'string' ? value : JSON.stringify(value));

async function mintTokens(): Promise<Record<string, string>> {
  const sign = (claims: Record<string, unknown>, key = DEMO_SECRET_KEY, algorithm: HmacAlgorithm = 'HS256') =>
    signToken(claims, key, { algorithm });
  const valid = await sign(fjeClaims('alice'));
  const [validHeader = '', validPayload = '', validSignature = ''] = valid.split('.');
  const noneHeader = segment({ alg: 'none', typ: 'JWT' });
  return {
    'valid alice': valid,
    'valid bob': await sign(fjeClaims('bob')),
    'valid, unknown user carol': await sign(fjeClaims('carol')),
    'valid, empty sub': await sign(fjeClaims('')),
    'expired 100 s ago': await sign(fjeClaims('alice', { iat: BASE - 1000, nbf: BASE - 1000, exp: BASE - 100 })),
    'exp exactly BASE': await sign(fjeClaims('alice', { iat: BASE - 900, nbf: BASE - 900, exp: BASE })),
    'nbf in 100 s': await sign(fjeClaims('alice', { nbf: BASE + 100 })),
    'iat in 100 s': await sign(fjeClaims('alice', { iat: BASE + 100 })),
    'wrong secret': await sign(fjeClaims('alice'), 'another-secret-entirely-0123456789'),
    'alg none, no signature': `${noneHeader}.${validPayload}.`,
    'alg none, old signature': `${noneHeader}.${validPayload}.${validSignature}`,
    'HS512 with the right secret': await sign(fjeClaims('alice'), DEMO_SECRET_KEY, 'HS512'),
    'no alg': `${segment({ typ: 'JWT' })}.${validPayload}.${validSignature}`,
    refresh: await sign(fjeClaims('alice', { type: 'refresh', exp: BASE + 30 * 86400 })),
    'type other': await sign(fjeClaims('alice', { type: 'other' })),
    'fresh true': await sign(fjeClaims('alice', { fresh: true })),
    'no sub': await sign(fjeClaims('alice', { sub: undefined })),
    'sub 42': await sign(fjeClaims(42)),
    'sub null': await sign(fjeClaims(null)),
    'no type': await sign(fjeClaims('alice', { type: undefined })),
    'no exp': await sign(fjeClaims('alice', { exp: undefined })),
    'no iat nbf jti csrf': await sign({ sub: 'alice', exp: BASE + 900 }),
    'only sub': await sign({ sub: 'bob' }),
    'exp "soon"': await sign(fjeClaims('alice', { exp: 'soon' })),
    'exp as a numeric string': await sign(fjeClaims('alice', { exp: String(BASE + 900) })),
    'exp float': await sign(fjeClaims('alice', { exp: BASE + 900.75 })),
    'iat "now"': await sign(fjeClaims('alice', { iat: 'now' })),
    'nbf "now"': await sign(fjeClaims('alice', { nbf: 'now' })),
    'jti 123': await sign(fjeClaims('alice', { jti: 123 })),
    'aud "api"': await sign(fjeClaims('alice', { aud: 'api' })),
    'iss "me"': await sign(fjeClaims('alice', { iss: 'me' })),
    'password claim (leaky)': await sign(fjeClaims('alice', { password: 'wonderland' })),
    'kid in header': await signToken(fjeClaims('alice'), DEMO_SECRET_KEY, { headers: { kid: 'k1' } }),
    tampered: `${validHeader}.${segment(fjeClaims('admin'))}.${validSignature}`,
    'signature cut': valid.slice(0, -6),
    'padding added': `${valid}==`,
    'payload an array': await signSegmentsText(validHeader, segment([1, 2])),
    'payload not JSON': await signSegmentsText(validHeader, segment('not json')),
    'header not JSON': `${segment('nope')}.${validPayload}.${validSignature}`,
    'header an array': `${segment([])}.${validPayload}.${validSignature}`,
    'bad base64 header': `!!!.${validPayload}.${validSignature}`,
    'bad base64 signature': `${validHeader}.${validPayload}.***`,
    'one segment': 'abc',
    'two segments': 'abc.def',
    'three junk segments': 'a.b.c',
    'four segments': `${valid}.x`,
    'five segments, signed over the first four': await signSegmentsText(validHeader, `${validPayload}.x.y`),
    'header not UTF-8': `${base64urlEncode(Uint8Array.of(0xff, 0x7b))}.${validPayload}.${validSignature}`,
    'header in UTF-16': `${base64urlEncode(Uint8Array.of(0x7b, 0, 0x7d, 0))}.${validPayload}.${validSignature}`,
    'header with "=" padding': `${segment('{"alg": "HS256"}')}==.${validPayload}.${validSignature}`,
    'payload unterminated string': await signSegmentsText(validHeader, segment('{"sub": "alice')),
    'dots only': '..',
    'unicode junk': 'é.é.é',
  };
}

/** A token whose payload segment is given as is, signed with the demo secret. */
async function signSegmentsText(header: string, payload: string): Promise<string> {
  return `${header}.${payload}.${await signatureFor(`${header}.${payload}`, DEMO_SECRET_KEY, 'HS256')}`;
}

// ---------------------------------------------------------------------------------------
// Generated requests.

interface Generated {
  method: string;
  path: string;
  token: string;
  authorization: readonly (readonly [string, string])[];
  contentType: readonly (readonly [string, string])[];
  body: string;
  clockOffset: number;
}

/** Every route of the demo API (a new one is covered without editing this test). */
const ROUTES = DEMO_API_ROUTES.map(({ method, path }) => [method, path] as const);
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'] as const;
const PATHS = [
  ...DEMO_API_ROUTES.flatMap(({ path }) => [path, `${path}/`, `${path}?x=1`, path.toUpperCase()]),
  '/',
  '/nope',
  '/me?',
  '/%70rotected',
  '/protected/extra',
];

/** Where a generated Authorization header puts the token. */
const TOKEN = '<TOKEN>';

const ALICE = '{"username": "alice", "password": "wonderland"}';
const BODIES = [
  '',
  ALICE,
  '{"username": "bob", "password": "builder"}',
  '{"username": "alice", "password": "builder"}',
  '{"username": "carol", "password": "x"}',
  '{"username": "alice"}',
  '{"password": "wonderland"}',
  '{}',
  '[]',
  '"alice"',
  'null',
  '1',
  'true',
  '{',
  'not json',
  '{"username": ["alice"], "password": "x"}',
  '{"username": {"a": 1}, "password": "x"}',
  '{"username": 1, "password": 1}',
  '{"username": null, "password": null}',
  '{"username": "alice", "password": "wonderland", "n": NaN}',
  '{"username": "alice", "password": "wonderland", "n": -Infinity}',
  'Infinity',
  '{"username": "alice", "password": "wonderland", "big": 1e400}',
  '{"username": "bob", "password": "builder", "n": 12345678901234567890}',
  '\ufeff{"username": "alice", "password": "wonderland"}',
  '  {"username": "alice", "password": "wonderland"}  \n',
  '{"username": "alice", "password": "x", "password": "wonderland"}',
  '{"username": "alice", "password": "wonderland"} x',
  '{"username": "al\\u0069ce", "password": "wonderland"}',
  '{"username": "alice", "password": "wonderland", "note": "café ☕"}',
  "{'username': 'alice', 'password': 'wonderland'}",
] as const;

function generatedArbitrary(tokenKinds: readonly string[]): fc.Arbitrary<Generated> {
  const target = fc.oneof(
    { arbitrary: fc.constantFrom(...ROUTES), weight: 6 },
    { arbitrary: fc.tuple(fc.constantFrom(...METHODS), fc.constantFrom(...PATHS)), weight: 3 },
    {
      // A route with printable ASCII after it: slashes, %-escapes, queries, fragments.
      arbitrary: fc
        .tuple(fc.constantFrom(...METHODS), fc.constantFrom(...PATHS), fc.string({ maxLength: 8 }))
        .map(([method, path, tail]) => [method, `${path}${tail}`] as const),
      weight: 1,
    },
  );
  const token = TOKEN;
  const authorizationForms = fc.constantFrom<(readonly (readonly [string, string])[])[]>(
    [],
    [['Authorization', `Bearer ${token}`]],
    [['Authorization', `Bearer ${token}`]],
    [['Authorization', `Bearer ${token}`]],
    [['authorization', `Bearer ${token}`]],
    [['AUTHORIZATION', `Bearer ${token}`]],
    [['Authorization', `bearer ${token}`]],
    [['Authorization', `BEARER ${token}`]],
    [['Authorization', `Bearer  ${token}`]],
    [['Authorization', ` Bearer ${token} `]],
    [['Authorization', `Bearer\t${token}`]],
    [['Authorization', `Bearer ${token} extra`]],
    [['Authorization', 'Bearer']],
    [['Authorization', 'Bearer ']],
    [['Authorization', '']],
    [['Authorization', ' ']],
    [['Authorization', `Token ${token}`]],
    [['Authorization', token]],
    [['Authorization', `Bearer ${token},`]],
    [['Authorization', `,, Bearer ${token}`]],
    [['Authorization', `Basic YWxpY2U6d29uZGVybGFuZA==, Bearer ${token}`]],
    [['Authorization', `Bearer ${token}, Basic YWxpY2U6d29uZGVybGFuZA==`]],
    [['Authorization', `Basic x,,Bearer ${token}`]],
    [['Authorization', `Bearer ${token}, Bearer ${token}`]],
    [
      ['Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA=='],
      ['Authorization', `Bearer ${token}`],
    ],
    [
      ['Authorization', `Bearer ${token}`],
      ['Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA=='],
    ],
    [
      ['Authorization', `Bearer ${token}`],
      ['Authorization', `Bearer ${token}`],
    ],
    [
      ['Authorization', `Bearer ${token}`],
      ['authorization', ''],
    ],
    [
      ['Authorization', ''],
      ['Authorization', `Bearer ${token}`],
    ],
  );
  type HeaderPairs = readonly (readonly [string, string])[];
  const authorization = fc.oneof(
    { arbitrary: authorizationForms, weight: 8 },
    { arbitrary: fc.string({ maxLength: 30 }).map((text): HeaderPairs => [['Authorization', text]]), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
        .map(([before, after]): HeaderPairs => [['Authorization', `${before}Bearer ${token}${after}`]]),
      weight: 1,
    },
  );
  const contentType = fc.constantFrom<(readonly (readonly [string, string])[])[]>(
    [],
    [['Content-Type', 'application/json']],
    [['Content-Type', 'application/json']],
    [['Content-Type', 'application/json']],
    [['content-type', 'application/json']],
    [['Content-Type', 'application/json; charset=utf-8']],
    [['Content-Type', 'Application/JSON']],
    [['Content-Type', ' application/json ']],
    [['Content-Type', 'application/vnd.api+json']],
    [['Content-Type', 'application/jsonx']],
    [['Content-Type', 'text/plain']],
    [['Content-Type', 'application/x-www-form-urlencoded']],
    [['Content-Type', '']],
    [
      ['Content-Type', 'text/plain'],
      ['Content-Type', 'application/json'],
    ],
    [
      ['Content-Type', 'application/json'],
      ['Content-Type', 'text/plain'],
    ],
  );
  const clockOffset = fc.constantFrom(0, 0, 0.5, 1, 60, 899, 899.999, 900, 900.5, 960, -0.5, -1, -3600, 31 * 86400);
  return fc
    .record({
      target,
      token: fc.constantFrom(...tokenKinds),
      authorization,
      contentType,
      body: fc.oneof({ arbitrary: fc.constantFrom(...BODIES), weight: 4 }, { arbitrary: fc.string(), weight: 1 }),
      clockOffset,
    })
    .map(({ target: [method, path], ...rest }) => ({ method, path, ...rest }));
}

function generatedCases(tokens: Record<string, string>, firstCase: number): Case[] {
  // The arbitrary draws token kinds (names); the headers get the token itself for TOKEN.
  const kinds = Object.keys(tokens);
  return fc.sample(generatedArbitrary(kinds), { seed: SEED, numRuns: RUNS }).map((drawn, index) => {
    const token = tokens[drawn.token] ?? '';
    const headers = [...drawn.authorization, ...drawn.contentType].map(
      ([name, value]) => [name, value.replaceAll(TOKEN, token)] as [string, string],
    );
    const number = firstCase + index;
    return {
      title: `generated #${index} (seed ${SEED}): ${drawn.method} ${drawn.path}, token "${drawn.token}", clock BASE${drawn.clockOffset >= 0 ? '+' : ''}${drawn.clockOffset}`,
      generated: drawn,
      request: {
        method: drawn.method,
        path: drawn.path,
        headers,
        body: drawn.body,
        clock: BASE + drawn.clockOffset,
        secret: DEMO_SECRET_KEY,
        uuids: [uuidFor(number, 0), uuidFor(number, 1)],
      },
    };
  });
}

// ---------------------------------------------------------------------------------------
// Comparing.

/**
 * What must be equal: the status line, every response header (names in any case, any order),
 * the body. Allow is a set: Werkzeug lists the methods in a Python set's order, which changes
 * with PYTHONHASHSEED (`POST, OPTIONS` or `OPTIONS, POST`).
 */
function comparable(response: DemoResponse): { status: string; headers: [string, string][]; body: string } {
  const headers = response.headers
    .map(([name, value]): [string, string] =>
      name.toLowerCase() === 'allow' ? ['allow', value.split(/,\s*/).sort().join(', ')] : [name.toLowerCase(), value],
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { status: response.status, headers, body: response.body };
}

function differs(a: DemoResponse, b: DemoResponse): boolean {
  return JSON.stringify(comparable(a)) !== JSON.stringify(comparable(b));
}

interface KnownDifference {
  name: string;
  matches: (c: Case) => boolean;
}

/**
 * Where the Python stand-ins still answer otherwise than the real libraries (and the
 * simulator, which follows the real ones). Another change owns the stand-ins; empty this
 * list as they are fixed (the last test says when an entry no longer shows).
 */
const KNOWN_STANDIN_DIFFERENCES: readonly KnownDifference[] = [];

/** Where the simulator still answers otherwise than the real libraries. Empty as it is fixed. */
const KNOWN_SIMULATOR_DIFFERENCES: readonly KnownDifference[] = [];

const knownStandinDifference = (c: Case) => KNOWN_STANDIN_DIFFERENCES.some((known) => known.matches(c));
const knownSimulatorDifference = (c: Case) => KNOWN_SIMULATOR_DIFFERENCES.some((known) => known.matches(c));

function describeMismatch(c: Case, sides: Record<string, DemoResponse | undefined>): string {
  const shown = Object.entries(sides)
    .filter((entry): entry is [string, DemoResponse] => entry[1] !== undefined)
    .map(([side, response]) => `  ${side}: ${JSON.stringify(comparable(response))}`);
  const { method, path, headers, body, clock, secret } = c.request;
  return [
    `${c.title}`,
    `  request: ${method} ${path} headers=${JSON.stringify(headers)} body=${JSON.stringify(body)} clock=${clock}${secret === DEMO_SECRET_KEY ? '' : ` secret=${secret}`}`,
    ...shown,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------

let cases: Case[] = [];
let simAnswers: DemoResponse[] = [];
let standinAnswers: DemoResponse[] = [];
let realAnswers: DemoResponse[] | undefined;
const reference = referenceDemoApi();
if ('missing' in reference) {
  warnSkipped(
    'the differential test against the real Flask / Werkzeug / PyJWT / Flask-JWT-Extended',
    `${reference.missing}; the simulator is compared with the stand-ins only`,
  );
}

beforeAll(async () => {
  const standins: Promise<AnswerRequests> = standinDemoApi();
  const alone = [];
  for (const scenario of SCENARIOS) alone.push(await recordScenarios(`${scenario.id} (alone)`, [scenario]));
  const inARow = await recordScenarios('all in a row', SCENARIOS);
  const scenarioRuns = [...alone, inARow];
  cases = scenarioRuns.flatMap((run) => run.cases);
  simAnswers = scenarioRuns.flatMap((run) => run.answers);
  const generated = generatedCases(await mintTokens(), 100_000);
  for (const c of generated) {
    cases.push(c);
    simAnswers.push(await simAnswer(c.request));
  }
  const requests = cases.map((c) => c.request);
  standinAnswers = (await standins)(requests);
  if (!('missing' in reference)) realAnswers = reference(requests);
}, 120_000);

describe('the simulator and Flask + Flask-JWT-Extended answer the demo API alike', () => {
  it('covers every scenario of the request simulator and the generated requests', () => {
    for (const scenario of SCENARIOS) {
      expect(cases.some((c) => c.title.startsWith(`scenario ${scenario.id} (alone)`))).toBe(true);
    }
    expect(cases.filter((c) => c.generated).length).toBe(RUNS);
    expect(standinAnswers).toHaveLength(cases.length);
    // Every route of demoApi.ts is a route of demo_api.py too: its own method reaches a view.
    for (const { method, path } of DEMO_API_ROUTES) {
      const reached = cases.some(
        (c, index) =>
          c.request.method === method &&
          c.request.path === path &&
          !/^40[45]/.test(standinAnswers[index]?.status ?? '404'),
      );
      expect(reached, `${method} ${path} in demo_api.py`).toBe(true);
    }
    // The generated requests reach every kind of answer the demo API gives.
    const statuses = new Set(cases.flatMap((c, index) => (c.generated ? [simAnswers[index]?.status.slice(0, 3)] : [])));
    expect([...statuses].sort()).toEqual(['200', '400', '401', '404', '405', '415', '422', '500']);
  });

  /** The cases where two sides differ, but for those a known difference excuses. */
  function mismatches(
    sides: Record<string, DemoResponse[] | undefined>,
    excused: (c: Case) => boolean,
  ): { count: number; text: string[] } {
    const [first, second] = Object.values(sides);
    const text = cases.flatMap((c, index) => {
      const a = first?.[index];
      const b = second?.[index];
      if (!a || !b || !differs(a, b) || excused(c)) return [];
      const shown = Object.fromEntries(
        Object.entries({ ...sides, real: realAnswers }).map(([side, answers]) => [side, answers?.[index]]),
      );
      return [describeMismatch(c, shown)];
    });
    return { count: text.length, text };
  }

  it.skipIf('missing' in reference)('the simulator answers every request as the real libraries do', () => {
    const { count, text } = mismatches({ simulator: simAnswers, real: realAnswers }, knownSimulatorDifference);
    expect(text, `seed ${SEED}; ${count} of ${cases.length} differ`).toEqual([]);
  });

  it.skipIf('missing' in reference)(
    'the stand-ins answer every request as the real libraries do, but for their known differences',
    () => {
      const { count, text } = mismatches({ standin: standinAnswers, real: realAnswers }, knownStandinDifference);
      expect(text, `seed ${SEED}; ${count} of ${cases.length} differ`).toEqual([]);
    },
  );

  it('the simulator and the stand-ins answer every request alike, but for the known differences', () => {
    const { count, text } = mismatches(
      { simulator: simAnswers, standin: standinAnswers },
      (c) => knownStandinDifference(c) || knownSimulatorDifference(c),
    );
    expect(text, `seed ${SEED}; ${count} of ${cases.length} differ`).toEqual([]);
  });

  it('each known difference still shows (remove the ones that do not)', () => {
    const stillShows = (known: KnownDifference, answers: DemoResponse[]) =>
      cases.some((c, index) => {
        const a = answers[index];
        const b = realAnswers?.[index] ?? (answers === simAnswers ? standinAnswers : simAnswers)[index];
        return known.matches(c) && a !== undefined && b !== undefined && differs(a, b);
      });
    const gone = [
      ...KNOWN_STANDIN_DIFFERENCES.filter((known) => !stillShows(known, standinAnswers)),
      ...KNOWN_SIMULATOR_DIFFERENCES.filter((known) => !stillShows(known, simAnswers)),
    ].map((known) => known.name);
    expect(gone, `seed ${SEED}`).toEqual([]);
  });
});
