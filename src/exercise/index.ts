// Graded exercises: test tokens drawn from a grammar, the learner's code run in Python with
// probes, judged against each exercise's contract (its suite, in the lesson's folder).

export { cryptoRandom, type RandomSource, seededRandom } from '../lib/random';
export { describeCall, pythonRepr } from './describe';
export {
  CHECK_TIMEOUT_SECONDS,
  type CheckReport,
  type GradedTask,
  gradeExercise,
  type PythonExecution,
  type ResultLine,
  type RootCause,
  type RunPython,
} from './grade';
export { type CallRecord, pythonBytes } from './harnessResult';
export {
  EMPTY_EXERCISE,
  type ExerciseActions,
  type ExerciseDraft,
  type ExerciseProgress,
  exerciseRecord,
  exerciseSchema,
  mergeExercise,
} from './progress';
export {
  type BehaviourJudgement,
  type CaseInfo,
  type CaseJudgement,
  causesOf,
  defineSuite,
  type JudgedCall,
  judgeArgumentsUnchanged,
  judgeConstantTime,
  judgeGivenClock,
  judgeSignatureFirst,
  judgeVerdict,
  type MintedCase,
  RUN_LIMITS,
  type Suite,
  type Verdict,
} from './suite';
export { hs256Verdict, namedTokenCase, tokenCase, tokenProbe } from './tokenCases';
export {
  drawClaims,
  drawSecret,
  drawStyle,
  drawValue,
  explainPlan,
  HS256_HEADER,
  type JsonStyle,
  type JsonValue,
  jsonObject,
  PLAIN_STYLE,
  pick,
  plainJson,
  renderJson,
  renderPlan,
  type SigningHash,
  shrinkPlan,
  type Tampering,
  type TokenExplanation,
  type TokenPlan,
} from './tokenGrammar';
export {
  EDITING_MODES,
  type EditingMode,
  type ExerciseTask,
  type FeedbackCondition,
  type FeedbackRule,
  type GradingDefinition,
} from './types';
