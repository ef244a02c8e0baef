import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlDecode, base64urlEncode, utf8Decode, utf8Encode } from '../jwt';
import { pythonRepr } from './describe';
import { pythonBytes } from './harnessResult';
import type { MintedCase, Verdict } from './suite';
import { judgeVerdict } from './suite';
import { explainPlan, planSize, type RenderedToken, renderPlan, shrinkPlan, type TokenPlan } from './tokenGrammar';

/**
 * The HS256 contract of the lesson's verifiers, as the learner reads it: a
 * token is genuine when it is ASCII text of exactly three segments, its header
 * is a JSON object whose `alg` is exactly "HS256", its signature segment is
 * exactly the unpadded base64url of HMAC-SHA256(secret, "header.payload") (the
 * token's own text), and its payload is a JSON object. A signature that
 * differs only in bits base64url ignores decodes to the same bytes: either
 * answer is accepted for it (PyJWT accepts it; an exact text comparison does not).
 */
export function hs256Verdict(token: string, secret: Uint8Array, options: { checkAlg?: boolean } = {}): Verdict {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the range \x00-\x7f
  if (!/^[\x00-\x7f]*$/.test(token)) return { reject: 'the token is not ASCII text' };
  const segments = token.split('.');
  if (segments.length !== 3) return { reject: `it has ${segments.length} segments, not 3` };
  const [headerSegment = '', payloadSegment = '', signature = ''] = segments;
  if (options.checkAlg !== false) {
    const header = jsonSegment(headerSegment);
    if (header === undefined) return { reject: 'the header is not base64url JSON' };
    if (typeof header !== 'object' || header === null || Array.isArray(header)) {
      return { reject: 'the header is not a JSON object' };
    }
    if (!Object.hasOwn(header, 'alg')) return { reject: 'the header has no alg' };
    const alg = (header as Record<string, unknown>).alg;
    if (alg !== 'HS256') return { reject: `the header's alg is ${pythonRepr(alg)}, not 'HS256'` };
  }
  const expected = base64urlEncode(nobleHmac(sha256, secret, utf8Encode(`${headerSegment}.${payloadSegment}`)));
  const sameBytes = signature !== expected && sameBytesAs(signature, expected);
  if (signature !== expected && !sameBytes) return { reject: 'the signature does not match' };
  const payloadText = textSegment(payloadSegment);
  const payload = payloadText === undefined ? undefined : parseJson(payloadText);
  if (payloadText === undefined || payload === undefined) return { reject: 'the payload is not base64url JSON' };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { reject: 'the payload is not a JSON object' };
  }
  const accept = payload as Record<string, unknown>;
  return sameBytes
    ? { either: 'its signature is spelled differently but decodes to the same bytes', accept, json: payloadText }
    : { accept, json: payloadText };
}

function textSegment(segment: string): string | undefined {
  try {
    return utf8Decode(base64urlDecode(segment));
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const jsonSegment = (segment: string) => {
  const text = textSegment(segment);
  return text === undefined ? undefined : parseJson(text);
};

/** Same bytes, other spelling: only unused low bits of the last character differ. */
function sameBytesAs(signature: string, expected: string): boolean {
  if (signature.length !== expected.length || signature.slice(0, -1) !== expected.slice(0, -1)) return false;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const spare = signature.length % 4 === 2 ? 0b1111 : signature.length % 4 === 3 ? 0b11 : 0;
  const a = alphabet.indexOf(signature.at(-1) ?? '');
  const b = alphabet.indexOf(expected.at(-1) ?? '');
  return spare !== 0 && a >= 0 && b >= 0 && (a & ~spare) === (b & ~spare);
}

/** The probe data of a call that receives this token (see harness.py). */
export function tokenProbe(token: string, secret: Uint8Array, rendered?: RenderedToken) {
  const parts = token.split('.');
  const [header = '', payload = '', signature = ''] = parts;
  const expected =
    rendered?.hs256Signature ?? base64urlEncode(nobleHmac(sha256, secret, utf8Encode(`${header}.${payload}`)));
  return {
    signatures: parts.length >= 3 ? [signature, expected] : [expected],
    payloadSegment: payload,
    signingInput: `${header}.${payload}`,
    segments: [header, payload] as [string, string],
    secret: pythonBytes(secret),
  };
}

export interface TokenCaseOptions {
  id: string;
  group: string;
  /** Words for the case; a function of the plan when they describe it (so a shrunk case is described anew). */
  label: string | ((plan: TokenPlan) => string);
  tags: readonly string[];
  plan: TokenPlan;
  /** The function called and its other arguments (the token comes first, the secret second). */
  function: string;
  kwargs?: Record<string, unknown>;
  verdict: (token: string, plan: TokenPlan) => Verdict;
  /** Members shrinking must keep (the ones this kind of case hinges on). */
  keep?: ReadonlySet<string>;
}

/**
 * A case built from a token plan: the call with the rendered token and the
 * plan's secret, judged against the contract's verdict, explained in the
 * learner's terms, and shrinkable to simpler plans of the same kind.
 */
export function tokenCase(options: TokenCaseOptions): MintedCase {
  const rendered = renderPlan(options.plan);
  const verdict = options.verdict(rendered.token, options.plan);
  const json = 'json' in verdict ? verdict.json : undefined;
  return {
    id: options.id,
    group: options.group,
    label: typeof options.label === 'function' ? options.label(options.plan) : options.label,
    tags: options.tags,
    generated: true,
    call: {
      id: options.id,
      function: options.function,
      args: [rendered.token, pythonBytes(options.plan.secret)],
      ...(options.kwargs ? { kwargs: options.kwargs } : {}),
      ...(json !== undefined ? { expectJson: json } : {}),
      probe: tokenProbe(rendered.token, options.plan.secret, rendered),
    },
    judge: (record) => judgeVerdict(verdict, record, pythonRepr),
    explain: explainPlan(options.plan),
    shrink: async () =>
      shrinkPlan(options.plan, options.keep)
        .filter((plan) => planSize(plan) < planSize(options.plan))
        .map((plan, index) => tokenCase({ ...options, id: `${options.id}~${index}`, plan })),
  };
}

/** A named case: a fixed token (made by the suite) and its verdict, judged like a generated one. */
export function namedTokenCase(options: {
  id: string;
  label: string;
  tags: readonly string[];
  token: string;
  secret: Uint8Array;
  function: string;
  kwargs?: Record<string, unknown>;
  verdict: Verdict;
}): MintedCase {
  const json = 'json' in options.verdict ? options.verdict.json : undefined;
  return {
    id: options.id,
    group: options.id,
    label: options.label,
    tags: options.tags,
    generated: false,
    call: {
      id: options.id,
      function: options.function,
      args: [options.token, pythonBytes(options.secret)],
      ...(options.kwargs ? { kwargs: options.kwargs } : {}),
      ...(json !== undefined ? { expectJson: json } : {}),
      probe: tokenProbe(options.token, options.secret),
    },
    judge: (record) => judgeVerdict(options.verdict, record, pythonRepr),
  };
}
