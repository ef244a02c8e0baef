import { useEffect, useId, useRef, useState } from 'react';
import type { DemoApi, SimResponse } from '../flask-sim';
import { decodeToken } from '../jwt';
import {
  type DraftRequest,
  parseHeaderLines,
  rawRequestText,
  rawResponseText,
  shortToken,
  withBearer,
} from './httpText';
import { sandboxStore } from './sandboxStore';
import { changeClaimWithoutResigning } from './tamper';

export type ScenarioSet = 'flow' | 'troubleshooting';

interface Exchange {
  id: number;
  method: string;
  path: string;
  headers: [string, string][];
  body: string;
  response: SimResponse;
  /** A token the response handed out, if any. */
  token?: string;
  /** What this step shows, for scenario runs. */
  note?: string;
}

interface Scenario {
  id: string;
  label: string;
  sets: ScenarioSet[];
  run: (session: Session) => Promise<void>;
}

interface Session {
  send: (draft: DraftRequest, note?: string) => Promise<Exchange>;
  ensureToken: () => Promise<string>;
  moveClock: (seconds: number) => void;
  rotateSecret: () => void;
}

const LOGIN: DraftRequest = {
  method: 'POST',
  path: '/login',
  headersText: 'Content-Type: application/json',
  body: '{"username": "alice", "password": "wonderland"}',
};
const bearerRequest = (token: string, path = '/protected'): DraftRequest => ({
  method: 'GET',
  path,
  headersText: `Authorization: Bearer ${token}`,
  body: '',
});

const SCENARIOS: Scenario[] = [
  {
    id: 'login',
    label: '1. Log in as alice',
    sets: ['flow'],
    run: async (session) => {
      await session.send(LOGIN, 'The server checked the password and answered with a signed access token.');
    },
  },
  {
    id: 'protected',
    label: '2. Call /protected with the token',
    sets: ['flow'],
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(
        bearerRequest(token),
        'The token travelled in the Authorization header; the server verified it and knew the caller.',
      );
    },
  },
  {
    id: 'no-header',
    label: 'No Authorization header',
    sets: ['flow', 'troubleshooting'],
    run: async (session) => {
      await session.send(
        { method: 'GET', path: '/protected', headersText: '', body: '' },
        '401: the client did not send the token. Every protected request needs "Authorization: Bearer <token>".',
      );
    },
  },
  {
    id: 'wrong-type',
    label: 'Wrong header type',
    sets: ['troubleshooting'],
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(
        { method: 'GET', path: '/protected', headersText: `Authorization: Token ${token}`, body: '' },
        '401: the header must start with the word Bearer, then a space, then the token.',
      );
    },
  },
  {
    id: 'tampered',
    label: 'Tampered token',
    sets: ['troubleshooting'],
    run: async (session) => {
      const token = await session.ensureToken();
      await session.send(
        bearerRequest(changeClaimWithoutResigning(token, 'sub', 'admin')),
        '422: the payload now says "admin", but the signature was made for "alice". The server recomputes the HMAC and it does not match.',
      );
    },
  },
  {
    id: 'rotated',
    label: 'Secret rotated on the server',
    sets: ['troubleshooting'],
    run: async (session) => {
      const token = await session.ensureToken();
      session.rotateSecret();
      await session.send(
        bearerRequest(token),
        '422: the server now verifies with a new secret key, so every token signed with the old one fails. Keep one stable secret, loaded from an environment variable, shared by all servers.',
      );
    },
  },
  {
    id: 'expired',
    label: 'Expired token (server clock +16 min)',
    sets: ['troubleshooting'],
    run: async (session) => {
      const token = await session.ensureToken();
      session.moveClock(16 * 60);
      await session.send(
        bearerRequest(token),
        '401: the token lived 15 minutes (its exp claim) and the server clock is now past it. The client must log in again (or use a refresh token).',
      );
    },
  },
  {
    id: 'leaky',
    label: 'Password in the payload',
    sets: ['troubleshooting'],
    run: async (session) => {
      const exchange = await session.send(
        { ...LOGIN, path: '/login-leaky' },
        'This login puts the password into the token. The payload is only base64url-encoded: open the token in the inspector and read it. Never put secrets in a JWT.',
      );
      if (exchange.token) sandboxStore.getState().openInInspector(exchange.token);
    },
  },
];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
const MAX_EXCHANGES = 30;

/**
 * The lesson's demo API (login → Bearer → protected route), run in the page by
 * the Flask-style simulator: an HTTP client to edit requests, the exchanges as
 * a client ↔ API sequence, and one-click scenarios for each troubleshooting case.
 */
const loadFlaskSim = () => import('../flask-sim');

export function RequestSimulator({ id, scenarios }: { id: string; scenarios: ScenarioSet }) {
  const uid = useId();
  const clockOffset = useRef(0);
  const secretVersion = useRef(1);
  const apiRef = useRef<Promise<DemoApi> | undefined>(undefined);
  // The server's clock is the page's, moved by the clock control. The simulated API is its
  // own chunk: the prerendered simulator needs none of it until the first request.
  const newApi = () =>
    loadFlaskSim().then(({ createDemoApi }) => createDemoApi({ clock: () => Date.now() / 1000 + clockOffset.current }));
  const getApi = () => {
    apiRef.current ??= newApi();
    return apiRef.current;
  };
  useEffect(() => {
    const preload = () => void loadFlaskSim().catch(() => undefined);
    if ('requestIdleCallback' in window) window.requestIdleCallback(preload, { timeout: 3000 });
    else setTimeout(preload, 1000);
  }, []);
  const nextId = useRef(1);

  const [draft, setDraft] = useState<DraftRequest>(LOGIN);
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [token, setToken] = useState<string>();
  const [offsetMinutes, setOffsetMinutes] = useState(0);
  const [version, setVersion] = useState(1);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const problems = parseHeaderLines(draft.headersText).problems;

  const send = async (request: DraftRequest, note?: string): Promise<Exchange> => {
    const { headers } = parseHeaderLines(request.headersText);
    const method = request.method.trim().toUpperCase() || 'GET';
    const path = request.path.trim() || '/';
    const api = await getApi();
    const response = await api.app.handle({ method, path, headers, body: request.body });
    let issued: string | undefined;
    if (response.isJson && response.json && typeof response.json === 'object' && 'access_token' in response.json) {
      const value = (response.json as { access_token: unknown }).access_token;
      if (typeof value === 'string') issued = value;
    }
    const exchange: Exchange = {
      id: nextId.current++,
      method,
      path,
      headers,
      body: request.body,
      response,
      ...(issued ? { token: issued } : {}),
      ...(note ? { note } : {}),
    };
    if (issued) setToken(issued);
    setDraft(request);
    setExchanges((list) => [...list, exchange].slice(-MAX_EXCHANGES));
    setAnnouncement(`${method} ${path}: ${response.status}`);
    return exchange;
  };

  const session: Session = {
    send,
    ensureToken: async () => {
      if (token) return token;
      const login = await send(LOGIN, 'First, log in to get a token.');
      return login.token ?? '';
    },
    moveClock: (seconds) => {
      clockOffset.current += seconds;
      setOffsetMinutes(Math.round(clockOffset.current / 60));
    },
    rotateSecret: () => {
      secretVersion.current += 1;
      const secret = `rotated-secret-number-${secretVersion.current}-${crypto.randomUUID()}`;
      void getApi().then((api) => api.manager.setSecretKey(secret));
      setVersion(secretVersion.current);
    },
  };

  const run = async (task: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };

  const shown = SCENARIOS.filter((scenario) => scenario.sets.includes(scenarios));

  return (
    <section className="embed sandbox simulator" id={id} aria-labelledby={`${uid}-title`}>
      <div className="sandbox-header">
        <h3 className="sandbox-title" id={`${uid}-title`}>
          Request simulator: the demo API
        </h3>
        <p className="sandbox-note">
          A Flask-JWT-Extended API simulated in your browser: <code>POST /login</code>, <code>GET /protected</code>,{' '}
          <code>GET /me</code>. Users: alice / wonderland, bob / builder. No request leaves this page.
        </p>
      </div>
      <div className="sandbox-body">
        <fieldset className="scenario-buttons">
          <legend>{scenarios === 'flow' ? 'Walk the flow' : 'Reproduce a problem'}</legend>
          <div className="button-row">
            {shown.map((scenario) => (
              <button
                key={scenario.id}
                type="button"
                className="button"
                disabled={busy}
                data-scenario={scenario.id}
                onClick={() => run(() => scenario.run(session))}
              >
                {scenario.label}
              </button>
            ))}
          </div>
        </fieldset>

        <form
          className="request-editor"
          aria-label="Request"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => send(draft));
          }}
        >
          <div className="request-line">
            <div className="field">
              <label htmlFor={`${uid}-method`}>Method</label>
              <select
                id={`${uid}-method`}
                value={METHODS.includes(draft.method) ? draft.method : 'GET'}
                onChange={(event) => setDraft({ ...draft, method: event.target.value })}
              >
                {METHODS.map((method) => (
                  <option key={method}>{method}</option>
                ))}
              </select>
            </div>
            <div className="field request-path">
              <label htmlFor={`${uid}-path`}>Path</label>
              <input
                id={`${uid}-path`}
                type="text"
                value={draft.path}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => setDraft({ ...draft, path: event.target.value })}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-headers`}>Headers (one "Name: value" per line)</label>
            <textarea
              id={`${uid}-headers`}
              rows={3}
              value={draft.headersText}
              spellCheck={false}
              aria-invalid={problems.length > 0 ? true : undefined}
              aria-describedby={problems.length > 0 ? `${uid}-header-problems` : undefined}
              onChange={(event) => setDraft({ ...draft, headersText: event.target.value })}
            />
            {problems.length > 0 && (
              <ul className="field-problem" id={`${uid}-header-problems`}>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-body`}>Body</label>
            <textarea
              id={`${uid}-body`}
              rows={2}
              value={draft.body}
              spellCheck={false}
              onChange={(event) => setDraft({ ...draft, body: event.target.value })}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              Send
            </button>
            <button
              type="button"
              className="button"
              disabled={!token}
              onClick={() =>
                token &&
                setDraft({
                  ...draft,
                  method: 'GET',
                  path: draft.path === '/login' ? '/protected' : draft.path,
                  headersText: withBearer(draft.headersText, token),
                  body: '',
                })
              }
            >
              Attach the token as Bearer
            </button>
          </div>
        </form>

        <fieldset className="server-state">
          <legend>The server</legend>
          <p>
            <strong>Server clock:</strong> {offsetMinutes === 0 ? 'now' : `${offsetMinutes} min ahead`} ·{' '}
            <strong>Secret key:</strong> {version === 1 ? 'the original one' : `rotated ${version - 1}×`}
            {token && (
              <>
                {' '}
                · <strong>Your token:</strong> <code>{shortToken(token)}</code>
              </>
            )}
          </p>
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => session.moveClock(16 * 60)}>
              Move the server clock +16 min
            </button>
            <button type="button" className="button button-small" onClick={() => session.rotateSecret()}>
              Rotate the server's secret
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => {
                clockOffset.current = 0;
                setOffsetMinutes(0);
                setExchanges([]);
                setToken(undefined);
                setDraft(LOGIN);
                apiRef.current = newApi();
                secretVersion.current = 1;
                setVersion(1);
                setAnnouncement('The simulator was reset.');
              }}
            >
              Reset everything
            </button>
          </div>
        </fieldset>

        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>

        {exchanges.length === 0 ? (
          <p className="sequence-empty">No requests yet: pick a scenario above, or edit the request and press Send.</p>
        ) : (
          <ol className="sequence" aria-label="Requests and responses, in order">
            {exchanges.map((exchange) => (
              <ExchangeView
                key={exchange.id}
                exchange={exchange}
                onUseToken={(value) => setDraft(bearerRequest(value))}
              />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function ExchangeView({ exchange, onUseToken }: { exchange: Exchange; onUseToken: (token: string) => void }) {
  const { response } = exchange;
  const auth = exchange.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const outcome = response.statusCode < 300 ? 'ok' : response.statusCode < 500 ? 'refused' : 'error';
  const bodyPreview = response.isJson ? response.body.trim() : `${response.mimetype} page`;
  const payload = exchange.token ? tokenPayload(exchange.token) : undefined;
  return (
    <li className={`exchange exchange-${outcome}`}>
      <div className="arrow arrow-request">
        <span className="arrow-lanes" aria-hidden="true">
          Client ──▶ API
        </span>
        <span className="visually-hidden">Client to API:</span>
        <code>
          {exchange.method} {exchange.path}
        </code>
        <span className="arrow-detail">
          {auth ? `Authorization: ${auth.length > 40 ? `${auth.slice(0, 40)}…` : auth}` : 'no Authorization header'}
        </span>
      </div>
      <div className="arrow arrow-response">
        <span className="arrow-lanes" aria-hidden="true">
          Client ◀── API
        </span>
        <span className="visually-hidden">API to client:</span>
        <strong className="response-status">{response.status}</strong>
        <code className="arrow-detail break">
          {bodyPreview.length > 160 ? `${bodyPreview.slice(0, 160)}…` : bodyPreview}
        </code>
      </div>
      {exchange.note && <p className="exchange-note">{exchange.note}</p>}
      {exchange.token && (
        <div className="exchange-token">
          {payload && (
            <p>
              Anyone can read this token's payload: <code className="break">{payload}</code>
            </p>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => exchange.token && onUseToken(exchange.token)}
            >
              Use it as the Bearer token
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => exchange.token && sandboxStore.getState().openInInspector(exchange.token)}
            >
              Open in the token inspector
            </button>
          </div>
        </div>
      )}
      <details className="raw-exchange">
        <summary>Raw request and response</summary>
        <pre className="output">{rawRequestText(exchange.method, exchange.path, exchange.headers, exchange.body)}</pre>
        <pre className="output">{rawResponseText(response)}</pre>
      </details>
    </li>
  );
}

function tokenPayload(token: string): string | undefined {
  try {
    return JSON.stringify(decodeToken(token).payload);
  } catch {
    return undefined;
  }
}
