// Graded exercises: test tokens minted by the JWT engine, the learner's code run in Python, judged here.
export { pythonRepr } from './describe';
export {
  CHECK_TIMEOUT_SECONDS,
  type CheckReport,
  type GradedTask,
  gradeExercise,
  type PythonExecution,
  type ResultLine,
  type RunPython,
} from './grade';
export { cryptoRandom, type RandomSource, seededRandom } from './random';
export { isSuiteId, SUITE_CATALOG, SUITE_IDS, SUITES, type SuiteId } from './suites';
export type { ExerciseTask, FeedbackCondition, FeedbackRule, GradingDefinition } from './types';
