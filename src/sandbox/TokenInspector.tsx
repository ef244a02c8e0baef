import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { HMAC_ALGORITHM_NAMES, type HmacAlgorithm, isHmacAlgorithm } from '../jwt';
import { CopyButton } from '../ui/CopyButton';
import {
  duration,
  type Inspection,
  inspectToken,
  keyFromSecret,
  type SecretEncoding,
  timeClaimsOf,
} from './inspectToken';
import { sandboxStore } from './sandboxStore';
import {
  changeClaimWithoutResigning,
  freshToken,
  replaceJsonPart,
  resign,
  signWithAnotherSecret,
  switchAlgToNone,
  truncateSignature,
} from './tamper';

export interface TokenInspectorProps {
  id: string;
  token: string;
  secret: string;
}

// A one-second clock shared by every countdown on the page; none on the server.
const clockListeners = new Set<() => void>();
let clockTimer: ReturnType<typeof setInterval> | undefined;
let currentSecond = 0;
function subscribeClock(listener: () => void) {
  clockListeners.add(listener);
  if (!clockTimer) {
    currentSecond = Math.floor(Date.now() / 1000);
    clockTimer = setInterval(() => {
      currentSecond = Math.floor(Date.now() / 1000);
      for (const notify of clockListeners) notify();
    }, 1000);
  }
  return () => {
    clockListeners.delete(listener);
    if (clockListeners.size === 0 && clockTimer) {
      clearInterval(clockTimer);
      clockTimer = undefined;
    }
  };
}
const readClock = () => currentSecond || Math.floor(Date.now() / 1000);
const serverClock = () => 0;

const PART_LABELS = [
  { part: 'header', label: 'Header', note: 'algorithm and type' },
  { part: 'payload', label: 'Payload', note: 'the claims' },
  { part: 'signature', label: 'Signature', note: 'HMAC of header.payload' },
] as const;

/**
 * Decodes, verifies and tampers with a token, showing every step. Nothing is
 * re-signed unless the learner asks: an edited token keeps its old signature.
 */
export function TokenInspector(props: TokenInspectorProps) {
  const uid = useId();
  const [token, setToken] = useState(props.token);
  const [secret, setSecret] = useState(props.secret);
  const [encoding, setEncoding] = useState<SecretEncoding>('text');
  const [algorithm, setAlgorithm] = useState<HmacAlgorithm>('HS256');
  const [resignOnEdit, setResignOnEdit] = useState(false);
  const [draft, setDraft] = useState<{ part: 'header' | 'payload'; text: string; error?: string }>();
  const [inspection, setInspection] = useState<Inspection>();
  const [actionNote, setActionNote] = useState('');
  const now = useSyncExternalStore(subscribeClock, readClock, serverClock);
  const tokenField = useRef<HTMLTextAreaElement>(null);
  // Shown from the first render (and the prerendered HTML), so nothing below them jumps.
  const times = useMemo(() => timeClaimsOf(token), [token]);
  const hasTimes = times.length > 0;

  // Re-inspect on every change, and every second while a countdown is shown.
  const tick = hasTimes ? now : 0;
  useEffect(() => {
    let current = true;
    inspectToken({ token, secret, secretEncoding: encoding, algorithm, clock: () => tick || readClock() }).then(
      (result) => {
        if (current) setInspection(result);
      },
    );
    return () => {
      current = false;
    };
  }, [token, secret, encoding, algorithm, tick]);

  // For the bench: time from a keystroke (or action) to its verdict on screen.
  useEffect(() => {
    if (inspection && performance.getEntriesByName('inspector-input').length > 0) {
      performance.measure('inspector-update', 'inspector-input');
      performance.clearMarks('inspector-input');
    }
  }, [inspection]);

  // The request simulator can send a token here.
  const inspectRequest = useStore(sandboxStore, (state) => state.inspectRequest);
  const handledRequest = useRef(sandboxStore.getState().inspectRequest?.nonce);
  useEffect(() => {
    if (!inspectRequest || inspectRequest.nonce === handledRequest.current) return;
    handledRequest.current = inspectRequest.nonce;
    setToken(inspectRequest.token);
    setDraft(undefined);
    setActionNote('Opened the token from the request simulator.');
    tokenField.current?.scrollIntoView?.({ block: 'center' });
    tokenField.current?.focus();
  }, [inspectRequest]);

  const key = useMemo(() => {
    try {
      return keyFromSecret(secret, encoding);
    } catch {
      return undefined;
    }
  }, [secret, encoding]);

  const markInput = () => performance.mark('inspector-input');

  const editJson = async (part: 'header' | 'payload', text: string) => {
    markInput();
    setDraft({ part, text });
    let next: string;
    try {
      next = replaceJsonPart(token, part, text);
    } catch (error) {
      setDraft({ part, text, error: (error as Error).message });
      return;
    }
    if (resignOnEdit && key && secret) {
      const headerAlg = inspection?.steps?.algorithm ?? algorithm;
      next = await resign(next, key, headerAlg).catch(() => next);
    }
    setToken(next);
  };

  const act = async (label: string, change: () => string | Promise<string>) => {
    try {
      markInput();
      setToken(await change());
      setDraft(undefined);
      setActionNote(label);
    } catch (error) {
      setActionNote(`Could not ${label.toLowerCase()}: ${(error as Error).message}`);
    }
  };

  const parts = inspection?.parts;
  const verdict = inspection?.verdict;
  const segments = token.trim().split('.');

  return (
    <section className="embed sandbox inspector" id={props.id} aria-labelledby={`${uid}-title`}>
      <div className="sandbox-header">
        <h3 className="sandbox-title" id={`${uid}-title`}>
          Token inspector
        </h3>
        <p className="sandbox-note">Runs entirely in your browser: no token or secret leaves this page.</p>
      </div>

      <div className="sandbox-body">
        <div className="field">
          <div className="field-label-row">
            <label htmlFor={`${uid}-token`}>Encoded token</label>
            <CopyButton text={token} label="Copy the token" />
          </div>
          <textarea
            ref={tokenField}
            id={`${uid}-token`}
            className="token-input"
            value={token}
            rows={4}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            onChange={(event) => {
              markInput();
              setToken(event.target.value);
              setDraft(undefined);
            }}
          />
        </div>

        {segments.length === 3 && (
          <ol className="token-parts" aria-label="The token's three parts">
            {PART_LABELS.map(({ part, label, note }, index) => (
              <li key={part} className={`token-part token-part-${part}`}>
                <span className="token-part-label">
                  <span className="token-part-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  {label} <span className="token-part-note">({note})</span>
                </span>
                <code className="token-part-text">{(segments[index] ?? '').slice(0, 2000) || '(empty)'}</code>
              </li>
            ))}
          </ol>
        )}

        <div className="inspector-grid">
          {(['header', 'payload'] as const).map((part) => {
            const view = parts?.[part];
            const editing = draft?.part === part;
            const value = editing ? draft.text : (view?.json ?? '');
            const problem = editing ? draft.error : view?.problem;
            return (
              <div className="field" key={part}>
                <div className="field-label-row">
                  <label htmlFor={`${uid}-${part}`}>Decoded {part} (JSON, editable)</label>
                  <CopyButton text={value} label={`Copy the ${part} JSON`} />
                </div>
                <textarea
                  id={`${uid}-${part}`}
                  className={`json-input json-${part}`}
                  value={value}
                  rows={part === 'header' ? 4 : 8}
                  spellCheck={false}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${uid}-${part}-problem` : undefined}
                  onChange={(event) => void editJson(part, event.target.value)}
                  onBlur={() => setDraft(undefined)}
                  disabled={segments.length !== 3}
                />
                {problem && (
                  <p className="field-problem" id={`${uid}-${part}-problem`}>
                    {problem}
                  </p>
                )}
              </div>
            );
          })}
        </div>

        <fieldset className="inspector-key">
          <legend>How the server checks it</legend>
          <div className="field">
            <label htmlFor={`${uid}-secret`}>Secret key</label>
            <input
              id={`${uid}-secret`}
              type="text"
              value={secret}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => {
                markInput();
                setSecret(event.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-encoding`}>The secret is</label>
            <select
              id={`${uid}-encoding`}
              value={encoding}
              onChange={(event) => setEncoding(event.target.value === 'base64url' ? 'base64url' : 'text')}
            >
              <option value="text">text (UTF-8)</option>
              <option value="base64url">bytes in base64url</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-algorithm`}>Algorithm accepted</label>
            <select
              id={`${uid}-algorithm`}
              value={algorithm}
              onChange={(event) => isHmacAlgorithm(event.target.value) && setAlgorithm(event.target.value)}
            >
              {HMAC_ALGORITHM_NAMES.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={resignOnEdit} onChange={(event) => setResignOnEdit(event.target.checked)} />{' '}
            Re-sign with this secret when I edit the JSON
          </label>
        </fieldset>

        <div
          className={`verdict ${verdict ? (verdict.ok ? 'verdict-ok' : 'verdict-bad') : ''}`}
          role="status"
          aria-live="polite"
          aria-atomic="true"
        >
          {verdict ? (
            <>
              <p className="verdict-summary">
                <span className="verdict-icon" aria-hidden="true">
                  {verdict.ok ? '✓' : '✗'}
                </span>{' '}
                <strong>{verdict.ok ? 'Valid' : 'Rejected'}:</strong> {verdict.summary.replace(/^valid: /, '')}
              </p>
              <p className="verdict-python">
                <code>{verdict.python}</code>
              </p>
            </>
          ) : (
            <p className="verdict-summary">Checking the token…</p>
          )}
        </div>

        {hasTimes && (
          <dl className="token-times">
            {times.map(({ claim, seconds }) => (
              <div key={claim}>
                <dt>
                  <code>{claim}</code>{' '}
                  {claim === 'exp' ? '(expires)' : claim === 'iat' ? '(issued at)' : '(not before)'}
                </dt>
                <dd>
                  {now ? new Date(seconds * 1000).toLocaleString() : String(seconds)}
                  {now > 0 && <span className="token-time-relative"> · {relative(seconds, now)}</span>}
                </dd>
              </div>
            ))}
          </dl>
        )}

        {segments.length === 3 && (
          <details className="signature-steps">
            <summary>How the signature is computed, step by step</summary>
            {!inspection?.steps ? (
              <p>{secret ? 'Computing…' : 'Enter the secret key to compute the signature.'}</p>
            ) : (
              <ol>
                <li>
                  Signing input, <code>header.payload</code>:{' '}
                  <code className="break">{inspection.steps.signingInput}</code>
                </li>
                <li>
                  HMAC-{inspection.steps.algorithm.slice(2)} of it with the secret key, as bytes in hex:{' '}
                  <code className="break">{inspection.steps.hmacHex}</code>
                </li>
                <li>
                  Those bytes in base64url: <code className="break">{inspection.steps.expected}</code>
                </li>
                <li>
                  The token's signature: <code className="break">{inspection.steps.received || '(empty)'}</code>{' '}
                  <strong>{inspection.steps.matches ? '= same: it matches' : '≠ different: it does not match'}</strong>
                </li>
              </ol>
            )}
          </details>
        )}

        <fieldset className="tamper-actions">
          <legend>Try what an attacker would</legend>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() =>
                act('Changed "role" to "admin" without re-signing.', () =>
                  changeClaimWithoutResigning(token, 'role', 'admin'),
                )
              }
            >
              Make me admin (no re-sign)
            </button>
            <button
              type="button"
              className="button"
              onClick={() => act('Switched alg to "none" and dropped the signature.', () => switchAlgToNone(token))}
            >
              Switch alg to none
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                act('Signed with another secret ("not-the-server-secret").', () =>
                  signWithAnotherSecret(token, 'not-the-server-secret', inspection?.steps?.algorithm ?? algorithm),
                )
              }
            >
              Sign with another secret
            </button>
            <button
              type="button"
              className="button"
              onClick={() => act('Cut 6 characters off the signature.', () => truncateSignature(token))}
            >
              Truncate the signature
            </button>
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={!key || !secret}
              onClick={() =>
                key &&
                act('Signed again with the secret key above.', () =>
                  resign(token, key, inspection?.steps?.algorithm ?? algorithm),
                )
              }
            >
              Sign with this secret
            </button>
            <button
              type="button"
              className="button"
              disabled={!key || !secret}
              onClick={() =>
                key &&
                act('Made a fresh token: iat now, exp in 15 minutes, signed with the secret.', () =>
                  freshToken(token, key, algorithm, Date.now() / 1000),
                )
              }
            >
              Fresh times (exp +15 min) and sign
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => act('Back to the original token.', () => props.token)}
            >
              Reset
            </button>
          </div>
          <p className="action-note" aria-live="polite">
            {actionNote}
          </p>
        </fieldset>
      </div>
    </section>
  );
}

function relative(seconds: number, now: number): string {
  const difference = seconds - now;
  if (difference === 0) return 'now';
  return difference > 0 ? `in ${duration(difference)}` : `${duration(-difference)} ago`;
}
