import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { HMAC_ALGORITHM_NAMES, type HmacAlgorithm, isHmacAlgorithm } from '../jwt';
import { CopyButton } from '../ui/CopyButton';
import { CLAIM_GLOSSARY, claimNames, explainClaim } from './claimGlossary';
import { limitText, MAX_TOKEN_CHARS, tokenCutNote } from './inputLimits';
import {
  duration,
  type Inspection,
  inspectToken,
  keyFromSecret,
  type SecretEncoding,
  timeClaimsOf,
} from './inspectToken';
import { weakKeyWarning } from './keyStrength';
import { stripBearerPrefix } from './pastedToken';
import { FIRST_INSPECTOR_SELECTOR, type InspectRequest, sandboxStore, scrollBehavior } from './sandboxStore';
import { highlightPieces, MAX_HIGHLIGHTED } from './tokenHighlight';
import './sandbox.css';
import { errorMessage } from '../lib/errorMessage';
import { localDateTime } from '../lib/localTime';
import { pageClock } from '../lib/secondClock';
import { useSecondClock } from '../ui/useSecondClock';
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
  /** Whose secret the key field holds, when it came with a token; cleared when the learner edits it. */
  const [secretOwner, setSecretOwner] = useState<string>();
  const [back, setBack] = useState<InspectRequest['back']>();
  const verdictRef = useRef<HTMLDivElement>(null);
  const highlightRef = useRef<HTMLDivElement>(null);
  /** The token an attack or action produced: its verdict is scrolled into view when it arrives. */
  const revealVerdictFor = useRef<string | undefined>(undefined);
  const now = useSecondClock();
  const tokenField = useRef<HTMLTextAreaElement>(null);
  // Shown from the first render (and the prerendered HTML), so nothing below them jumps.
  const times = useMemo(() => timeClaimsOf(token), [token]);
  const hasTimes = times.length > 0;

  // Re-inspect on every change, and every second while a countdown is shown.
  const tick = hasTimes ? now : 0;
  useEffect(() => {
    let current = true;
    inspectToken({ token, secret, secretEncoding: encoding, algorithm, clock: () => tick || pageClock.read() }).then(
      (result) => {
        if (!current) return;
        setInspection(result);
        if (revealVerdictFor.current === token) {
          revealVerdictFor.current = undefined;
          verdictRef.current?.scrollIntoView?.({ block: 'nearest', behavior: scrollBehavior() });
        }
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
  // A request made before this inspector woke (it hydrates as it nears the viewport) is
  // still for it: the simulator sends, then scrolls here.
  const handledRequest = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!inspectRequest || inspectRequest.nonce === handledRequest.current) return;
    handledRequest.current = inspectRequest.nonce;
    setToken(inspectRequest.token);
    setSecret(inspectRequest.secret);
    setEncoding('text');
    setAlgorithm('HS256');
    setSecretOwner(inspectRequest.secretOwner);
    setBack(inspectRequest.back);
    setDraft(undefined);
    setActionNote('Opened a token from the request simulator, with the secret key that signed it.');
    // Every inspector shows the token; the first on the page is the one brought into view and focused.
    const section = tokenField.current?.closest('section');
    if (!section || section !== document.querySelector(FIRST_INSPECTOR_SELECTOR)) return;
    // At once: a smooth scroll this far renders every block it passes and lands off target.
    section.scrollIntoView?.({ block: 'start', behavior: 'instant' });
    tokenField.current?.focus({ preventScroll: true });
  }, [inspectRequest]);

  /** Any edit by hand: the last action's note no longer describes what is on screen. */
  const editedByHand = () => {
    markInput();
    setActionNote('');
  };

  const key = useMemo(() => {
    try {
      return keyFromSecret(secret, encoding);
    } catch {
      return undefined;
    }
  }, [secret, encoding]);

  const markInput = () => performance.mark('inspector-input');

  const editJson = async (part: 'header' | 'payload', text: string) => {
    editedByHand();
    setDraft({ part, text });
    let next: string;
    try {
      next = replaceJsonPart(token, part, text);
    } catch (error) {
      setDraft({ part, text, error: errorMessage(error) });
      return;
    }
    if (next.length > MAX_TOKEN_CHARS) {
      setDraft({
        part,
        text,
        error: `The token would be ${next.length.toLocaleString('en-US')} characters: the inspector takes at most ${MAX_TOKEN_CHARS.toLocaleString('en-US')} (64 KB), so this edit was not applied.`,
      });
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
      const next = await change();
      if (next === token) verdictRef.current?.scrollIntoView?.({ block: 'nearest', behavior: scrollBehavior() });
      else revealVerdictFor.current = next;
      setToken(next);
      setDraft(undefined);
      setActionNote(label);
    } catch (error) {
      setActionNote(`Could not ${label.toLowerCase()}: ${errorMessage(error)}`);
    }
  };

  const reset = () => {
    markInput();
    revealVerdictFor.current = props.token === token ? undefined : props.token;
    setToken(props.token);
    setSecret(props.secret);
    setEncoding('text');
    setAlgorithm('HS256');
    setResignOnEdit(false);
    setSecretOwner(undefined);
    setDraft(undefined);
    setActionNote("Back to the lesson's original token and secret key.");
  };

  const parts = inspection?.parts;
  const weakKey = weakKeyWarning(secret, encoding, inspection?.steps?.algorithm ?? algorithm);
  const claims = claimNames(parts?.payload?.json);
  const highlighted = token.length <= MAX_HIGHLIGHTED;
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
            {back && (
              <button type="button" className="button button-small back-button" onClick={() => back.go()}>
                ← {back.label}
              </button>
            )}
            <CopyButton text={token} label="Copy the token" />
          </div>
          <div className={`token-editor${highlighted ? ' token-editor-highlighted' : ''}`}>
            {highlighted && (
              <div className="token-highlight" ref={highlightRef} aria-hidden="true">
                {highlightPieces(token).map((piece, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity beyond their place
                  <span key={index} className={`token-piece token-piece-${piece.kind}`}>
                    {piece.text}
                  </span>
                ))}
                {'\n'}
              </div>
            )}
            <textarea
              ref={tokenField}
              id={`${uid}-token`}
              className="token-input"
              value={token}
              rows={4}
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
              onScroll={(event) => {
                if (highlightRef.current) highlightRef.current.scrollTop = event.currentTarget.scrollTop;
              }}
              onChange={(event) => {
                editedByHand();
                const pasted = stripBearerPrefix(event.target.value);
                // Cut before anything decodes, signs or colours it: a 10 MB paste stays a 64 KB token.
                const limited = limitText(pasted.token, MAX_TOKEN_CHARS);
                setToken(limited.text);
                setDraft(undefined);
                const notes = [
                  pasted.removedPrefix &&
                    `Removed "${pasted.removedPrefix.trim()}" from the start: it belongs to the Authorization header ("Authorization: Bearer <token>"), not to the token.`,
                  limited.cutFrom !== undefined && tokenCutNote(limited.cutFrom),
                ].filter(Boolean);
                if (notes.length > 0) setActionNote(notes.join(' '));
              }}
            />
          </div>
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

        {claims.length > 0 && (
          <div className="claims-explained">
            <h4 className="claims-title" id={`${uid}-claims`}>
              Claims in this payload
            </h4>
            <ul className="claim-chips" aria-labelledby={`${uid}-claims`}>
              {claims.map((claim) => {
                const entry = explainClaim(claim);
                const tipId = `${uid}-claim-${claim.replace(/[^A-Za-z0-9_-]/g, '_')}`;
                return (
                  <li key={claim} className="claim-chip-item">
                    <button type="button" className="claim-chip" aria-describedby={tipId}>
                      <code>{claim}</code>
                    </button>
                    <span role="tooltip" id={tipId} className="claim-tip">
                      {entry
                        ? `${entry.name} (${entry.source}): ${entry.explanation}`
                        : "Not a registered claim: the application's own data. Anyone holding the token can read it."}
                    </span>
                  </li>
                );
              })}
            </ul>
            <details className="claim-glossary">
              <summary>What every standard claim means</summary>
              <dl>
                {CLAIM_GLOSSARY.map((entry) => (
                  <div key={entry.claim}>
                    <dt>
                      <code>{entry.claim}</code> {entry.name} <span className="claim-source">({entry.source})</span>
                    </dt>
                    <dd>{entry.explanation}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </div>
        )}

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
              aria-describedby={
                [secretOwner ? `${uid}-secret-owner` : '', weakKey ? `${uid}-weak-key` : ''].join(' ').trim() ||
                undefined
              }
              onChange={(event) => {
                editedByHand();
                setSecretOwner(undefined);
                setSecret(event.target.value);
              }}
            />
            {secretOwner && (
              <p className="secret-owner" id={`${uid}-secret-owner`}>
                This is {secretOwner}.
              </p>
            )}
            {weakKey && (
              <p className="weak-key" id={`${uid}-weak-key`}>
                <strong>Weak key:</strong> {weakKey.bytes} {weakKey.bytes === 1 ? 'byte' : 'bytes'}, below the{' '}
                {weakKey.minimum} bytes {weakKey.algorithm} needs. Recent PyJWT warns:{' '}
                <code className="break">InsecureKeyLengthWarning: {weakKey.message}</code> A short secret can be guessed
                offline from one token.
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-encoding`}>The secret is</label>
            <select
              id={`${uid}-encoding`}
              value={encoding}
              onChange={(event) => {
                editedByHand();
                setSecretOwner(undefined);
                setEncoding(event.target.value === 'base64url' ? 'base64url' : 'text');
              }}
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
              onChange={(event) => {
                editedByHand();
                if (isHmacAlgorithm(event.target.value)) setAlgorithm(event.target.value);
              }}
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
          ref={verdictRef}
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
                  {now ? localDateTime(seconds) : String(seconds)}
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
                  HMAC-SHA{inspection.steps.algorithm.slice(2)} of it with the secret key, as bytes in hex:{' '}
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
            <button type="button" className="button button-quiet" onClick={reset}>
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
