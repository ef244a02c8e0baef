import type { FlaskSimApp, JwtManager, SimResponse } from '../flask-sim';
import { explainReply } from './explainResponse';
import { type DraftRequest, parseHeaderLines } from './httpText';
import { limitText, MAX_KEPT_BODY_CHARS, MAX_REQUEST_BODY_CHARS } from './inputLimits';

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

export interface Scenario {
  id: string;
  label: string;
  /** The sets (keys of the simulator's `sets`) whose embeds show this scenario. */
  sets: readonly string[];
  /** `fresh`: starts from a reset server; `inherit`: continues from the current state. */
  start: 'fresh' | 'inherit';
  run: (session: SimulatorSession) => Promise<void>;
}

/** What the session gives a lesson's API when it starts it. */
export interface SimulatedApiOptions {
  /** `JWT_SECRET_KEY` at start (the session sets the current one before every request). */
  secretKey: string;
  /** The server's clock, in seconds. */
  clock: () => number;
  randomUUID: () => string;
}

/** A lesson's API: the Flask-style app, and its JWT manager (whose secret the session rotates). */
export interface SimulatedApi {
  app: FlaskSimApp;
  manager: JwtManager;
}

/** How a set of scenarios is introduced above its buttons. */
export interface ScenarioSetInfo {
  legend: string;
  hint?: string;
}

/**
 * A lesson's request simulator: the default export of its simulator module
 * (`::request-simulator{src="…"}`), written with `defineSimulator`. The build reads
 * what the page shows first (title, buttons, the server's start); the page loads the
 * module itself, API and scenarios, on first use.
 */
export interface SimulatorDefinition {
  title: string;
  /** One paragraph under the title; text between backticks shows as code. */
  description: string;
  /** The server's `JWT_SECRET_KEY` until it is rotated. */
  secretKey: string;
  /** The request the editor starts with, and the login `ensureToken` sends. */
  login: DraftRequest;
  /** Paths that take no token: a request to them without Authorization is normal. */
  publicPaths: readonly string[];
  /** The scenario sets an embed may show (`scenarios="<key>"`). */
  sets: Readonly<Record<string, ScenarioSetInfo>>;
  scenarios: readonly Scenario[];
  createApi: (options: SimulatedApiOptions) => SimulatedApi;
}

/** Declares a lesson's simulator (its module's default export). */
export const defineSimulator = (definition: SimulatorDefinition): SimulatorDefinition => definition;

/** What one embed of a simulator shows before its module loads: plain data, compiled at build time. */
export interface SimulatorView {
  title: string;
  description: string;
  secretKey: string;
  login: DraftRequest;
  publicPaths: string[];
  legend: string;
  hint?: string;
  buttons: { id: string; label: string }[];
}

/** The view of `definition` for the scenario set `set`, or an error message. */
export function simulatorView(definition: SimulatorDefinition, set: string): SimulatorView | string {
  const info = Object.hasOwn(definition.sets, set) ? definition.sets[set] : undefined;
  if (!info)
    return `scenarios="${set}" is not a set of this simulator; it has: ${Object.keys(definition.sets).join(', ')}`;
  const buttons = scenariosFor(definition, set).map(({ id, label }) => ({ id, label }));
  if (buttons.length === 0) return `no scenario of this simulator is in the set "${set}"`;
  return {
    title: definition.title,
    description: definition.description,
    secretKey: definition.secretKey,
    login: { ...definition.login },
    publicPaths: [...definition.publicPaths],
    legend: info.legend,
    ...(info.hint ? { hint: info.hint } : {}),
    buttons,
  };
}

/** The scenarios a simulator of this set shows, in order. */
export function scenariosFor(definition: SimulatorDefinition, set: string): Scenario[] {
  return definition.scenarios.filter((scenario) => scenario.sets.includes(set));
}

export interface SimulatorSessionOptions {
  /** The server's secret key at start and after a reset. */
  secretKey: string;
  /** The login `ensureToken` sends when there is no token yet. */
  login: DraftRequest;
  loadApi: (options: SimulatedApiOptions) => Promise<SimulatedApi>;
  /** The page's clock, in seconds; the server's is this plus the offset. */
  now: () => number;
  randomUUID: () => string;
}

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
 * never race a request. The server's state is an external store
 * (`subscribe`/`getSnapshot`, for React's useSyncExternalStore): the one
 * place it is kept.
 */
export class SimulatorSession {
  private api: Promise<SimulatedApi> | undefined;
  private nextExchangeId = 1;
  private nextRunId = 1;
  private current: Run | undefined;
  private serverState: ServerState;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: SimulatorSessionOptions) {
    this.serverState = initialState(options.secretKey);
  }

  /** The server as it is now: a new object after every change. */
  get state(): ServerState {
    return this.serverState;
  }

  private set state(state: ServerState) {
    this.serverState = state;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ServerState => this.serverState;

  private getApi(): Promise<SimulatedApi> {
    this.api ??= this.options.loadApi({
      secretKey: this.options.secretKey,
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
    this.state = initialState(this.options.secretKey);
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
    const login = await this.send(this.options.login, 'Log in first, to get a token.');
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

function initialState(secret: string): ServerState {
  return { clockOffsetSeconds: 0, secret, secretVersion: 1, token: undefined };
}

/**
 * How the request arrow labels its Authorization header: a normal login
 * ("no token needed") reads differently from a protected call that forgot it.
 */
export function authorizationLabel(
  path: string,
  authorization: string | undefined,
  publicPaths: readonly string[],
): string {
  if (authorization !== undefined) {
    const shown = `Authorization: ${authorization}`;
    return shown.length > 48 ? `${shown.slice(0, 48)}…` : shown;
  }
  const route = path.split('?')[0] ?? path;
  return publicPaths.includes(route) ? 'no token needed: credentials in the JSON body' : 'no Authorization header';
}
