import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentReferencePython } from '../../tests/support/currentReference';
import { warnSkipped } from '../../tests/support/referencePython';
import { base64urlEncode, utf8Encode } from './base64url';
import { decodeToken } from './decode';
import { PyJWTError } from './errors';
import { pythonJsonDumps } from './pythonJson';
import { signatureFor } from './sign';
import { verifyToken } from './verify';

/*
 * Odd tokens, generated, decoded by the engine and by the real PyJWT 2.15.1
 * (scripts/reference-python.sh): extra and missing dots, padding, stray characters,
 * non-ASCII, headers and payloads that are not JSON, not UTF-8, not objects, and
 * header parameters (kid, crit, b64). Both `jwt.decode(token, key, algorithms=["HS256"])`
 * (verifyToken) and `jwt.decode(token, options={"verify_signature": False})`
 * (decodeToken) must end alike: the same exception class and message, or the same payload.
 */

const KEY = 'a-secret-of-thirty-two-bytes-ok!';

const PYTHON = `
import json, sys, warnings
import jwt
warnings.simplefilter("ignore")
def outcome(call):
    try:
        return {"ok": json.dumps(call(), sort_keys=True, separators=(",", ":"))}
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e)}
out = []
for token in json.load(sys.stdin):
    out.append([
        outcome(lambda: jwt.decode(token, ${JSON.stringify(KEY)}, algorithms=["HS256"])),
        outcome(lambda: jwt.decode(token, options={"verify_signature": False}, algorithms=["HS256"])),
    ])
json.dump(out, sys.stdout)
`;

type Outcome = { ok: string } | { error: string; message: string };

async function ours(call: () => Promise<{ payload: Record<string, unknown> }>): Promise<Outcome> {
  try {
    return { ok: dumps((await call()).payload) };
  } catch (error) {
    if (!(error instanceof PyJWTError)) return { error: `not a PyJWTError: ${String(error)}`, message: '' };
    return { error: error.name, message: error.message };
  }
}

/** json.dumps(value, sort_keys=True, separators=(",", ":")), NaN and Infinity written bare as Python does. */
function dumps(value: unknown): string {
  const marked = JSON.parse(
    JSON.stringify(value, (_key, item) =>
      typeof item === 'number' && !Number.isFinite(item) ? `\u0000${item}` : item,
    ),
  );
  return pythonJsonDumps(marked, { sortKeys: true }).replace(/"\\u0000(NaN|-?Infinity)"/g, '$1');
}

const text = (value: string) => base64urlEncode(utf8Encode(value));

const JSONISH = [
  '{"alg":"HS256","typ":"JWT"}',
  '{"alg":"HS256"}',
  '{"typ":"JWT"}',
  '{"alg":"none"}',
  '{"alg":"HS512"}',
  '{"alg":"HS256","kid":1}',
  '{"alg":"HS256","kid":"k"}',
  '{"alg":"HS256","crit":[]}',
  '{"alg":"HS256","crit":"b64"}',
  '{"alg":"HS256","crit":[1]}',
  '{"alg":"HS256","crit":["exp"]}',
  '{"alg":"HS256","crit":["b64"]}',
  '{"alg":"HS256","crit":["b64"],"b64":false}',
  '{"alg":"HS256","b64":false}',
  '{"alg":"HS256","b64":true}',
  '{"a":1}',
  '{"sub":"alice"}',
  '{}',
  '[]',
  '[1]',
  '"s"',
  '1',
  'null',
  'nope',
  '',
  ' ',
  '{',
  '{"a":1,}',
  '{"a" 1}',
  '{"a":1 "b":2}',
  '"abc',
  '{"a":"\\x"}',
  '{"a":"\\u12"}',
  '{"a":1}x',
  '\ufeff{}',
  '{"a":NaN}',
  '{"a":"é😀"}',
  '{"a":1,"a":2}',
  '{"a":"\\ud800"}',
  '{"a":\n}',
  '{"a":1e400}',
];
const RAW = [
  Uint8Array.of(0xff),
  Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d),
  Uint8Array.of(0x7b, 0, 0x7d, 0),
  Uint8Array.of(0x22, 0xed, 0xa0, 0x80, 0x22),
  Uint8Array.of(0x7b, 0xc3),
  Uint8Array.of(0, 0x7b, 0, 0x7d),
];
const JUNK = [
  '',
  'a',
  'ab',
  'abc',
  'abcd',
  'e30',
  'e30=',
  'e30==',
  'e30===',
  'e3=',
  'e31',
  'e3',
  'eyJ',
  '!!!',
  '***',
  '+/',
  'e+/',
  'ab-_',
  'ab=c',
  '=',
  '==',
  'é',
  'éé',
  ' e30',
  'e30 ',
  'e\n30',
  'AAAA',
  'AA==',
  'AA=',
  'AAA=',
  'AB',
];

const segment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...JSONISH).map(text), weight: 5 },
  { arbitrary: fc.constantFrom(...RAW).map(base64urlEncode), weight: 1 },
  { arbitrary: fc.constantFrom(...JUNK), weight: 3 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...JSONISH).map(text), fc.constantFrom('=', '==', '===', '.', '!', 'é', ' '))
      .map(([value, suffix]) => value + suffix),
    weight: 2,
  },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
);

/** A token: header, 0-3 payload pieces, and a signature that is often the right one for what precedes it. */
const tokenArbitrary = fc
  .tuple(
    segment,
    fc.array(segment, { minLength: 0, maxLength: 3 }),
    fc.constantFrom('right', 'right', 'right', 'right=', 'empty', 'junk', 'none'),
    fc.constantFrom(...JUNK),
  )
  .map(([header, payloads, signatureKind, junk]) => ({ pieces: [header, ...payloads], signatureKind, junk }));

async function tokenOf(drawn: { pieces: string[]; signatureKind: string; junk: string }): Promise<string> {
  const signingInput = drawn.pieces.join('.');
  switch (drawn.signatureKind) {
    case 'none':
      return signingInput;
    case 'empty':
      return `${signingInput}.`;
    case 'junk':
      return `${signingInput}.${drawn.junk}`;
    default: {
      const signature = await signatureFor(signingInput, KEY, 'HS256');
      return `${signingInput}.${signature}${drawn.signatureKind === 'right=' ? '=' : ''}`;
    }
  }
}

const reference = currentReferencePython({ install: false });
if ('missing' in reference) warnSkipped('comparing the engine with real PyJWT 2.15.1 on odd tokens', reference.missing);

describe.skipIf('missing' in reference)('decoding odd tokens as the real PyJWT 2.15.1 does', () => {
  const SEED = Number(process.env.PYJWT_SEED ?? 20_240_613);
  const RUNS = Number(process.env.PYJWT_RUNS ?? 3000);

  it(`ends ${RUNS} generated tokens as jwt.decode does, verified and unverified`, async () => {
    if ('missing' in reference) return;
    const tokens = await Promise.all(fc.sample(tokenArbitrary, { seed: SEED, numRuns: RUNS }).map(tokenOf));
    const expected = JSON.parse(
      execFileSync(reference.python, ['-s', '-c', PYTHON], {
        input: JSON.stringify(tokens),
        encoding: 'utf8',
        env: { ...process.env, ...reference.env },
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as [Outcome, Outcome][];
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const [index, token] of tokens.entries()) {
      const [verified, unverified] = expected[index] ?? [];
      const mine = [
        await ours(() => verifyToken(token, KEY, { algorithms: ['HS256'] })),
        await ours(async () => decodeToken(token)),
      ];
      for (const [side, python, actual] of [
        ['verified', verified, mine[0]],
        ['unverified', unverified, mine[1]],
      ] as const) {
        seen.add(python && 'error' in python ? python.message.replace(/: .*/s, '') : 'ok');
        if (JSON.stringify(actual) !== JSON.stringify(python)) {
          mismatches.push(
            `${JSON.stringify(token)} (${side})\n  pyjwt: ${JSON.stringify(python)}\n  ours:  ${JSON.stringify(actual)}`,
          );
        }
      }
    }
    expect(mismatches.slice(0, 15), `seed ${SEED}: ${mismatches.length} of ${2 * tokens.length} differ`).toEqual([]);
    // The tokens reach every kind of ending.
    for (const kind of [
      'ok',
      'Not enough segments',
      'Invalid header padding',
      'Invalid payload padding',
      'Invalid crypto padding',
      'Invalid header string',
      'Invalid payload string',
      'Signature verification failed',
      "Payload segment must be empty when 'b64' is false.",
      'Key ID header parameter must be a string',
    ]) {
      expect([...seen], kind).toContain(kind);
    }
  }, 120_000);
});
