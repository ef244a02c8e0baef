// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import expirySuite, { expiryVerdict } from '../../lessons/jwt-auth/exercises/expiry/suite.ts';
import verifierSuite from '../../lessons/jwt-auth/exercises/verify_token/suite.ts';
import { hs256Verdict, type MintedCase, seededRandom, type Verdict } from '../../src/exercise/index.ts';
import { verifyToken } from '../../src/jwt/index.ts';
import { REFERENCE_PYTHON, referencePythonHas, runReferencePython, warnSkipped } from '../support/referencePython.ts';

/*
 * Property tests of the generated suites: over many seeds, every token a suite
 * mints carries the verdict its kind promises (genuine → accepted, forged →
 * rejected), and the JWT engine and real PyJWT agree with that verdict, except
 * where the contract is knowingly stricter than PyJWT (listed below).
 */

const SEEDS = Array.from({ length: 40 }, (_, index) => index + 1);

/**
 * Signature spellings PyJWT (and the engine, which follows it) accepts because
 * they decode to the same bytes, while the exercises' contract compares the
 * exact base64url text and rejects them.
 */
const PYJWT_LENIENT = new Set(['add-padding', 'standard-alphabet', 'trailing-bits']);

const secretOf = (minted: MintedCase) =>
  Uint8Array.from(atob((minted.call.args[1] as { $bytes: string }).$bytes), (char) => char.charCodeAt(0));
const tokenOf = (minted: MintedCase) => minted.call.args[0] as string;
const kindOf = (verdict: Verdict) => ('either' in verdict ? 'either' : 'reject' in verdict ? 'reject' : 'accept');

interface Sample {
  seed: number;
  id: string;
  tags: readonly string[];
  token: string;
  secret: Uint8Array;
  verdict: Verdict;
}

async function verifierSamples(): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const seed of SEEDS) {
    for (const minted of await verifierSuite.mint(seededRandom(seed))) {
      const token = tokenOf(minted);
      const secret = secretOf(minted);
      samples.push({ seed, id: minted.id, tags: minted.tags, token, secret, verdict: hs256Verdict(token, secret) });
    }
  }
  return samples;
}

/** What the JWT engine makes of a token: its payload, or null when it rejects it. */
async function engineVerdict(token: string, secret: Uint8Array): Promise<Record<string, unknown> | null> {
  try {
    const verified = await verifyToken(token, secret, {
      algorithms: ['HS256'],
      verifyExp: false,
      verifyNbf: false,
      verifyIat: false,
      verifySub: false,
    });
    return verified.payload;
  } catch {
    return null;
  }
}

/** What real PyJWT makes of each token (`jwt.decode(..., algorithms=["HS256"])`, claims unchecked), in one run. */
function pyjwtVerdicts(samples: readonly Sample[]): Array<string | null> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pyjwt-'));
  writeFileSync(
    path.join(dir, 'tokens.json'),
    JSON.stringify(samples.map((sample) => [sample.token, btoa(String.fromCharCode(...sample.secret))])),
  );
  writeFileSync(
    path.join(dir, 'decode.py'),
    `import base64, json, warnings
import jwt
warnings.simplefilter("ignore")
OFF = {k: False for k in ("verify_exp", "verify_nbf", "verify_iat", "verify_aud", "verify_iss", "verify_sub", "verify_jti")}
out = []
for token, secret in json.load(open("tokens.json")):
    try:
        out.append(json.dumps(jwt.decode(token, base64.b64decode(secret), algorithms=["HS256"], options=OFF), sort_keys=True))
    except Exception:
        out.append(None)
print(json.dumps(out))
`,
  );
  return JSON.parse(runReferencePython('decode.py', dir));
}

const sorted = (value: unknown): string =>
  JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );

describe('the verifier suite over 40 seeds', () => {
  it('mints genuine tokens the contract accepts and forged ones it rejects', async () => {
    const wrong: string[] = [];
    for (const sample of await verifierSamples()) {
      const genuine = sample.tags.includes('genuine');
      const want = genuine ? 'accept' : sample.tags.includes('trailing-bits') ? 'either' : 'reject';
      if (kindOf(sample.verdict) !== want) wrong.push(`seed ${sample.seed} ${sample.id}: ${kindOf(sample.verdict)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the JWT engine, apart from the spellings PyJWT accepts', async () => {
    const wrong: string[] = [];
    for (const sample of await verifierSamples()) {
      const engine = await engineVerdict(sample.token, sample.secret);
      const lenient = sample.tags.some((tag) => PYJWT_LENIENT.has(tag));
      if ('reject' in sample.verdict) {
        if (engine !== null && !lenient) wrong.push(`seed ${sample.seed} ${sample.id}: the engine accepts it`);
      } else if ('either' in sample.verdict && engine === null) {
        // The engine refuses non-canonical trailing bits, where PyJWT accepts them: the contract allows both.
      } else if (engine === null || sorted(engine) !== sorted(sample.verdict.accept)) {
        wrong.push(`seed ${sample.seed} ${sample.id}: the engine gives ${sorted(engine)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  const pyjwt = referencePythonHas('jwt');
  if (!pyjwt) warnSkipped('the generated tokens against real PyJWT', `${REFERENCE_PYTHON} cannot import jwt`);
  it.skipIf(!pyjwt)('agrees with real PyJWT, apart from the spellings it accepts', async () => {
    const samples = await verifierSamples();
    const decoded = pyjwtVerdicts(samples);
    const wrong: string[] = [];
    samples.forEach((sample, index) => {
      const pyjwt = decoded[index] ?? null;
      const lenient = sample.tags.some((tag) => PYJWT_LENIENT.has(tag));
      if ('reject' in sample.verdict) {
        if (pyjwt !== null && !lenient) wrong.push(`seed ${sample.seed} ${sample.id}: PyJWT accepts it`);
      } else if (pyjwt === null || sorted(JSON.parse(pyjwt)) !== sorted(sample.verdict.accept)) {
        wrong.push(`seed ${sample.seed} ${sample.id}: PyJWT gives ${pyjwt}`);
      }
    });
    expect(wrong).toEqual([]);
  });
});

describe('the expiry suite over 40 seeds', () => {
  it('signs genuine tokens the engine verifies and judges exp as the contract says', async () => {
    const wrong: string[] = [];
    for (const seed of SEEDS) {
      for (const minted of await expirySuite.mint(seededRandom(seed))) {
        if (minted.call.function !== 'verify_token') continue;
        const token = tokenOf(minted);
        const secret = secretOf(minted);
        const now = (minted.call.kwargs as { now: number }).now;
        const verdict = expiryVerdict(token, secret, now);
        const signed = (await engineVerdict(token, secret)) !== null;
        const forged = minted.tags.includes('forged') || minted.id === 'exp-extended';
        if (forged === signed) wrong.push(`seed ${seed} ${minted.id}: signature ${signed ? 'verifies' : 'fails'}`);
        if (forged && !('reject' in verdict)) wrong.push(`seed ${seed} ${minted.id}: a forged token is accepted`);
        // The contract's exp rule, checked against the engine's own expiry check where exp is a number.
        const payload = signed ? await engineVerdict(token, secret) : null;
        const exp = payload?.exp;
        if (typeof exp === 'number' && Number.isFinite(exp)) {
          let engineAccepts = true;
          try {
            await verifyToken(token, secret, {
              clock: () => now,
              verifySub: false,
              verifyNbf: false,
              verifyIat: false,
            });
          } catch {
            engineAccepts = false;
          }
          if (engineAccepts !== 'accept' in verdict)
            wrong.push(`seed ${seed} ${minted.id}: exp ${exp} at now ${now}: engine ${engineAccepts}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
