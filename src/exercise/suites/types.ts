import type { CallRecord, FunctionFacts, HarnessCall } from '../harnessResult';
import type { RandomSource } from '../random';

/** How one case of a check went, in words for the learner. */
export interface CaseJudgement {
  passed: boolean;
  /** What the reference verifier did, e.g. "rejected: the signature does not match". */
  expected: string;
  /** What the learner's code did, e.g. "returned {'sub': 'alice'}" or "raised TypeError: …". */
  actual: string;
  /** A short code for what went wrong, for the exercise's feedback rules (e.g. "exp-real-clock"). */
  reason?: string;
}

/** A case minted for one Check: the call to make and how to judge what it did. */
export interface MintedCase {
  id: string;
  call: HarnessCall;
  judge: (record: CallRecord) => CaseJudgement;
}

export interface CodeCheckJudgement extends CaseJudgement {
  id: string;
}

export type { CaseInfo } from './catalog';

import type { CaseInfo } from './catalog';

/** A set of graded cases for one kind of exercise. Content picks a suite by id. */
export interface Suite {
  /** The functions the learner's code must define. */
  functions: readonly string[];
  cases: readonly CaseInfo[];
  /** Checks of the code itself (not of what it returns). */
  codeChecks: readonly CaseInfo[];
  /** Fresh test tokens (random secret, random claims) for one Check. */
  mint: (random: RandomSource) => Promise<MintedCase[]>;
  judgeCode: (analysis: Record<string, FunctionFacts>) => CodeCheckJudgement[];
}
