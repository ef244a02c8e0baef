import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import {
  base64urlDecode,
  base64urlEncode,
  base64urlEncodeText,
  pythonJsonDumps,
  signatureFor,
  signSegments,
  signToken,
  utf8Encode,
  verifyToken,
} from '../../jwt';
import { pythonBytes } from '../harnessResult';
import type { RandomSource } from '../random';
import { VERIFIER_CASES, VERIFIER_CODE_CHECKS, type VerifierCaseId } from './catalog';
import { judgeVerdict, referenceVerdict, SECONDS_PER_CALL } from './judge';
import type { CodeCheckJudgement, MintedCase, Suite } from './types';

const USERS = ['alice', 'bob', 'carol', 'dara', 'emeka', 'farah'];
const FUNCTION = 'verify_token';

async function mint(random: RandomSource): Promise<MintedCase[]> {
  const secret = random.bytes(32);
  const claims: Record<string, unknown> = {
    sub: `${USERS[random.int(USERS.length)]}${random.int(1000)}`,
    role: 'reader',
    n: random.int(1_000_000),
  };
  // A signature with "-" or "_" in it, so its standard-base64 form differs by more than "=",
  // and a payload whose base64url lost its padding (so a decoder that needs it must add it).
  let token = await signToken(claims, secret);
  while (!/[-_]/.test(token.split('.')[2] ?? '') || (token.split('.')[1] ?? '').length % 4 === 0) {
    claims.n = random.int(1_000_000);
    token = await signToken(claims, secret);
  }
  const [header = '', payload = '', signature = ''] = token.split('.');
  const signingInput = `${header}.${payload}`;
  const withPayload = (changes: Record<string, unknown>) =>
    base64urlEncodeText(pythonJsonDumps({ ...claims, ...changes }));
  const withHeader = (json: string) => base64urlEncodeText(json);
  const legacyHmac = (hash: typeof md5, data: string) => base64urlEncode(nobleHmac(hash, secret, utf8Encode(data)));
  const flipped = base64urlDecode(signature);
  const flipAt = random.int(flipped.length);
  flipped[flipAt] = (flipped[flipAt] ?? 0) ^ (1 << random.int(8));
  const strayAt = 1 + random.int(payload.length - 2);

  const tokens: Record<VerifierCaseId, string> = {
    valid: token,
    'reordered-header': await signSegments('{"typ":"JWT","alg":"HS256"}', pythonJsonDumps(claims), secret, 'HS256'),
    'payload-changed': `${header}.${withPayload({ role: 'admin' })}.${signature}`,
    'alg-switched': `${withHeader('{"alg":"HS512","typ":"JWT"}')}.${payload}.${signature}`,
    'alg-none': `${withHeader('{"alg":"none","typ":"JWT"}')}.${payload}.`,
    'other-secret': await signToken(claims, random.bytes(32)),
    'truncated-signature': `${signingInput}.${signature.slice(0, -4)}`,
    'flipped-byte': `${signingInput}.${base64urlEncode(flipped)}`,
    'two-segments': signingInput,
    'four-segments': `${token}.${signature}`,
    'non-base64url': `${signingInput}.${signature.replace(/-/g, '+').replace(/_/g, '/')}=`,
    'stray-character': `${header}.${payload.slice(0, strayAt)}!${payload.slice(strayAt)}.${signature}`,
    'padded-signature': `${token}=`,
    'signed-payload-only': `${signingInput}.${await signatureFor(payload, secret, 'HS256')}`,
    'signed-sha1': `${signingInput}.${legacyHmac(sha1, signingInput)}`,
    'signed-md5': `${signingInput}.${legacyHmac(md5, signingInput)}`,
    'garbage-payload': `${header}.${base64urlEncode(Uint8Array.from([0xff, 0xfe, ...utf8Encode(' not JSON')]))}.${signature}`,
  };

  return Promise.all(
    VERIFIER_CASES.map(async ({ id }): Promise<MintedCase> => {
      const verdict = await referenceVerdict(() => verifyToken(tokens[id], secret));
      return {
        id,
        call: { id, function: FUNCTION, args: [tokens[id], pythonBytes(secret)] },
        judge: (record) => {
          const judgement = judgeVerdict(verdict, record);
          // Rejected, but by reading the payload first: the signature must be checked before.
          if (
            id === 'garbage-payload' &&
            record.outcome === 'raised' &&
            /JSONDecodeError|UnicodeDecodeError/.test(record.qualifiedType)
          ) {
            return {
              passed: false,
              expected: 'reject it at the signature check, before decoding the payload',
              actual: `raised ${record.type} while reading the payload: the payload was decoded before the signature was checked`,
              reason: 'payload-before-signature',
            };
          }
          return judgement;
        },
      };
    }),
  );
}

function judgeCode(analysis: Parameters<Suite['judgeCode']>[0]): CodeCheckJudgement[] {
  const facts = analysis[FUNCTION];
  const expected = 'hmac.compare_digest(expected, received), not ==';
  if (!facts) return [{ id: 'compare-digest', passed: false, expected, actual: `no function ${FUNCTION}() found` }];
  const uses = facts.calls.some((call) => call.name === 'compare_digest');
  const plain = facts.valueComparisons[0];
  if (plain) {
    return [
      {
        id: 'compare-digest',
        passed: false,
        expected,
        actual: `line ${plain.line} compares two computed values with ${/!=|==/.exec(plain.text)?.[0] ?? '=='}: ${plain.text}`,
        reason: 'plain-comparison',
      },
    ];
  }
  if (!uses) {
    return [
      {
        id: 'compare-digest',
        passed: false,
        expected,
        actual: 'hmac.compare_digest is never called',
        reason: 'no-compare-digest',
      },
    ];
  }
  return [{ id: 'compare-digest', passed: true, expected, actual: 'uses hmac.compare_digest' }];
}

export const verifierSuite: Suite = {
  functions: [FUNCTION],
  cases: VERIFIER_CASES,
  codeChecks: VERIFIER_CODE_CHECKS,
  mint,
  judgeCode,
};

export { SECONDS_PER_CALL };
