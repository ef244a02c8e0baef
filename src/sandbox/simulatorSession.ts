import type { DemoApi, DemoApiOptions, SimResponse } from '../flask-sim';
import { explainReply } from './explainResponse';
import { type DraftRequest, parseHeaderLines } from './httpText';
import { limitText, MAX_KEPT_BODY_CHARS, MAX_REQUEST_BODY_CHARS } from './inputLimits';
import { changeClaimWithoutResigning } from './tamper';

/** The demo server's `JWT_SECRET_KEY` until it is rotated (the lesson example's fallback). */
export const ORIGINAL_SECRET = 'dev-only-secret-change-me-in-production';

export interface Exchange {
  id: number;
  method: string;
  path: string;
  headers: [string, string][];
  /** The body as sent (at most MAX_REQUEST_BODY_CHARS), or '' once dropped to bound memory. */
  body: string;
  /** The body's length before it was cut to the limit, when it was. */
  bodyCutFrom?: number;
  /** The body's length when it was dropped from the history (see boundKeptBodies). */
  droppedBodyChars?: number;
  response: SimResponse;
  /** A token the response handed out, if any. */
  token?: string;
  /** The server's secret key when it answered (what signed `token`, if one was issued). */
  secret: string;
  /** What the request was meant to show: true of the request, whatever the reply. */
  intent?: string;
  /** The reply explained, derived from the reply alone. */
  note: string;
}

/** The server as a scenario leaves it. */
export interface ServerState {
  clockOffsetSeconds: number;
  secret: string;
  /** 1 for the original secret, +1 for each rotation. */
  secretVersion: number;
  /** The last token the server issued in this session. */
  token: string | undefined;
}

/** One click: a scenario or a request sent by hand, with the exchanges it made. */
export interface Run {
  id: number;
  title: string;
  /** The state it started from, in words ("a fresh server: …" or what it inherits). */
  start: string;
  exchanges: Exchange[];
}

export type ScenarioSet = 'flow' | 'troubleshooting';

export interface Scenario {
  id: string;
  label: string;
  sets: readonly ScenarioSet[];
  /** `fresh`: starts from a reset server; `inherit`: continues from the current state. */
  start: 'fresh' | 'inherit';
  run: (session: SimulatorSession) => Promise<void>;
}

export interface SimulatorSessionOptions {
  loadApi: (options: DemoApiOptions) => Promise<DemoApi>;
  /** The page's clock, in seconds; the server's is this plus the offset. */
  now: () => number;
  randomUUID: () => string;
}

export const LOGIN: DraftRequest = {
  method: 'POST',
  path: '/login',
  headersText: 'Content-Type: application/json',
  body: '{"username": "alice", "password": "wonderland"}',
};

export const bearerRequest = (token: string, path = '/protected'): DraftRequest => ({
  method: 'GET',
  path,
  headersText: `Authorization: Bearer ${token}`,
  body: '',
});

/**
 * The simulated server and everything the learner did to it, without React:
 * the clock offset, the secret (with its rotations), the last token, and
 * the runs. The secret is applied before every request, so a rotation can
 * never race a request.
 */
export class SimulatorSession {
  private api: Promise<DemoApi> | undefined;
  private nextExchangeId = 1;
  private nextRunId = 1;
  private current: Run | undefined;
  state: ServerState = initialState();

  constructor(private readonly options: SimulatorSessionOptions) {}

  private getApi(): Promise<DemoApi> {
    this.api ??= this.options.loadApi({
      secretKey: ORIGINAL_SECRET,
      clock: () => this.serverTime(),
      randomUUID: this.options.randomUUID,
    });
    return this.api;
  }

  serverTime(): number {
    return this.options.now() + this.state.clockOffsetSeconds;
  }

  /** Back to a fresh server: clock now, the original secret, no token. Runs are kept. */
  resetServer(): void {
    this.state = initialState();
  }

  moveClock(seconds: number): void {
    this.state = { ...this.state, clockOffsetSeconds: this.state.clockOffsetSeconds + seconds };
  }

  rotateSecret(): void {
    const secretVersion = this.state.secretVersion + 1;
    this.state = {
      ...this.state,
      secretVersion,
      secret: `rotated-secret-${secretVersion}-${this.options.randomUUID()}`,
    };
  }

  /** Runs `task` as one run; every exchange it sends is recorded in it. */
  async record(title: string, start: string, task: () => Promise<void>): Promise<Run> {
    const run: Run = { id: this.nextRunId++, title, start, exchanges: [] };
    this.current = run;
    try {
      await task();
    } finally {
      this.current = undefined;
    }
    return run;
  }

  async runScenario(scenario: Scenario): Promise<Run> {
    const start =
      scenario.start === 'fresh'
        ? 'Starts from a fresh server: clock set to now, the original secret key, a new login.'
        : this.state.token
          ? 'Continues from where you are: the same server, clock and secret, and your last token.'
          : 'Continues from where you are: the same server, clock and secret.';
    if (scenario.start === 'fresh') this.resetServer();
    return this.record(scenario.label, start, () => scenario.run(this));
  }

  /** The last token issued, or a new login when there is none. */
  async ensureToken(): Promise<string> {
    if (this.state.token) return this.state.token;
    const login = await this.send(LOGIN, 'Log in first, to get a token.');
    return login.token ?? '';
  }

  async send(request: DraftRequest, intent?: string): Promise<Exchange> {
    const { headers } = parseHeaderLines(request.headersText);
    const method = request.method.trim().toUpperCase() || 'GET';
    const path = request.path.trim() || '/';
    const api = await this.getApi();
    const secret = this.state.secret;
    api.manager.setSecretKey(secret);
    const serverTime = this.serverTime();
    const body = limitText(request.body, MAX_REQUEST_BODY_CHARS);
    const response = await api.app.handle({ method, path, headers, body: body.text });
    const json = response.isJson ? response.json : undefined;
    let issued: string | undefined;
    if (json && typeof json === 'object' && 'access_token' in json) {
      const value = (json as { access_token: unknown }).access_token;
      if (typeof value === 'string') issued = value;
    }
    const authorization = headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    const exchange: Exchange = {
      id: this.nextExchangeId++,
      method,
      path,
      headers,
      body: body.text,
      ...(body.cutFrom !== undefined ? { bodyCutFrom: body.cutFrom } : {}),
      response,
      secret,
      ...(issued ? { token: issued } : {}),
      ...(intent ? { intent } : {}),
      note: explainReply({ statusCode: response.statusCode, json, authorization, serverTime }),
    };
    if (issued) this.state = { ...this.state, token: issued };
    this.current?.exchanges.push(exchange);
    return exchange;
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The request body to show for a stored exchange: as sent, with a note when it
 * was cut to the limit, or a note in its place once dropped from the history.
 */
export function shownBody(exchange: Exchange): string {
  if (exchange.droppedBodyChars !== undefined) {
    return `[Body not kept: ${count(exchange.droppedBodyChars)} characters. The simulator keeps at most ${count(MAX_KEPT_BODY_CHARS)} characters of request bodies in all, dropping the oldest first.]`;
  }
  if (exchange.bodyCutFrom !== undefined) {
    return `${exchange.body}\n[Cut: only the first ${count(exchange.body.length)} of ${count(exchange.bodyCutFrom)} characters were sent.]`;
  }
  return exchange.body;
}

/**
 * Keeps the stored exchanges' request bodies within `budget` characters in all:
 * the newest are kept whole, and every body older than the one that passes the
 * budget is dropped (recording its length, so the page can say so). Runs are
 * newest first; within a run the last exchange is the newest. Runs that lose
 * nothing are returned as they were.
 *
 * @example boundKeptBodies([run], 10) // bodies past the newest 10 characters dropped
 */
export function boundKeptBodies(runs: readonly Run[], budget = MAX_KEPT_BODY_CHARS): Run[] {
  let kept = 0;
  return runs.map((run) => {
    let changed = false;
    const exchanges = [...run.exchanges]
      .reverse()
      .map((exchange) => {
        if (exchange.body === '') return exchange;
        if (kept + exchange.body.length <= budget) {
          kept += exchange.body.length;
          return exchange;
        }
        changed = true;
        kept = budget; // everything older is dropped too: the history never has gaps in time
        return { ...exchange, body: '', droppedBodyChars: exchange.body.length };
      })
      .reverse();
    return changed ? { ...run, exchanges } : run;
  });
}

function initialState(): ServerState {
  return { clockOffsetSeconds: 0, secret: ORIGINAL_SECRET, secretVersion: 1, token: undefined };
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'login',
    label: '1. Log in as alice',
    sets: ['flow'],
    start: 'inherit',
    run: async (session) => {
      await session.send(LOGIN, "Send alice's username and password as JSON to POST /login.");
    },
  },
  {
    id: 'protected',
    label: '2. Call /protected with the token',
    sets: ['flow'],
    start: 'inherit',
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(bearerRequest(token), 'Send the token in the Authorization header, after the word Bearer.');
    },
  },
  {
    id: 'no-header',
    label: 'No Authorization header',
    sets: ['flow', 'troubleshooting'],
    start: 'inherit',
    run: async (session) => {
      await session.send(
        { method: 'GET', path: '/protected', headersText: '', body: '' },
        'Call GET /protected without any Authorization header.',
      );
    },
  },
  {
    id: 'wrong-type',
    label: 'Wrong header type',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(
        { method: 'GET', path: '/protected', headersText: `Authorization: Token ${token}`, body: '' },
        'Send the token after the word "Token" instead of "Bearer".',
      );
    },
  },
  {
    id: 'tampered',
    label: 'Tampered token',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(
        bearerRequest(changeClaimWithoutResigning(token, 'sub', 'admin')),
        'Change the payload\'s sub from "alice" to "admin", keeping the old signature, and send it.',
      );
    },
  },
  {
    id: 'rotated',
    label: 'Secret rotated on the server',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      const token = await session.ensureToken();
      session.rotateSecret();
      await session.send(
        bearerRequest(token),
        "Rotate the server's secret key (as a redeploy with a new random key would), then send the token issued before.",
      );
    },
  },
  {
    id: 'expired',
    label: 'Expired token (server clock +16 min)',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      const token = await session.ensureToken();
      session.moveClock(16 * 60);
      await session.send(bearerRequest(token), "Move the server's clock 16 minutes ahead, then send the token.");
    },
  },
  {
    id: 'leaky',
    label: 'Password in the payload',
    sets: ['troubleshooting'],
    start: 'fresh',
    run: async (session) => {
      await session.send(
        { ...LOGIN, path: '/login-leaky' },
        'Log in through /login-leaky, which puts the password into the token. The payload is only base64url-encoded: anyone holding the token can read it. Never put secrets in a JWT.',
      );
    },
  },
];

/** The scenarios a simulator of this set shows, in order. */
export function scenariosFor(set: ScenarioSet): Scenario[] {
  return SCENARIOS.filter((scenario) => scenario.sets.includes(set));
}

/** Paths of the demo API that take no token: a request to them without Authorization is normal. */
const PUBLIC_PATHS = new Set(['/login', '/login-leaky']);

/**
 * How the request arrow labels its Authorization header: a normal login
 * ("no token needed") reads differently from a protected call that forgot it.
 */
export function authorizationLabel(path: string, authorization: string | undefined): string {
  if (authorization !== undefined) {
    const shown = `Authorization: ${authorization}`;
    return shown.length > 48 ? `${shown.slice(0, 48)}…` : shown;
  }
  const route = path.split('?')[0] ?? path;
  return PUBLIC_PATHS.has(route) ? 'no token needed: credentials in the JSON body' : 'no Authorization header';
}
