import { describe, expect, it } from 'vitest';
import { DEMO_SECRET_KEY } from '../../lessons/jwt-auth/simulator/demoApi.ts';
import jwtSimulator, { LOGIN } from '../../lessons/jwt-auth/simulator/scenarios.ts';
import { verifyToken } from '../jwt';
import { MAX_KEPT_BODY_CHARS, MAX_REQUEST_BODY_CHARS } from './inputLimits';
import {
  authorizationLabel,
  boundKeptBodies,
  type Exchange,
  type Run,
  SimulatorSession,
  scenariosFor,
  shownBody,
} from './simulatorSession';

const NOW = 1_800_000_000;
/** The JWT lesson's simulator: its scenarios, and its original secret. */
const SCENARIOS = jwtSimulator.scenarios;
const ORIGINAL_SECRET = jwtSimulator.secretKey;
const PUBLIC_PATHS = jwtSimulator.publicPaths;

function newSession() {
  let uuid = 0;
  return new SimulatorSession({
    secretKey: jwtSimulator.secretKey,
    login: LOGIN,
    loadApi: async (options) => jwtSimulator.createApi(options),
    now: () => NOW,
    randomUUID: () => `00000000-0000-4000-8000-${String(uuid++).padStart(12, '0')}`,
  });
}

/** What each reply must be explained as, keyed by the reply's message: the note agrees with its own response. */
function expectNoteAgrees(exchange: Exchange) {
  const { response, note } = exchange;
  expect(note.startsWith(`${response.statusCode}: `), note).toBe(true);
  const msg = (response.json as { msg?: string } | undefined)?.msg;
  const expected: Record<string, RegExp> = {
    'Token has expired': /exp claim has passed/,
    'Signature verification failed': /does not match the token's signature/,
    'Missing Authorization Header': /no Authorization header/,
  };
  if (msg && expected[msg]) expect(note).toMatch(expected[msg]);
  if (response.statusCode < 400) return;
  if (msg !== 'Token has expired') expect(note).not.toMatch(/expir|exp claim/);
  if (msg !== 'Signature verification failed') expect(note).not.toMatch(/signature/i);
}

const expectedFinal: Record<string, [number, string | undefined]> = {
  'no-header': [401, 'Missing Authorization Header'],
  'wrong-type': [401, "Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'"],
  tampered: [422, 'Signature verification failed'],
  rotated: [422, 'Signature verification failed'],
  expired: [401, 'Token has expired'],
  leaky: [200, undefined],
};

describe('SimulatorSession', () => {
  it('uses the demo API key as its original secret', () => {
    expect(ORIGINAL_SECRET).toBe(DEMO_SECRET_KEY);
  });

  it('gives every troubleshooting scenario its own result in every pair order, with notes that agree', async () => {
    const scenarios = scenariosFor(jwtSimulator, 'troubleshooting');
    for (const first of scenarios) {
      for (const second of scenarios) {
        const session = newSession();
        for (const scenario of [first, second]) {
          const run = await session.runScenario(scenario);
          const last = run.exchanges.at(-1);
          if (!last) throw new Error('no exchange');
          const [status, msg] = expectedFinal[scenario.id] ?? [0, undefined];
          expect(last.response.statusCode, `${first.id} then ${second.id}: ${scenario.id}`).toBe(status);
          if (msg) expect((last.response.json as { msg: string }).msg).toBe(msg);
          for (const exchange of run.exchanges) expectNoteAgrees(exchange);
        }
      }
    }
  });

  it('runs every scenario of both sets in a row, each note agreeing with its own reply', async () => {
    const session = newSession();
    for (const scenario of [...SCENARIOS, ...SCENARIOS]) {
      const run = await session.runScenario(scenario);
      expect(run.exchanges.length).toBeGreaterThan(0);
      for (const exchange of run.exchanges) expectNoteAgrees(exchange);
    }
  });

  it('says what a scenario starts from', async () => {
    const session = newSession();
    const expired = SCENARIOS.find((scenario) => scenario.id === 'expired');
    const login = SCENARIOS.find((scenario) => scenario.id === 'login');
    if (!expired || !login) throw new Error('missing scenario');
    expect((await session.runScenario(login)).start).toMatch(/^Continues from where you are/);
    const run = await session.runScenario(expired);
    expect(run.start).toMatch(/^Starts from a fresh server/);
    expect(run.exchanges.map((exchange) => exchange.response.statusCode)).toEqual([200, 401]);
    expect(run.exchanges[1]?.note).toBe(
      "401: the token's exp claim has passed: It lived 15 min (exp − iat); the server's clock is 1 min past it. The client must log in again (or use a refresh token).",
    );
    expect(session.state.clockOffsetSeconds).toBe(16 * 60);
  });

  it('records the secret that signed each issued token, so the inspector can verify it', async () => {
    const session = newSession();
    session.rotateSecret();
    const login = await session.send({
      method: 'POST',
      path: '/login',
      headersText: 'Content-Type: application/json',
      body: '{"username": "bob", "password": "builder"}',
    });
    expect(login.secret).toBe(session.state.secret);
    expect(login.secret).not.toBe(ORIGINAL_SECRET);
    if (!login.token) throw new Error('no token');
    const { payload } = await verifyToken(login.token, login.secret, { algorithms: ['HS256'], clock: () => NOW });
    expect(payload.sub).toBe('bob');
  });
});

describe('authorizationLabel', () => {
  it('labels a normal login differently from a protected call without the header', () => {
    expect(authorizationLabel('/login', undefined, PUBLIC_PATHS)).toBe('no token needed: credentials in the JSON body');
    expect(authorizationLabel('/protected', undefined, PUBLIC_PATHS)).toBe('no Authorization header');
    expect(authorizationLabel('/protected', 'Bearer abc', PUBLIC_PATHS)).toBe('Authorization: Bearer abc');
    expect(authorizationLabel('/me', `Bearer ${'x'.repeat(100)}`, PUBLIC_PATHS)).toMatch(/…$/);
  });
});

describe('bounded history', () => {
  const exchange = (id: number, body: string) => ({ id, body }) as unknown as Exchange;
  const run = (id: number, ...exchanges: Exchange[]): Run => ({ id, title: `run ${id}`, start: '', exchanges });

  it('keeps the newest bodies whole and drops every older one past the budget, saying how long it was', () => {
    const newest = run(3, exchange(5, 'aaaa'), exchange(6, 'bbbb'));
    const middle = run(2, exchange(3, 'cccc'), exchange(4, ''));
    const oldest = run(1, exchange(1, 'dd'), exchange(2, 'ee'));
    const [a, b, c] = boundKeptBodies([newest, middle, oldest], 10);
    expect(a).toBe(newest);
    expect(b?.exchanges.map((e) => [e.body, e.droppedBodyChars])).toEqual([
      ['', 4],
      ['', undefined],
    ]);
    expect(c?.exchanges.map((e) => e.droppedBodyChars)).toEqual([2, 2]);
    expect(shownBody(b?.exchanges[0] as Exchange)).toBe(
      '[Body not kept: 4 characters. The simulator keeps at most 262,144 characters of request bodies in all, dropping the oldest first.]',
    );
  });

  it('holds eight 10 MB pastes to the budget', async () => {
    const session = newSession();
    let runs: Run[] = [];
    for (let i = 0; i < 8; i++) {
      const sent = await session.record('paste', '', async () => {
        await session.send({ method: 'POST', path: '/login', headersText: '', body: 'x'.repeat(10 * 1024 * 1024) });
      });
      runs = boundKeptBodies([sent, ...runs]);
    }
    const kept = runs.flatMap((r) => r.exchanges).reduce((sum, e) => sum + e.body.length, 0);
    expect(kept).toBeLessThanOrEqual(MAX_KEPT_BODY_CHARS);
    const newest = runs[0]?.exchanges[0] as Exchange;
    expect(newest.body).toHaveLength(MAX_REQUEST_BODY_CHARS);
    expect(shownBody(newest)).toMatch(/\[Cut: only the first 65,536 of 10,485,760 characters were sent\.\]$/);
  });
});
