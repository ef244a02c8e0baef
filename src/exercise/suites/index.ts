import type { SuiteId } from './catalog';
import { expirySuite } from './expiry';
import type { Suite } from './types';
import { verifierSuite } from './verifier';

/** The grading code of each suite in the catalog. */
export const SUITES: Record<SuiteId, Suite> = {
  'hs256-verifier': verifierSuite,
  expiry: expirySuite,
};

export { isSuiteId, SUITE_CATALOG, SUITE_IDS, type SuiteId } from './catalog';
export { SECONDS_PER_CALL } from './judge';
export type { CaseInfo, CaseJudgement, MintedCase, Suite } from './types';
