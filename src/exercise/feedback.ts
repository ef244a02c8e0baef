import type { CallRecord } from './harnessResult';
import type { CaseJudgement } from './suites';
import type { FeedbackCondition, FeedbackRule } from './types';

export interface JudgedResult {
  judgement: CaseJudgement;
  /** What the call did (cases only, not code checks). */
  record?: CallRecord;
}

/**
 * The exercise's feedback rules whose conditions all hold, in the order the
 * content lists them: the first is the main diagnosis.
 *
 * @example matchFeedback(rules, results)[0]?.id // "compare-with-equals"
 */
export function matchFeedback(
  rules: readonly FeedbackRule[],
  results: ReadonlyMap<string, JudgedResult>,
): FeedbackRule[] {
  return rules.filter((rule) => rule.when.every((condition) => holds(condition, results)));
}

function holds(condition: FeedbackCondition, results: ReadonlyMap<string, JudgedResult>): boolean {
  const result = results.get('case' in condition ? condition.case : condition.check);
  if (!result) return false;
  const { judgement, record } = result;
  if (condition.passed !== undefined && judgement.passed !== condition.passed) return false;
  if (condition.reason !== undefined && judgement.reason !== condition.reason) return false;
  if (!('case' in condition)) return true;
  if (condition.outcome !== undefined && record?.outcome !== condition.outcome) return false;
  if (condition.raised !== undefined) {
    if (record?.outcome !== 'raised') return false;
    if (record.type !== condition.raised && record.qualifiedType !== condition.raised) return false;
  }
  if (condition.message !== undefined) {
    if (record?.outcome !== 'raised' || !new RegExp(condition.message, 'i').test(record.message)) return false;
  }
  return true;
}
