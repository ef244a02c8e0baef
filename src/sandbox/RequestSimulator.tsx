import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { decodeToken } from '../jwt';
import {
  type DraftRequest,
  parseHeaderLines,
  rawRequestText,
  rawResponseText,
  shortToken,
  withBearer,
} from './httpText';
import { limitText, MAX_REQUEST_BODY_CHARS, requestCutNote } from './inputLimits';
import { sandboxStore, scrollBehavior } from './sandboxStore';
import {
  authorizationLabel,
  bearerRequest,
  boundKeptBodies,
  type Exchange,
  type Run,
  type SimulatorDefinition,
  SimulatorSession,
  type SimulatorView,
  shownBody,
} from './simulatorSession';
import './sandbox.css';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
const MAX_RUNS = 20;

/**
 * A lesson's API (e.g. login → Bearer → protected route), run in the page by
 * the Flask-style simulator: one-click scenarios, an HTTP client to edit
 * requests, and the newest exchange right under the controls, explained from
 * the reply itself. `view` (compiled with the page) is what shows before the
 * first request; `loadSimulator` loads the lesson's simulator module, API and
 * scenarios, a chunk of its own that the prerendered page does not need.
 */
export function RequestSimulator({
  id,
  view,
  loadSimulator: load,
}: {
  id: string;
  view: SimulatorView;
  loadSimulator: () => Promise<SimulatorDefinition>;
}) {
  const uid = useId();
  // Loaded once (a failed load is tried again on the next click), as the API was before.
  const [loadSimulator] = useState(() => {
    let loaded: Promise<SimulatorDefinition> | undefined;
    return () => {
      loaded ??= load().catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
      return loaded;
    };
  });
  // One session per mounted simulator: the server's state lives in it alone (an external store).
  const [session] = useState(
    () =>
      new SimulatorSession({
        secretKey: view.secretKey,
        login: view.login,
        loadApi: (options) => loadSimulator().then((simulator) => simulator.createApi(options)),
        now: () => Date.now() / 1000,
        randomUUID: () => crypto.randomUUID(),
      }),
  );
  const server = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  // biome-ignore lint/correctness/useExhaustiveDependencies: preloads once, on mount
  useEffect(() => {
    const preload = () => void loadSimulator().catch(() => undefined);
    if ('requestIdleCallback' in window) window.requestIdleCallback(preload, { timeout: 3000 });
    else setTimeout(preload, 1000);
  }, []);

  const [draft, setDraft] = useState<DraftRequest>(view.login);
  const [runs, setRuns] = useState<Run[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [sentByHand, setSentByHand] = useState<Exchange>();
  /** Said when a pasted body or header block was cut to the limit. */
  const [cutNote, setCutNote] = useState('');
  const editLimited = (field: 'body' | 'headers', value: string) => {
    const limited = limitText(value, MAX_REQUEST_BODY_CHARS);
    setDraft((current) => ({ ...current, [field === 'body' ? 'body' : 'headersText']: limited.text }));
    setCutNote(limited.cutFrom === undefined ? '' : requestCutNote(field, limited.cutFrom));
  };
  const problems = parseHeaderLines(draft.headersText).problems;
  const latestHeading = useRef<HTMLHeadingElement>(null);
  const latestReply = useRef<HTMLDivElement>(null);
  const revealNewest = useRef(false);

  // The newest reply sits right under the buttons; when the button clicked was
  // low on the screen, nudge the page just enough to show the reply's status.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a new run is shown
  useEffect(() => {
    if (!revealNewest.current) return;
    revealNewest.current = false;
    const status = latestReply.current?.querySelector('.exchange:last-child .arrow-response');
    if (status && status.getBoundingClientRect().bottom > window.innerHeight) {
      status.scrollIntoView?.({ block: 'nearest', behavior: scrollBehavior() });
    }
  }, [runs]);

  const show = (run: Run, byHand: boolean) => {
    setRuns((list) => boundKeptBodies([run, ...list].slice(0, MAX_RUNS)));
    const last = run.exchanges.at(-1);
    if (last) {
      setDraft(draftOf(last));
      setAnnouncement(`${run.title}: ${last.method} ${last.path} answered ${last.response.status}. ${last.note}`);
    }
    setSentByHand(byHand ? last : undefined);
    revealNewest.current = !byHand;
  };

  // Buttons stay enabled while a request runs (disabling the focused one would drop
  // keyboard focus to the page); a click meanwhile is ignored.
  const run = async (task: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };

  const openInInspector = (exchange: Exchange, button: HTMLElement) => {
    if (!exchange.token) return;
    // Where the button was on the screen: going back puts it there again, even if
    // content above it (an editor loading, say) has changed height meanwhile.
    const topBefore = button.getBoundingClientRect().top;
    sandboxStore.getState().openInInspector({
      token: exchange.token,
      secret: exchange.secret,
      secretOwner: "the demo server's secret key (from the request simulator)",
      back: {
        label: 'Back to the simulator',
        go: () => {
          const target = button.isConnected && button.offsetParent !== null ? button : latestHeading.current;
          if (!target) return;
          const top = window.scrollY + target.getBoundingClientRect().top - topBefore;
          // At once, not smoothly: a smooth scroll past lazy content above can land off target.
          window.scrollTo({ top, behavior: 'instant' });
          target.focus({ preventScroll: true });
        },
      },
    });
  };

  const updateServer = (change: (session: SimulatorSession) => void, message: string) => {
    change(session);
    setAnnouncement(message);
  };

  const [latest, ...earlier] = runs;

  return (
    <section className="embed sandbox simulator" id={id} aria-labelledby={`${uid}-title`}>
      <div className="sandbox-header">
        <h3 className="sandbox-title" id={`${uid}-title`}>
          {view.title}
        </h3>
        <p className="sandbox-note">{withCode(view.description)}</p>
      </div>
      <div className="sandbox-body">
        <fieldset className="scenario-buttons">
          <legend>{view.legend}</legend>
          {view.hint && <p className="scenario-hint">{view.hint}</p>}
          <div className="button-row">
            {view.buttons.map((scenario) => (
              <button
                key={scenario.id}
                type="button"
                className="button"
                aria-disabled={busy || undefined}
                data-scenario={scenario.id}
                onClick={() =>
                  run(async () => {
                    const found = (await loadSimulator()).scenarios.find(({ id }) => id === scenario.id);
                    if (!found) return;
                    show(await session.runScenario(found), false);
                  })
                }
              >
                {scenario.label}
              </button>
            ))}
          </div>
        </fieldset>

        <div className="latest-reply" ref={latestReply}>
          <h4 className="latest-title" id={`${uid}-latest`} ref={latestHeading} tabIndex={-1}>
            {latest ? `Latest: ${latest.title}` : 'Latest reply'}
          </h4>
          {latest ? (
            <RunView
              run={latest}
              onUseToken={(token) => setDraft(bearerRequest(token))}
              onInspect={openInInspector}
              publicPaths={view.publicPaths}
            />
          ) : (
            <p className="sequence-empty">
              No requests yet: pick a scenario above, or edit the request and press Send.
            </p>
          )}
        </div>

        <p className="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>

        <form
          className="request-editor"
          aria-label="Request"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              const result = await session.record('Your request', 'Sent to the server as it is now.', async () => {
                await session.send(draft);
              });
              show(result, true);
            });
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
              onChange={(event) => editLimited('headers', event.target.value)}
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
              onChange={(event) => editLimited('body', event.target.value)}
            />
          </div>
          <p className="request-cut-note" role="status">
            {cutNote}
          </p>
          <div className="button-row">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
              Send
            </button>
            <button
              type="button"
              className="button"
              disabled={!server.token}
              onClick={() =>
                server.token &&
                setDraft({
                  ...draft,
                  method: 'GET',
                  path: draft.path === '/login' ? '/protected' : draft.path,
                  headersText: withBearer(draft.headersText, server.token),
                  body: '',
                })
              }
            >
              Attach the token as Bearer
            </button>
          </div>
          {sentByHand && (
            <p className="send-result">
              <strong>{sentByHand.response.status}</strong> {sentByHand.note}{' '}
              <span className="send-result-where">(The whole exchange is under the scenario buttons above.)</span>
            </p>
          )}
        </form>

        <fieldset className="server-state">
          <legend>The server</legend>
          <p>
            <strong>Server clock:</strong>{' '}
            {server.clockOffsetSeconds === 0 ? 'now' : `${Math.round(server.clockOffsetSeconds / 60)} min ahead`}
          </p>
          <p>
            <strong>Secret key</strong> (<code>JWT_SECRET_KEY</code>):{' '}
            <code className="break server-secret">{server.secret}</code>{' '}
            {server.secretVersion === 1 ? '(the original one)' : `(rotated ${server.secretVersion - 1}×)`}
          </p>
          {server.token && (
            <p>
              <strong>Your token:</strong> <code>{shortToken(server.token)}</code>
            </p>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                updateServer((session) => session.moveClock(16 * 60), 'The server clock moved 16 minutes ahead.')
              }
            >
              Move the server clock +16 min
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => updateServer((session) => session.rotateSecret(), "The server's secret key was rotated.")}
            >
              Rotate the server's secret
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => {
                updateServer((session) => session.resetServer(), 'The simulator was reset.');
                setRuns([]);
                setDraft(view.login);
                setSentByHand(undefined);
              }}
            >
              Reset everything
            </button>
          </div>
        </fieldset>

        {earlier.length > 0 && (
          <details className="earlier-runs">
            <summary>Earlier requests ({earlier.length})</summary>
            <ol className="earlier-list" aria-label="Earlier requests, newest first">
              {earlier.map((item) => (
                <li key={item.id}>
                  <details className="earlier-run">
                    <summary>
                      {item.title} → {item.exchanges.at(-1)?.response.status ?? 'no reply'}
                    </summary>
                    <RunView
                      run={item}
                      onUseToken={(token) => setDraft(bearerRequest(token))}
                      onInspect={openInInspector}
                      publicPaths={view.publicPaths}
                    />
                  </details>
                </li>
              ))}
            </ol>
          </details>
        )}
      </div>
    </section>
  );
}

/** Text with `code` between backticks, as elements. */
function withCode(text: string) {
  return text.split('`').map((part, index) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
    index % 2 === 1 ? <code key={index}>{part}</code> : part,
  );
}

function draftOf(exchange: Exchange): DraftRequest {
  return {
    method: exchange.method,
    path: exchange.path,
    headersText: exchange.headers.map(([name, value]) => `${name}: ${value}`).join('\n'),
    body: exchange.droppedBodyChars === undefined ? exchange.body : '',
  };
}

interface ExchangeActions {
  onUseToken: (token: string) => void;
  onInspect: (exchange: Exchange, button: HTMLElement) => void;
  /** The API's paths that take no token (see authorizationLabel). */
  publicPaths: readonly string[];
}

function RunView({ run, ...actions }: { run: Run } & ExchangeActions) {
  const last = run.exchanges.length - 1;
  return (
    <div className="run">
      <p className="run-start">{run.start}</p>
      <ol className="sequence" aria-label="Requests and responses, in order">
        {run.exchanges.map((exchange, index) => (
          <ExchangeView key={exchange.id} exchange={exchange} compact={index < last} {...actions} />
        ))}
      </ol>
    </div>
  );
}

function ExchangeView({
  exchange,
  compact,
  onUseToken,
  onInspect,
  publicPaths,
}: { exchange: Exchange; compact: boolean } & ExchangeActions) {
  const { response } = exchange;
  const auth = exchange.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const outcome = response.statusCode < 300 ? 'ok' : response.statusCode < 500 ? 'refused' : 'error';
  const bodyPreview = response.isJson ? response.body.trim() : `${response.mimetype} page`;
  const payload = exchange.token ? tokenPayload(exchange.token) : undefined;
  const arrows = (
    <>
      <div className="arrow arrow-request">
        <span className="arrow-lanes" aria-hidden="true">
          Client ──▶ API
        </span>
        <span className="visually-hidden">Client to API:</span>
        <code>
          {exchange.method} {exchange.path}
        </code>
        <span className="arrow-detail">{authorizationLabel(exchange.path, auth, publicPaths)}</span>
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
    </>
  );
  if (compact) {
    return (
      <li className={`exchange exchange-${outcome} exchange-compact`}>
        <details className="raw-exchange">
          <summary>
            <code>
              {exchange.method} {exchange.path}
            </code>{' '}
            → <strong className="response-status">{response.status}</strong>
            {exchange.intent && <span className="compact-intent"> · {exchange.intent}</span>}
          </summary>
          {arrows}
          <p className="exchange-note">{exchange.note}</p>
          <pre className="output">
            {rawRequestText(exchange.method, exchange.path, exchange.headers, shownBody(exchange))}
          </pre>
          <pre className="output">{rawResponseText(response)}</pre>
        </details>
      </li>
    );
  }
  return (
    <li className={`exchange exchange-${outcome}`}>
      {exchange.intent && (
        <p className="exchange-intent">
          <strong>What was sent:</strong> {exchange.intent}
        </p>
      )}
      {arrows}
      <p className="exchange-note">{exchange.note}</p>
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
              onClick={(event) => onInspect(exchange, event.currentTarget)}
            >
              Open in the token inspector
            </button>
          </div>
        </div>
      )}
      <details className="raw-exchange">
        <summary>Raw request and response</summary>
        <pre className="output">
          {rawRequestText(exchange.method, exchange.path, exchange.headers, shownBody(exchange))}
        </pre>
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
