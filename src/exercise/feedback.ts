import type { CallRecord } from './harnessResult';
import type { CaseJudgement } from './suite';
import type { FeedbackCondition, FeedbackRule } from './types';

export interface JudgedResult {
  judgement: CaseJudgement;
  /** What the call did (cases only, not behavioural checks). */
  record?: CallRecord;
  tags?: readonly string[];
}

/** The line a call failed at, if it raised or ran out of time. */
export const failureLine = (record: CallRecord | undefined): number | null =>
  record && (record.outcome === 'raised' || record.outcome === 'timeout') ? record.line : null;

/**
 * The exercise's feedback rules whose conditions all hold, in the order the
 * content lists them: the first is the main diagnosis.
 *
 * @example matchFeedback(rules, results)[0]?.id // "compare-with-equals"
 */
export function matchFeedback(
  rules: readonly FeedbackRule[],
  results: ReadonlyMap<string, JudgedResult>,
  blankOfLine: (line: number) => number | undefined = () => undefined,
): FeedbackRule[] {
  return rules.filter((rule) => rule.when.every((condition) => holds(condition, results, blankOfLine)));
}

function holds(
  condition: FeedbackCondition,
  results: ReadonlyMap<string, JudgedResult>,
  blankOfLine: (line: number) => number | undefined,
): boolean {
  if (condition.tag !== undefined) {
    const tag = condition.tag;
    for (const result of results.values()) {
      if (!result.record || !(tag === 'any' || result.tags?.includes(tag))) continue;
      if (holdsFor(condition, result, blankOfLine)) return true;
    }
    return false;
  }
  const result = results.get(condition.case ?? condition.check ?? '');
  return result !== undefined && holdsFor(condition, result, blankOfLine);
}

function holdsFor(
  condition: FeedbackCondition,
  { judgement, record }: JudgedResult,
  blankOfLine: (line: number) => number | undefined,
): boolean {
  if (condition.passed !== undefined && judgement.passed !== condition.passed) return false;
  if (condition.reason !== undefined && judgement.reason !== condition.reason) return false;
  if (condition.cause !== undefined && !judgement.causes?.includes(condition.cause)) return false;
  if (condition.outcome !== undefined && record?.outcome !== condition.outcome) return false;
  if (condition.raised !== undefined) {
    if (record?.outcome !== 'raised') return false;
    if (record.type !== condition.raised && record.qualifiedType !== condition.raised) return false;
  }
  if (condition.message !== undefined) {
    if (record?.outcome !== 'raised' || !new RegExp(condition.message, 'i').test(record.message)) return false;
  }
  if (condition.blank !== undefined) {
    const line = failureLine(record);
    if (line === null || blankOfLine(line) !== condition.blank) return false;
  }
  return true;
}
