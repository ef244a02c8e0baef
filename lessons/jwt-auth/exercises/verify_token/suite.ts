// The graded suite of "Complete the verifier": its contract as code (see exercise.yaml's contract).

import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  defineSuite,
  drawClaims,
  drawSecret,
  drawStyle,
  HS256_HEADER,
  hs256Verdict,
  type JsonValue,
  jsonObject,
  judgeConstantTime,
  judgeSignatureFirst,
  type MintedCase,
  namedTokenCase,
  pick,
  type RandomSource,
  renderJson,
  type SigningHash,
  type Tampering,
  type TokenPlan,
  tokenCase,
} from '../../../../src/exercise/index.ts';
import {
  base64urlEncode,
  base64urlEncodeText,
  pythonJsonDumps,
  signSegments,
  utf8Encode,
} from '../../../../src/jwt/index.ts';

const FUNCTION = 'verify_token';

export const CASES = [
  { id: 'valid', label: 'a valid token' },
  { id: 'reordered-header', label: 'a valid token whose header lists "typ" before "alg"' },
  { id: 'payload-changed', label: 'the payload changed to "role": "admin" without re-signing' },
  { id: 'alg-switched', label: 'the header changed to "alg": "HS512" without re-signing' },
  { id: 'alg-none', label: 'the header changed to "alg": "none", with an empty signature' },
  { id: 'other-secret', label: 'a token signed with another secret key' },
  { id: 'truncated-signature', label: 'the signature cut short by 4 characters' },
  { id: 'flipped-byte', label: 'one bit of one byte of the signature flipped' },
  { id: 'two-segments', label: 'only two segments (the signature left off)' },
  { id: 'four-segments', label: 'four segments (a dot and more text added)' },
  { id: 'non-base64url', label: 'the signature in standard base64 (with +, / or = padding)' },
  { id: 'stray-character', label: 'a "!" (not base64url) inside the payload' },
  { id: 'padded-signature', label: 'the signature with base64 "=" padding kept' },
  { id: 'signed-payload-only', label: 'a signature computed over the payload alone' },
  { id: 'signed-sha1', label: 'a signature made with HMAC-SHA1' },
  { id: 'signed-md5', label: 'a signature made with HMAC-MD5' },
  { id: 'garbage-payload', label: 'a bad signature over a payload that is not JSON' },
] as const;

type CaseId = (typeof CASES)[number]['id'];

export const GROUPS = [
  { id: 'genuine', label: 'generated genuine tokens (varied JSON, headers and secrets)' },
  { id: 'algorithm', label: 'generated tokens whose header or HMAC is not HS256' },
  { id: 'signature', label: 'generated tokens whose signature or payload was altered after signing' },
  { id: 'structure', label: 'generated tokens that are not three ASCII segments, or whose payload is not an object' },
] as const;

export const CHECKS = [
  { id: 'constant-time', label: 'the two signatures are compared in constant time' },
  { id: 'signature-first', label: 'the signature is checked before the payload is parsed' },
] as const;

/** Tags every named case carries, so feedback can name the kind of token as well as the case. */
const NAMED_TAGS: Record<CaseId, string[]> = {
  valid: ['genuine'],
  'reordered-header': ['genuine', 'header-typ-first'],
  'payload-changed': ['forged', 'edit-payload'],
  'alg-switched': ['forged', 'edit-header'],
  'alg-none': ['forged', 'alg-none'],
  'other-secret': ['forged', 'other-secret'],
  'truncated-signature': ['forged', 'truncate'],
  'flipped-byte': ['forged', 'flip-bit'],
  'two-segments': ['forged', 'segment-count', 'drop-signature'],
  'four-segments': ['forged', 'segment-count', 'extra-segment'],
  'non-base64url': ['forged', 'standard-alphabet'],
  'stray-character': ['forged', 'stray-character'],
  'padded-signature': ['forged', 'add-padding'],
  'signed-payload-only': ['forged', 'signed-payload-only'],
  'signed-sha1': ['forged', 'signed-sha1'],
  'signed-md5': ['forged', 'signed-md5'],
  'garbage-payload': ['forged', 'garbage-payload'],
};

const USERS = ['alice', 'bob', 'carol', 'dara', 'emeka', 'farah'];

async function mintNamed(random: RandomSource): Promise<MintedCase[]> {
  const secret = random.bytes(32);
  const claims: Record<string, unknown> = {
    sub: `${pick(random, USERS)}${random.int(1000)}`,
    role: 'reader',
    n: random.int(1_000_000),
  };
  // A signature with "-" or "_" in it, so its standard-base64 form differs by more than "=",
  // and a payload whose base64url lost its padding (so a decoder that needs it must add it).
  const headerJson = '{"alg":"HS256","typ":"JWT"}';
  let token = await signSegments(headerJson, pythonJsonDumps(claims), secret, 'HS256');
  while (!/[-_]/.test(token.split('.')[2] ?? '') || (token.split('.')[1] ?? '').length % 4 === 0) {
    claims.n = random.int(1_000_000);
    token = await signSegments(headerJson, pythonJsonDumps(claims), secret, 'HS256');
  }
  const [header = '', payload = '', signature = ''] = token.split('.');
  const signingInput = `${header}.${payload}`;
  const withPayload = (changes: Record<string, unknown>) =>
    base64urlEncodeText(pythonJsonDumps({ ...claims, ...changes }));
  const legacyHmac = (hash: typeof md5, data: string) => base64urlEncode(nobleHmac(hash, secret, utf8Encode(data)));
  const flipped = nobleHmac(sha256, secret, utf8Encode(signingInput));
  const flipAt = random.int(flipped.length);
  flipped[flipAt] = (flipped[flipAt] ?? 0) ^ (1 << random.int(8));
  const strayAt = 1 + random.int(payload.length - 2);

  const tokens: Record<CaseId, string> = {
    valid: token,
    'reordered-header': await signSegments('{"typ":"JWT","alg":"HS256"}', pythonJsonDumps(claims), secret, 'HS256'),
    'payload-changed': `${header}.${withPayload({ role: 'admin' })}.${signature}`,
    'alg-switched': `${base64urlEncodeText('{"alg":"HS512","typ":"JWT"}')}.${payload}.${signature}`,
    'alg-none': `${base64urlEncodeText('{"alg":"none","typ":"JWT"}')}.${payload}.`,
    'other-secret': await signSegments(headerJson, pythonJsonDumps(claims), random.bytes(32), 'HS256'),
    'truncated-signature': `${signingInput}.${signature.slice(0, -4)}`,
    'flipped-byte': `${signingInput}.${base64urlEncode(flipped)}`,
    'two-segments': signingInput,
    'four-segments': `${token}.${signature}`,
    'non-base64url': `${signingInput}.${signature.replace(/-/g, '+').replace(/_/g, '/')}=`,
    'stray-character': `${header}.${payload.slice(0, strayAt)}!${payload.slice(strayAt)}.${signature}`,
    'padded-signature': `${token}=`,
    'signed-payload-only': `${signingInput}.${legacyHmac(sha256, payload)}`,
    'signed-sha1': `${signingInput}.${legacyHmac(sha1, signingInput)}`,
    'signed-md5': `${signingInput}.${legacyHmac(md5, signingInput)}`,
    'garbage-payload': `${header}.${base64urlEncode(Uint8Array.from([0xff, 0xfe, ...utf8Encode(' not JSON')]))}.${signature}`,
  };
  return CASES.map(({ id, label }) =>
    namedTokenCase({
      id,
      label,
      tags: ['named', ...NAMED_TAGS[id]],
      token: tokens[id],
      secret,
      function: FUNCTION,
      verdict: hs256Verdict(tokens[id], secret),
    }),
  );
}

// ------------------------------------------------------------------ the generated batch

const header = (members: Array<[string, JsonValue]>) => jsonObject(members);
const GENUINE_HEADERS: Array<{ tag: string; words: string; header: JsonValue }> = [
  { tag: 'header-plain', words: 'the usual header', header: HS256_HEADER },
  {
    tag: 'header-typ-first',
    words: 'a header with typ before alg',
    header: header([
      ['typ', 'JWT'],
      ['alg', 'HS256'],
    ]),
  },
  { tag: 'header-no-typ', words: 'a header without typ', header: header([['alg', 'HS256']]) },
  {
    tag: 'header-kid',
    words: 'a header with a kid',
    header: header([
      ['alg', 'HS256'],
      ['kid', 'key-2024'],
      ['typ', 'JWT'],
    ]),
  },
  {
    tag: 'header-extra',
    words: 'a header with extra fields',
    header: header([
      ['alg', 'HS256'],
      ['typ', 'JWT'],
      ['cty', 'JWT'],
      ['x-team', 'blue'],
    ]),
  },
];

/** The algorithm group: each header or HMAC that is not HS256 (the secret is the right one). */
const ALGORITHM_VARIANTS: Array<{
  tag: string;
  words: string;
  header: JsonValue;
  hash: SigningHash;
  over?: 'payload';
  /** More tags: "header-unusual" for a correctly signed header a careless verifier crashes on. */
  also?: string[];
}> = [
  {
    tag: 'alg-lowercase',
    words: "a header whose alg is 'hs256' (lower case)",
    header: header([
      ['alg', 'hs256'],
      ['typ', 'JWT'],
    ]),
    hash: 'sha256',
  },
  {
    tag: 'alg-missing',
    words: 'a header with no alg',
    header: header([['typ', 'JWT']]),
    hash: 'sha256',
    also: ['header-unusual'],
  },
  {
    tag: 'alg-hs384',
    words: 'a header saying HS384, signed with HMAC-SHA384',
    header: header([
      ['alg', 'HS384'],
      ['typ', 'JWT'],
    ]),
    hash: 'sha384',
  },
  {
    tag: 'alg-hs512',
    words: 'a header saying HS512, signed with HMAC-SHA512',
    header: header([
      ['alg', 'HS512'],
      ['typ', 'JWT'],
    ]),
    hash: 'sha512',
  },
  {
    tag: 'alg-none-signed',
    words: "a header whose alg is 'none'",
    header: header([
      ['alg', 'none'],
      ['typ', 'JWT'],
    ]),
    hash: 'sha256',
  },
  {
    tag: 'header-not-object',
    words: 'a header that is a JSON list, not an object',
    header: ['HS256', 'JWT'],
    hash: 'sha256',
    also: ['header-unusual'],
  },
  {
    tag: 'header-not-object',
    words: 'a header that is a JSON string, not an object',
    header: 'HS256',
    hash: 'sha256',
    also: ['header-unusual'],
  },
  { tag: 'signed-sha1', words: 'an HS256 header, signed with HMAC-SHA1', header: HS256_HEADER, hash: 'sha1' },
  {
    tag: 'signed-payload-only',
    words: 'a signature over the payload alone',
    header: HS256_HEADER,
    hash: 'sha256',
    over: 'payload',
  },
];

const SIGNATURE_VARIANTS: Array<{ tag: Tampering }> = [
  { tag: 'swap-case' },
  { tag: 'add-padding' },
  { tag: 'add-space' },
  { tag: 'trailing-bits' },
  { tag: 'truncate' },
  { tag: 'flip-bit' },
  { tag: 'standard-alphabet' },
  { tag: 'edit-payload' },
];

const STRUCTURE_VARIANTS: Array<{ tag: string; tamper?: Tampering; payload?: JsonValue; words: string }> = [
  { tag: 'extra-segment', tamper: 'extra-segment', words: 'four segments' },
  { tag: 'drop-signature', tamper: 'drop-signature', words: 'two segments' },
  { tag: 'non-ascii', tamper: 'non-ascii', words: 'a non-ASCII character in the token' },
  { tag: 'payload-not-object', payload: ['alice', 'admin'], words: 'a correctly signed payload that is a JSON list' },
  { tag: 'payload-not-object', payload: 42, words: 'a correctly signed payload that is a number' },
];

/** Words for the features of a drawn token, so a result line says what kind of token it was. */
function featureWords(plan: TokenPlan): { tags: string[]; words: string[] } {
  const text = renderJson(plan.payload, plan.style);
  const features: Array<[boolean, string, string]> = [
    [plan.style.spaced, 'json-spaced', 'JSON with spaces'],
    [/\\u[0-9a-f]{4}/.test(text), 'json-escapes', '\\u escapes'],
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw non-ASCII text
    [/[^\x00-\x7f]/.test(text), 'raw-utf8', 'raw UTF-8 text'],
    [text.includes('\\/'), 'json-slash', 'an escaped \\/'],
    [/\d{17,}|e\d|e-\d|\.\d/.test(text), 'json-numbers', 'big or decimal numbers'],
  ];
  const present = features.filter(([has]) => has);
  const size = plan.secret.length <= 16 ? 'short' : plan.secret.length > 64 ? 'long' : 'medium';
  return {
    tags: [...present.map(([, tag]) => tag), `secret-${size}`],
    words: [...present.map(([, , words]) => words), `a ${plan.secret.length}-byte secret`],
  };
}

async function mintGenerated(random: RandomSource): Promise<MintedCase[]> {
  const cases: MintedCase[] = [];
  const add = (
    group: string,
    kind: string,
    words: string,
    plan: TokenPlan,
    keep?: ReadonlySet<string>,
    also: readonly string[] = [],
  ) => {
    const features = featureWords(plan);
    cases.push(
      tokenCase({
        id: `${group}-${cases.length + 1}`,
        group,
        label: (drawn) => `${words} (${featureWords(drawn).words.join('; ')})`,
        tags: ['generated', group, kind, ...also, ...features.tags, ...(group === 'genuine' ? [] : ['forged'])],
        plan,
        function: FUNCTION,
        verdict: (token, drawn) => hs256Verdict(token, drawn.secret),
        ...(keep ? { keep } : {}),
      }),
    );
  };
  const base = (): TokenPlan => ({
    secret: drawSecret(random),
    header: HS256_HEADER,
    payload: jsonObject(drawClaims(random)),
    style: drawStyle(random),
    sign: { hash: 'sha256', over: 'header.payload', key: 'secret' },
  });
  for (let index = 0; index < 10; index++) {
    const variant = GENUINE_HEADERS[index % GENUINE_HEADERS.length] ?? GENUINE_HEADERS[0];
    if (!variant) continue;
    add(
      'genuine',
      variant.tag,
      `a genuine token with ${variant.words}`,
      { ...base(), header: variant.header },
      new Set(['alg', 'typ', 'kid']),
    );
  }
  for (const variant of ALGORITHM_VARIANTS) {
    const plan = base();
    add(
      'algorithm',
      variant.tag,
      `a token with ${variant.words}`,
      {
        ...plan,
        header: variant.header,
        sign: { ...plan.sign, hash: variant.hash, over: variant.over ?? 'header.payload' },
      },
      new Set(['alg', 'typ']),
      variant.also,
    );
  }
  for (const variant of SIGNATURE_VARIANTS) {
    const plan = base();
    const edited =
      variant.tag === 'edit-payload' ? jsonObject([...drawClaims(random, 0), ['role', 'admin']]) : undefined;
    add(
      'signature',
      variant.tag,
      `a genuine token, ${variant.tag === 'edit-payload' ? 'then its payload replaced without re-signing' : `then its signature altered (${variant.tag})`}`,
      {
        ...plan,
        tamper: variant.tag,
        ...(edited ? { edited } : {}),
      },
    );
  }
  for (const variant of STRUCTURE_VARIANTS) {
    const plan = base();
    add('structure', variant.tag, `a token with ${variant.words}`, {
      ...plan,
      ...(variant.tamper ? { tamper: variant.tamper } : {}),
      ...(variant.payload !== undefined ? { payload: variant.payload } : {}),
    });
  }
  return cases;
}

export default defineSuite({
  functions: [FUNCTION],
  cases: CASES,
  groups: GROUPS,
  checks: CHECKS,
  mint: async (random) => [...(await mintNamed(random)), ...(await mintGenerated(random))],
  judgeBehaviour: (calls) => [judgeConstantTime('constant-time', calls), judgeSignatureFirst('signature-first', calls)],
});
