import { jsonEqual } from '../../progress/merge';
import { describeCall, pythonRepr, shorten } from '../describe';
import type { CallRecord } from '../harnessResult';
import type { CaseJudgement } from './types';

/** The reference verifier's verdict on one token. */
export type Verdict = { accept: Record<string, unknown> } | { reject: string };

export const SECONDS_PER_CALL = 0.5;

/** Runs the reference (the TypeScript engine) and turns its answer into a verdict. */
export async function referenceVerdict(verify: () => Promise<{ payload: Record<string, unknown> }>): Promise<Verdict> {
  try {
    return { accept: (await verify()).payload };
  } catch (error) {
    return { reject: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Compares what the learner's function did with the reference verdict: an
 * accepted token must come back as its payload; a rejected one must raise
 * ValueError (the contract in the exercise's docstring).
 */
export function judgeVerdict(verdict: Verdict, record: CallRecord): CaseJudgement {
  const actual = describeCall(record, SECONDS_PER_CALL);
  if ('accept' in verdict) {
    const expected = `return the payload ${shorten(pythonRepr(verdict.accept))}`;
    if (record.outcome === 'returned' && jsonEqual(record.value, verdict.accept)) {
      return { passed: true, expected, actual: 'returned the payload' };
    }
    return { passed: false, expected, actual, reason: failureReason(record, 'accepted-wrong-value') };
  }
  const expected = `reject it: raise ValueError (the reference says “${verdict.reject}”)`;
  if (record.outcome === 'raised' && record.isValueError) {
    return { passed: true, expected, actual: `raised ${record.type}: ${shorten(record.message, 80)}` };
  }
  if (record.outcome === 'raised') {
    return {
      passed: false,
      expected,
      actual: `${actual}, which is not a ValueError`,
      reason: 'wrong-exception',
    };
  }
  return { passed: false, expected, actual, reason: failureReason(record, 'accepted') };
}

function failureReason(record: CallRecord, whenReturned: string): string {
  if (record.outcome === 'returned') return whenReturned;
  return record.outcome === 'raised' ? 'raised' : record.outcome;
}
