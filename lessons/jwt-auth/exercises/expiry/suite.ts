// The graded suite of "Challenge: tokens that expire": its contract as code (see exercise.yaml's contract).

import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  type CallRecord,
  type CaseJudgement,
  defineSuite,
  describeCall,
  drawClaims,
  drawSecret,
  HS256_HEADER,
  hs256Verdict,
  type JsonValue,
  jsonObject,
  judgeArgumentsUnchanged,
  judgeGivenClock,
  judgeSignatureFirst,
  type MintedCase,
  namedTokenCase,
  PLAIN_STYLE,
  pick,
  plainJson,
  pythonBytes,
  pythonRepr,
  type RandomSource,
  type TokenPlan,
  tokenCase,
  type Verdict,
} from '../../../../src/exercise/index.ts';
import {
  base64urlEncode,
  base64urlEncodeText,
  decodeToken,
  pythonJsonDumps,
  signSegments,
  utf8Encode,
} from '../../../../src/jwt/index.ts';

const DEFAULT_LIFETIME = 900;

export const CASES = [
  { id: 'issue-default', label: 'issue_token(payload, secret, now=T) sets exp to T + 900' },
  { id: 'issue-lifetime', label: 'issue_token(..., now=T, lifetime=60) sets exp to T + 60' },
  { id: 'issue-keeps-claims', label: "the issued token keeps the payload's claims and verifies" },
  { id: 'expired', label: 'a token that expired 60 s before now' },
  { id: 'expires-now', label: 'a token whose exp is exactly now' },
  { id: 'future', label: 'a token that expires 60 s after now' },
  { id: 'no-exp', label: 'a token without an exp claim' },
  { id: 'exp-extended', label: 'an expired token whose exp was pushed back without re-signing' },
] as const;

type CaseId = (typeof CASES)[number]['id'];

export const GROUPS = [
  { id: 'issued', label: 'generated calls of issue_token (varied claims and lifetimes)' },
  {
    id: 'exp-values',
    label:
      'generated genuine tokens with every kind of exp (null, text, decimals, huge, negative), some with nbf or iat',
  },
  { id: 'forged', label: 'generated forged tokens, some with a malformed exp' },
] as const;

export const CHECKS = [
  { id: 'given-clock', label: "the functions use the now they are given, not the computer's clock" },
  { id: 'signature-first', label: 'verify_token checks the signature before it reads the payload' },
  { id: 'payload-unchanged', label: "issue_token leaves the caller's payload unchanged" },
] as const;

/**
 * The challenge's contract for verify_token(token, secret, now): the signature
 * first (HMAC-SHA256 over the token's own header.payload, compared exactly),
 * then the policy: exp must be there and be a number (int or float, not a
 * boolean), and the token is expired when exp <= now. nbf and iat play no part.
 */
export function expiryVerdict(token: string, secret: Uint8Array, now: number): Verdict {
  const verdict = hs256Verdict(token, secret, { checkAlg: false });
  if ('reject' in verdict) return verdict;
  const exp = verdict.accept.exp;
  if (exp === undefined || exp === null) return { reject: 'it has no exp' };
  if (typeof exp !== 'number') return { reject: `its exp is ${pythonRepr(exp)}, not a number` };
  if (exp <= now) return { reject: `it has expired (exp ${pythonRepr(exp)} is not after now ${now})` };
  return verdict;
}

const VERIFY_REASONS: Partial<Record<CaseId, string>> = {
  'expires-now': 'accepted-at-exp',
  'no-exp': 'accepted-without-exp',
  expired: 'accepted-expired',
};

async function mintNamed(random: RandomSource, secret: Uint8Array, now: number): Promise<MintedCase[]> {
  const claims = { sub: `learner${random.int(100_000)}`, role: 'reader' };
  const headerJson = '{"alg":"HS256","typ":"JWT"}';
  const at = (exp: number | undefined) =>
    signSegments(headerJson, pythonJsonDumps(exp === undefined ? claims : { ...claims, exp }), secret, 'HS256');
  const expired = await at(now - 60);
  const [header = '', , signature = ''] = expired.split('.');
  const extended = `${header}.${base64urlEncodeText(pythonJsonDumps({ ...claims, exp: now + 3600 }))}.${signature}`;

  const issue = (id: CaseId, lifetime: number | undefined): MintedCase => ({
    id,
    group: id,
    label: CASES.find((info) => info.id === id)?.label ?? id,
    tags: ['named', 'issue'],
    generated: false,
    call: {
      id,
      function: 'issue_token',
      args: [claims, pythonBytes(secret)],
      kwargs: lifetime === undefined ? { now } : { now, lifetime },
      probe: { secret: pythonBytes(secret) },
    },
    judge: (record) =>
      judgeIssued(record, secret, now, lifetime ?? DEFAULT_LIFETIME, id === 'issue-keeps-claims' ? claims : undefined),
  });
  const verify = (id: CaseId, token: string, tags: string[]): MintedCase => {
    const minted = namedTokenCase({
      id,
      label: CASES.find((info) => info.id === id)?.label ?? id,
      tags: ['named', 'verify', ...tags],
      token,
      secret,
      function: 'verify_token',
      kwargs: { now },
      verdict: expiryVerdict(token, secret, now),
    });
    const reason = VERIFY_REASONS[id];
    return {
      ...minted,
      judge: (record) => {
        const judgement = minted.judge(record);
        return !judgement.passed && judgement.reason === 'accepted' && reason ? { ...judgement, reason } : judgement;
      },
    };
  };
  return [
    issue('issue-default', undefined),
    issue('issue-lifetime', 60),
    issue('issue-keeps-claims', undefined),
    verify('expired', expired, ['expired']),
    verify('expires-now', await at(now), ['expires-now']),
    verify('future', await at(now + 60), ['genuine']),
    verify('no-exp', await at(undefined), ['no-exp']),
    verify('exp-extended', extended, ['forged', 'edit-exp']),
  ];
}

/** Checks a token the learner's issue_token made: HS256 with the secret, the claims kept, exp = now + lifetime. */
export function judgeIssued(
  record: CallRecord,
  secret: Uint8Array,
  now: number,
  lifetime: number,
  keptClaims: Record<string, unknown> | undefined,
  checkExp = keptClaims === undefined,
): CaseJudgement {
  const wanted = now + lifetime;
  const expected = !keptClaims
    ? `a token whose exp is ${wanted} (now + ${lifetime})`
    : checkExp
      ? `a token carrying the other claims of ${pythonRepr(keptClaims)} with exp ${wanted} (now + ${lifetime}), signed with the secret`
      : `a token carrying ${pythonRepr(keptClaims)} and an exp, signed with the secret`;
  const fail = (actual: string, reason: string): CaseJudgement => ({ passed: false, expected, actual, reason });
  if (record.outcome !== 'returned') {
    return fail(describeCall(record), record.outcome === 'raised' ? 'crashed' : record.outcome);
  }
  if (typeof record.value !== 'string') return fail(`returned ${record.repr}, not a token string`, 'not-a-token');
  let decoded: ReturnType<typeof decodeToken>;
  try {
    decoded = decodeToken(record.value);
  } catch (error) {
    return fail(`returned a string that is not a token (${(error as Error).message})`, 'not-a-token');
  }
  const { payload } = decoded;
  const signature = base64urlEncode(nobleHmac(sha256, secret, utf8Encode(decoded.signingInput)));
  if (decoded.segments[2] !== signature) {
    return fail('returned a token whose signature is not HMAC-SHA256 with the secret', 'bad-signature');
  }
  if (decoded.header.alg !== 'HS256') {
    return fail(`returned a token whose header says alg ${pythonRepr(decoded.header.alg)}`, 'bad-signature');
  }
  if (keptClaims) {
    const lost = Object.keys(keptClaims).filter(
      (key) => key !== 'exp' && pythonJsonDumps(payload[key] ?? null) !== pythonJsonDumps(keptClaims[key] ?? null),
    );
    if (lost.length > 0) {
      return fail(`the token's payload lost or changed ${lost.join(', ')}: ${pythonRepr(payload)}`, 'claims-lost');
    }
    if (!checkExp) return { passed: true, expected, actual: `issued ${pythonRepr(payload)}` };
  }
  const exp = payload.exp;
  if (exp === undefined) return fail(`issued ${pythonRepr(payload)}: no exp claim`, 'no-exp-issued');
  if (typeof exp !== 'number')
    return fail(`issued exp = ${pythonRepr(exp)}, not a number of seconds`, 'exp-not-number');
  if (exp === wanted) return { passed: true, expected, actual: `exp = ${exp}` };
  let reason = 'exp-wrong';
  if (exp === lifetime) reason = 'exp-lifetime-only';
  else if (Math.abs(exp - wanted * 1000) < 1_000_000 || Math.abs(exp - (now * 1000 + lifetime)) < 1000)
    reason = 'exp-milliseconds';
  else if (exp === now + DEFAULT_LIFETIME && lifetime !== DEFAULT_LIFETIME) reason = 'lifetime-ignored';
  else if (exp === now) reason = 'exp-is-now';
  else if (Math.abs(exp - now) > 10_000_000) reason = 'exp-other-clock';
  return fail(`exp = ${exp} (${describeOffset(exp - now)})`, reason);
}

function describeOffset(seconds: number): string {
  if (Math.abs(seconds) > 10 ** 9) return 'far from now: milliseconds, or a different clock?';
  return seconds >= 0 ? `now + ${seconds}` : `now − ${-seconds}`;
}

// ------------------------------------------------------------------ the generated batch

const EXP_VARIANTS: Array<{
  tag: string;
  words: string;
  exp: (now: number) => JsonValue | undefined;
  extra?: (now: number) => Array<[string, JsonValue]>;
}> = [
  { tag: 'exp-null', words: 'exp: null', exp: () => null },
  { tag: 'exp-string', words: 'exp written as a string', exp: (now) => String(now + 3600) },
  { tag: 'exp-float', words: 'exp a decimal number 60.5 s after now', exp: (now) => ({ $number: `${now + 60}.5` }) },
  {
    tag: 'exp-float-past',
    words: 'exp a decimal number half a second before now',
    exp: (now) => ({ $number: `${now - 1}.5` }),
  },
  { tag: 'exp-huge', words: 'exp far in the future (10**20)', exp: () => ({ $number: '100000000000000000000' }) },
  { tag: 'exp-negative', words: 'a negative exp', exp: () => -1000 },
  { tag: 'exp-object', words: 'exp that is a JSON object', exp: (now) => jsonObject([['at', now + 60]]) },
  { tag: 'has-nbf', words: 'an nbf claim, expired', exp: (now) => now - 30, extra: (now) => [['nbf', now - 600]] },
  { tag: 'has-nbf', words: 'an nbf claim, not expired', exp: (now) => now + 600, extra: (now) => [['nbf', now - 600]] },
  { tag: 'has-iat', words: 'an iat claim, expired', exp: (now) => now - 1, extra: (now) => [['iat', now - 901]] },
  { tag: 'has-iat', words: 'an iat claim, not expired', exp: (now) => now + 1, extra: (now) => [['iat', now - 899]] },
];

const FORGED_VARIANTS: Array<{ tag: string; words: string; exp: (now: number) => JsonValue; how: 'other' | 'edit' }> = [
  {
    tag: 'forged-future',
    words: 'signed with another secret, exp in the future',
    exp: (now) => now + 600,
    how: 'other',
  },
  {
    tag: 'forged-malformed-exp',
    words: 'signed with another secret, exp the text "soon"',
    exp: () => 'soon',
    how: 'other',
  },
  { tag: 'forged-malformed-exp', words: 'signed with another secret, exp null', exp: () => null, how: 'other' },
  { tag: 'forged-expired', words: 'signed with another secret, expired', exp: (now) => now - 600, how: 'other' },
  {
    tag: 'edit-exp',
    words: 'an expired token whose exp was changed without re-signing',
    exp: (now) => now + 86_400,
    how: 'edit',
  },
];

/** Exact numbers made plain JS numbers, so the claims survive a trip through JavaScript (issue_token is judged in JS). */
function jsSafe(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(jsSafe);
  if ('$number' in value) return Number(value.$number);
  return jsonObject(value.$object.map(([key, item]) => [key, jsSafe(item)]));
}

const safeClaims = (random: RandomSource) =>
  drawClaims(random).map(([key, value]): [string, JsonValue] => [key, jsSafe(value)]);

async function mintGenerated(random: RandomSource, now: number): Promise<MintedCase[]> {
  const cases: MintedCase[] = [];
  for (let index = 0; index < 5; index++) {
    const secret = drawSecret(random);
    const claims = plainJson(jsonObject(safeClaims(random))) as Record<string, unknown>;
    if (index === 0) claims.exp = now - 5000; // an old exp in the payload must be replaced
    const lifetime = pick(random, [1, 60, 300, 3600, 86_400, undefined]);
    const id = `issued-${index + 1}`;
    const kwargs = lifetime === undefined ? { now } : { now, lifetime };
    cases.push({
      id,
      group: 'issued',
      label: `issue_token(${pythonRepr(claims)}, secret, now=${now}${lifetime === undefined ? '' : `, lifetime=${lifetime}`})`,
      tags: ['generated', 'issued', ...(index === 0 ? ['issue-old-exp'] : [])],
      generated: true,
      call: {
        id,
        function: 'issue_token',
        args: [claims, pythonBytes(secret)],
        kwargs,
        probe: { secret: pythonBytes(secret) },
      },
      judge: (record) => judgeIssued(record, secret, now, lifetime ?? DEFAULT_LIFETIME, claims, true),
    });
  }
  const plan = (payload: Array<[string, JsonValue]>, secret: Uint8Array): TokenPlan => ({
    secret,
    header: HS256_HEADER,
    payload: jsonObject(payload),
    style: PLAIN_STYLE,
    sign: { hash: 'sha256', over: 'header.payload', key: 'secret' },
  });
  const verdict = (token: string, drawn: TokenPlan) => expiryVerdict(token, drawn.secret, now);
  for (const variant of EXP_VARIANTS) {
    const exp = variant.exp(now);
    const members: Array<[string, JsonValue]> = [...safeClaims(random), ...(variant.extra?.(now) ?? [])];
    if (exp !== undefined) members.push(['exp', exp]);
    cases.push(
      tokenCase({
        id: `exp-values-${cases.length + 1}`,
        group: 'exp-values',
        label: `a genuine token with ${variant.words}`,
        tags: ['generated', 'exp-values', variant.tag],
        plan: plan(members, drawSecret(random)),
        function: 'verify_token',
        kwargs: { now },
        verdict,
        keep: new Set(['exp', 'nbf', 'iat']),
      }),
    );
  }
  for (const variant of FORGED_VARIANTS) {
    const secret = drawSecret(random);
    const members: Array<[string, JsonValue]> = [...safeClaims(random), ['exp', variant.exp(now)]];
    const drawn: TokenPlan =
      variant.how === 'other'
        ? { ...plan(members, secret), sign: { hash: 'sha256', over: 'header.payload', key: 'other' } }
        : {
            ...plan([...members.slice(0, -1), ['exp', now - 60]], secret),
            tamper: 'edit-exp',
            edited: jsonObject(members),
          };
    cases.push(
      tokenCase({
        id: `forged-${cases.length + 1}`,
        group: 'forged',
        label: `a forged token: ${variant.words}`,
        tags: ['generated', 'forged', variant.tag],
        plan: drawn,
        function: 'verify_token',
        kwargs: { now },
        verdict,
        keep: new Set(['exp']),
      }),
    );
  }
  return cases;
}

export default defineSuite({
  functions: ['issue_token', 'verify_token'],
  cases: CASES,
  groups: GROUPS,
  checks: CHECKS,
  mint: async (random) => {
    const secret = random.bytes(32);
    const now = 1_700_000_000 + random.int(100_000_000);
    return [...(await mintNamed(random, secret, now)), ...(await mintGenerated(random, now))];
  },
  judgeBehaviour: (calls) => [
    judgeGivenClock('given-clock', calls),
    judgeSignatureFirst(
      'signature-first',
      calls.filter(({ minted }) => minted.call.function === 'verify_token'),
    ),
    judgeArgumentsUnchanged(
      'payload-unchanged',
      calls.filter(({ minted }) => minted.call.function === 'issue_token'),
      { issue_token: ['payload', 'secret'] },
    ),
  ],
});
