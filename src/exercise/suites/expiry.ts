import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  base64urlEncode,
  base64urlEncodeText,
  decodeToken,
  pythonJsonDumps,
  signToken,
  utf8Encode,
  verifyToken,
} from '../../jwt';
import { describeCall, pythonRepr } from '../describe';
import type { CallRecord } from '../harnessResult';
import { pythonBytes } from '../harnessResult';
import type { RandomSource } from '../random';
import { EXPIRY_CASES, EXPIRY_CODE_CHECKS, type ExpiryCaseId } from './catalog';
import { judgeVerdict, referenceVerdict, SECONDS_PER_CALL } from './judge';
import type { CaseJudgement, CodeCheckJudgement, MintedCase, Suite } from './types';

const CLOCK_CALLS = new Set(['time', 'time_ns', 'now', 'utcnow', 'today', 'monotonic', 'perf_counter']);
const DEFAULT_LIFETIME = 900;

async function mint(random: RandomSource): Promise<MintedCase[]> {
  const secret = random.bytes(32);
  const now = 1_700_000_000 + random.int(100_000_000);
  const claims = { sub: `learner${random.int(100_000)}`, role: 'reader' };
  const at = (exp: number | undefined) => signToken(exp === undefined ? claims : { ...claims, exp }, secret);
  const expired = await at(now - 60);
  const [header = '', , signature = ''] = expired.split('.');
  const extended = `${header}.${base64urlEncodeText(pythonJsonDumps({ ...claims, exp: now + 3600 }))}.${signature}`;
  const bytes = pythonBytes(secret);

  const issue = (id: ExpiryCaseId, lifetime: number | undefined): MintedCase => ({
    id,
    call: {
      id,
      function: 'issue_token',
      args: [claims, bytes],
      kwargs: lifetime === undefined ? { now } : { now, lifetime },
    },
    judge: (record) =>
      judgeIssued(record, secret, now, lifetime ?? DEFAULT_LIFETIME, id === 'issue-keeps-claims' ? claims : undefined),
  });
  const verify = async (id: ExpiryCaseId, token: string): Promise<MintedCase> => {
    const verdict = await referenceVerdict(() => verifyToken(token, secret, { clock: () => now, require: ['exp'] }));
    return {
      id,
      call: { id, function: 'verify_token', args: [token, bytes], kwargs: { now } },
      judge: (record) => {
        const judgement = judgeVerdict(verdict, record);
        if (judgement.passed || judgement.reason !== 'accepted') return judgement;
        const reason = {
          'expires-now': 'accepted-at-exp',
          'no-exp': 'accepted-without-exp',
          expired: 'accepted-expired',
        }[id as string];
        return reason ? { ...judgement, reason } : judgement;
      },
    };
  };

  return [
    issue('issue-default', undefined),
    issue('issue-lifetime', 60),
    issue('issue-keeps-claims', undefined),
    await verify('expired', expired),
    await verify('expires-now', await at(now)),
    await verify('future', await at(now + 60)),
    await verify('no-exp', await at(undefined)),
    await verify('exp-extended', extended),
  ];
}

/** Checks a token the learner's issue_token made: signed with the secret, exp = now + lifetime. */
function judgeIssued(
  record: CallRecord,
  secret: Uint8Array,
  now: number,
  lifetime: number,
  keptClaims: Record<string, unknown> | undefined,
): CaseJudgement {
  const wanted = now + lifetime;
  const expected = keptClaims
    ? `a token carrying ${pythonRepr(keptClaims)} plus exp, signed with the secret`
    : `a token whose exp is ${wanted} (now + ${lifetime})`;
  const fail = (actual: string, reason: string): CaseJudgement => ({ passed: false, expected, actual, reason });
  if (record.outcome !== 'returned') return fail(describeCall(record, SECONDS_PER_CALL), record.outcome);
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
    return fail('returned a token whose signature does not match the secret', 'bad-signature');
  }
  if (keptClaims) {
    const lost = Object.keys(keptClaims).filter((key) => payload[key] !== keptClaims[key]);
    if (lost.length > 0)
      return fail(`the token's payload lost or changed ${lost.join(', ')}: ${pythonRepr(payload)}`, 'claims-lost');
    return { passed: true, expected, actual: `issued ${pythonRepr(payload)}` };
  }
  const exp = payload.exp;
  if (exp === undefined) return fail(`issued ${pythonRepr(payload)}: no exp claim`, 'no-exp-issued');
  if (typeof exp !== 'number')
    return fail(`issued exp = ${pythonRepr(exp)}, not a number of seconds`, 'exp-not-number');
  if (exp === wanted) return { passed: true, expected, actual: `exp = ${exp}` };
  const realNow = Date.now() / 1000;
  let reason = 'exp-wrong';
  if (exp === lifetime) reason = 'exp-lifetime-only';
  else if (Math.abs(exp - (realNow + lifetime)) < 600) reason = 'exp-real-clock';
  else if (Math.abs(exp - wanted * 1000) < 1_000_000 || Math.abs(exp - (now * 1000 + lifetime)) < 1000)
    reason = 'exp-milliseconds';
  else if (exp === now + DEFAULT_LIFETIME) reason = 'lifetime-ignored';
  else if (exp === now) reason = 'exp-is-now';
  return fail(`exp = ${exp} (${describeOffset(exp - now)})`, reason);
}

function describeOffset(seconds: number): string {
  if (Math.abs(seconds) > 10 ** 9) return 'far from now: milliseconds, or a different clock?';
  return seconds >= 0 ? `now + ${seconds}` : `now − ${-seconds}`;
}

function judgeCode(analysis: Parameters<Suite['judgeCode']>[0]): CodeCheckJudgement[] {
  const expected = 'use the now argument for the time';
  const clockCall = ['issue_token', 'verify_token']
    .flatMap((name) => (analysis[name]?.calls ?? []).map((call) => ({ ...call, function: name })))
    .find((call) => CLOCK_CALLS.has(call.name));
  if (clockCall) {
    return [
      {
        id: 'given-clock',
        passed: false,
        expected,
        actual: `line ${clockCall.line} of ${clockCall.function}() reads the clock with ${clockCall.name}()`,
        reason: 'reads-clock',
      },
    ];
  }
  return [{ id: 'given-clock', passed: true, expected, actual: 'uses now' }];
}

export const expirySuite: Suite = {
  functions: ['issue_token', 'verify_token'],
  cases: EXPIRY_CASES,
  codeChecks: EXPIRY_CODE_CHECKS,
  mint,
  judgeCode,
};
