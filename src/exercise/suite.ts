import type { RandomSource } from '../lib/random';
import { describeCall, shorten } from './describe';
import type { CallRecord, HarnessCall, ProbeEvent } from './harnessResult';
import type { TokenExplanation } from './tokenGrammar';

/** A named case, a group of generated cases, or a behavioural check, as the content refers to it. */
export interface CaseInfo {
  id: string;
  /** Shown on the result line, e.g. "a valid token". */
  label: string;
}

/** How one case of a check went, in words for the learner. */
export interface CaseJudgement {
  passed: boolean;
  /** What the contract asks for, e.g. "reject it: raise ValueError". */
  expected: string;
  /** What the learner's code did, e.g. "returned {'sub': 'alice'}" or "raised TypeError: …". */
  actual: string;
  /** A short code for what went wrong, for the exercise's feedback rules (e.g. "accepted"). */
  reason?: string;
  /** What the probes saw the code do on the way (e.g. "hmac-key-other"), for feedback rules. */
  causes?: string[];
}

/** One call of a Check: what to call, how to judge what it did, and where its result is shown. */
export interface MintedCase {
  /** Unique in one Check. A named case's id is its catalog id. */
  id: string;
  /** The task placement: a named case's own id, or a generated case's group id. */
  group: string;
  label: string;
  /** Properties of the case (its group, "genuine", "header-no-typ"…), for feedback rules. */
  tags: readonly string[];
  /** Drawn from the grammar (not a named case). */
  generated: boolean;
  call: HarnessCall;
  judge: (record: CallRecord) => CaseJudgement;
  /** The token in the learner's terms, for generated cases. */
  explain?: TokenExplanation;
  /** Simpler cases of the same kind, simplest first (shrinking a failing generated case). */
  shrink?: () => Promise<MintedCase[]>;
}

/** A behavioural check's verdict, decided from what all the calls were seen to do. */
export interface BehaviourJudgement extends CaseJudgement {
  id: string;
}

export interface JudgedCall {
  minted: MintedCase;
  record: CallRecord;
}

/**
 * An exercise's suite: its contract as code. It lives with its exercise under
 * `lessons/` (a `suite.ts` beside `exercise.yaml`) and is registered by nothing
 * but its place: the build finds it.
 */
export interface Suite {
  /** The functions the learner's code must define. */
  functions: readonly string[];
  /** Cases minted at every Check under a stable id. */
  cases: readonly CaseInfo[];
  /** Groups of generated cases (drawn afresh from the seed at every Check). */
  groups: readonly CaseInfo[];
  /** Checks of what the code does on the way (constant-time comparison, the clock it reads…). */
  checks: readonly CaseInfo[];
  /** Every case of one Check: the named ones, then a generated batch. */
  mint: (random: RandomSource) => Promise<MintedCase[]>;
  judgeBehaviour: (calls: readonly JudgedCall[]) => BehaviourJudgement[];
}

/** Declares a suite (the identity, for type checking in the lesson's folder). */
export const defineSuite = (suite: Suite): Suite => suite;

/**
 * What a Check lets the learner's code run. Counted in lines of Python executed, so that
 * a correct answer passes on a busy machine as on an idle one; the wall-clock limits are
 * only a backstop for what lines cannot count (a sleep), far above what the lines take.
 * A correct verifier runs a few hundred lines per call (the standard library's included).
 */
export const RUN_LIMITS = {
  linesPerCall: 200_000,
  secondsPerCall: 5,
  linesToLoad: 400_000,
  secondsToLoad: 10,
  /** Over all calls: code that runs out on every call does not keep the learner waiting. */
  linesInAll: 2_000_000,
} as const;

/** What the contract says about one input: accept it (returning this payload), reject it, or either. */
export type Verdict =
  | { accept: Record<string, unknown>; json: string }
  | { reject: string }
  | { either: string; accept: Record<string, unknown>; json: string };

/**
 * Judges a verifier's call against the contract: an accepted token must come
 * back as its payload (compared in Python, types and all); a rejected one must
 * raise ValueError or a subclass, and nothing else.
 */
export function judgeVerdict(
  verdict: Verdict,
  record: CallRecord,
  describePayload: (value: unknown) => string,
): CaseJudgement {
  const actual = describeCall(record);
  const causes = causesOf(record);
  const withCauses = (judgement: CaseJudgement): CaseJudgement =>
    causes.length > 0 ? { ...judgement, causes } : judgement;
  const returnedPayload = record.outcome === 'returned' && record.matches === true;
  const raisedValueError = record.outcome === 'raised' && record.isValueError;
  if ('either' in verdict) {
    const expected = `either: return the payload or raise ValueError (${verdict.either})`;
    if (returnedPayload || raisedValueError) return withCauses({ passed: true, expected, actual });
    return withCauses({ passed: false, expected, actual, reason: failureReason(record, 'wrong-value') });
  }
  if ('accept' in verdict) {
    const expected = `return the payload ${shorten(describePayload(verdict.accept))}`;
    if (returnedPayload) return withCauses({ passed: true, expected, actual: 'returned the payload' });
    let reason = failureReason(record, 'wrong-value');
    if (record.outcome === 'raised' && record.isValueError) reason = 'rejected-genuine';
    return withCauses({ passed: false, expected, actual, reason });
  }
  const expected = `reject it: raise ValueError (${verdict.reject})`;
  if (raisedValueError) {
    return withCauses({
      passed: true,
      expected,
      actual: `raised ${record.type}: ${shorten(record.message, 80)}`,
    });
  }
  if (record.outcome === 'raised') {
    return withCauses({ passed: false, expected, actual: `${actual}, which is not a ValueError`, reason: 'crashed' });
  }
  return withCauses({ passed: false, expected, actual, reason: failureReason(record, 'accepted') });
}

/** The types json.loads can give (a string aside): a call returning one of them handed back a payload. */
const JSON_RESULT_TYPES = new Set(['dict', 'list', 'int', 'float']);

function failureReason(record: CallRecord, whenReturned: string): string {
  switch (record.outcome) {
    case 'returned':
      if (record.pyType === 'NoneType') return 'returned-none';
      // True, a string, a tuple…: not what json.loads makes of any payload, whatever the call meant by it.
      return JSON_RESULT_TYPES.has(record.pyType) ? whenReturned : 'returned-other';
    case 'raised':
      return record.isValueError ? 'raised' : 'crashed';
    default:
      return record.outcome;
  }
}

// ------------------------------------------------------------------ probes

const eventsOf = (record: CallRecord): readonly ProbeEvent[] => ('events' in record && record.events) || [];

/** Is this event a comparison of the two signatures (constant-time or not)? */
export const comparesSignatures = (event: ProbeEvent) =>
  event.kind === 'variable-time' || (event.kind === 'constant-time' && event.detail === 'signatures');

/**
 * The first time the call parsed the token's payload as JSON before any
 * comparison of the signatures: trusting the payload before it was checked.
 */
export function payloadParsedEarly(record: CallRecord): ProbeEvent | undefined {
  for (const event of eventsOf(record)) {
    if (comparesSignatures(event)) return undefined;
    if (event.kind === 'payload-parsed') return event;
  }
  return undefined;
}

/**
 * What the probes saw one call do that can explain a failure, as codes for
 * feedback rules: the HMAC's key, hash and message; case folding of the
 * signature; a comparison with ==; the payload parsed before the check.
 */
export function causesOf(record: CallRecord): string[] {
  const causes = new Set<string>();
  for (const event of eventsOf(record)) {
    if (event.kind === 'hmac' && typeof event.detail === 'object' && event.detail) {
      const { key, hash, message } = event.detail as { key?: string; hash?: string | null; message?: string };
      if (key === 'other') causes.add('hmac-key-other');
      if (hash && hash !== 'sha256') causes.add(`hmac-hash-${hash}`);
      if (message && message !== 'signing-input') causes.add(`hmac-message-${message}`);
      if (key === 'secret' && hash === 'sha256' && message === 'signing-input') causes.add('hmac-ok');
    }
    if (event.kind === 'case-folded') causes.add('case-folded');
    if (event.kind === 'variable-time') causes.add('variable-time');
  }
  if (payloadParsedEarly(record)) causes.add('payload-parsed-early');
  if (record.outcome !== 'timeout' && !eventsOf(record).some((event) => event.kind === 'hmac')) causes.add('no-hmac');
  // An exception raised inside a probed call (the last thing seen before it) names where it came from.
  const last = eventsOf(record).at(-1);
  if (record.outcome === 'raised' && last) {
    if (last.kind === 'hmac') causes.add('failed-in-hmac');
    if (last.kind === 'constant-time') causes.add('failed-in-compare');
  }
  return [...causes];
}

const at = (event: ProbeEvent) => (event.line ? `line ${event.line}` : 'your code');

/**
 * The constant-time check, decided from what the calls did: the two
 * signatures must be compared in constant time, and never with `==`, `!=`,
 * `in`, `.startswith()` and the like, on any token.
 */
export function judgeConstantTime(id: string, calls: readonly JudgedCall[]): BehaviourJudgement {
  const expected = 'the two signatures compared in constant time, never with == or the like';
  const events = calls.flatMap(({ record }) => eventsOf(record));
  const variable = events.find((event) => event.kind === 'variable-time');
  if (variable) {
    return {
      id,
      passed: false,
      expected,
      actual: `${at(variable)} compares the two signatures with ${variable.detail ?? '=='}, which stops at the first difference`,
      reason: 'variable-time',
    };
  }
  if (events.some((event) => event.kind === 'constant-time' && event.detail === 'signatures')) {
    return { id, passed: true, expected, actual: 'compared in constant time' };
  }
  const reachedOther = events.find((event) => event.kind === 'constant-time');
  const returnedAny = calls.some(({ record }) => record.outcome === 'returned' && record.pyType === 'dict');
  if (!reachedOther && !returnedAny) {
    // Nothing was compared and nothing accepted (every call failed earlier): there is no comparison to judge.
    return {
      id,
      passed: false,
      expected,
      actual: 'no call got as far as comparing the signatures, so this could not be checked yet',
      reason: 'not-reached',
    };
  }
  if (reachedOther) {
    return {
      id,
      passed: false,
      expected,
      actual: `${at(reachedOther)} makes a constant-time comparison, but not of the computed and the received signature`,
      reason: 'constant-time-other',
    };
  }
  return {
    id,
    passed: false,
    expected,
    actual: 'in these checks, no call compared the two signatures in constant time',
    reason: 'no-constant-time',
  };
}

/** The signature-first check: no call parses the payload before the signatures are compared. */
export function judgeSignatureFirst(id: string, calls: readonly JudgedCall[]): BehaviourJudgement {
  const expected = 'the signature checked before the payload is parsed or trusted';
  for (const { minted, record } of calls) {
    const early = payloadParsedEarly(record);
    if (early) {
      return {
        id,
        passed: false,
        expected,
        actual: `${at(early)} parses the payload before the signature is checked (seen on ${minted.label})`,
        reason: 'payload-before-signature',
      };
    }
  }
  const checkedAny = calls.some(
    ({ record }) =>
      (record.outcome === 'returned' && record.pyType === 'dict') ||
      eventsOf(record).some((event) => ['hmac', 'constant-time', 'variable-time'].includes(event.kind)),
  );
  if (!checkedAny) {
    // No call computed or compared a signature: "checks the signature first" would be a claim about nothing.
    return {
      id,
      passed: false,
      expected,
      actual: 'no call got as far as checking the signature, so this could not be checked yet',
      reason: 'not-reached',
    };
  }
  return { id, passed: true, expected, actual: 'checks the signature first' };
}

/** The clock check: no call reads the computer's clock (the functions are given `now`). */
export function judgeGivenClock(id: string, calls: readonly JudgedCall[]): BehaviourJudgement {
  const expected = 'the time read only from the now argument';
  for (const { minted, record } of calls) {
    const read = eventsOf(record).find((event) => event.kind === 'clock');
    if (read) {
      return {
        id,
        passed: false,
        expected,
        actual: `${at(read)} reads the computer's clock with ${String(read.detail)}() (in ${minted.call.function})`,
        reason: 'reads-clock',
      };
    }
  }
  return { id, passed: true, expected, actual: 'uses now' };
}

/** The arguments check: no call changes what the caller passed in. */
export function judgeArgumentsUnchanged(
  id: string,
  calls: readonly JudgedCall[],
  names: Record<string, readonly string[]>,
): BehaviourJudgement {
  const expected = "the caller's arguments left unchanged";
  for (const { minted, record } of calls) {
    const changed = 'changedArguments' in record ? record.changedArguments : undefined;
    if (changed && changed.length > 0) {
      const parameters = names[minted.call.function] ?? [];
      const named = changed.map((index) => parameters[Number(index)] ?? index);
      return {
        id,
        passed: false,
        expected,
        actual: `${minted.call.function}() changed the caller's ${named.join(' and ')} (seen on ${minted.label})`,
        reason: 'changed-arguments',
      };
    }
  }
  return { id, passed: true, expected, actual: 'leaves them unchanged' };
}
