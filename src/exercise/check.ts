import { pythonRuntime } from '../python';
import type { BlankTemplate } from './editor/blanks';
import { type CheckReport, gradeExercise, type RunPython } from './grade';
import type { GradingDefinition } from './types';

/** The page's Python worker as a grader's RunPython: the whole program's output as text. */
const runInWorker: RunPython = async (program, timeoutSeconds) => {
  const result = await pythonRuntime().run(program, { timeoutSeconds });
  const text = (stream: 'stdout' | 'stderr') =>
    result.output
      .filter((chunk) => chunk.stream === stream)
      .map((chunk) => chunk.text)
      .join('');
  return { status: result.status, stdout: text('stdout'), stderr: text('stderr') };
};

/**
 * Grades the learner's code in the page's Python worker. Loaded on demand, so
 * the grading code stays out of the page's first download.
 */
export function checkInPage(
  definition: GradingDefinition,
  code: string,
  template?: BlankTemplate,
): Promise<CheckReport> {
  return gradeExercise(definition, code, runInWorker, { template });
}
