import type { CheckReport, GradedTask, ResultLine } from './grade';

type GradedReport = Extract<CheckReport, { kind: 'graded' }>;

const MAX_FEEDBACK = 3;

/** How one task is shown after a Check. */
export interface TaskLayout {
  task: GradedTask;
  /** The task is expanded: it holds the report's first failure. Every other task shows one summary line. */
  open: boolean;
  /** The task's first failing line, shown with its details (open only in the open task). */
  firstFailure?: ResultLine;
  /** The task's other failures, summarised behind a disclosure. */
  moreFailures: ResultLine[];
  passed: ResultLine[];
}

/** How a graded report is shown: short, whatever the number of cases. */
export interface ResultsLayout {
  /** The main explanation, shown in full. */
  leadFeedback?: GradedReport['feedback'][number];
  /** Further explanations (at most two), summarised behind a disclosure. */
  moreFeedback: GradedReport['feedback'];
  tasks: TaskLayout[];
}

/**
 * Groups a Check's results so a failing Check stays short: only the first failure is
 * open (its task expanded, its details shown); every other task is one summary line
 * that opens on demand, and only the main explanation is shown in full.
 *
 * @example resultsLayout(report).tasks.filter((task) => task.open).length // 1 when the Check failed, else 0
 */
export function resultsLayout(report: GradedReport): ResultsLayout {
  // At most three explanations, as the feedback rules are ordered: the main diagnosis first.
  const [leadFeedback, ...moreFeedback] = report.feedback.slice(0, MAX_FEEDBACK);
  const firstFailing = report.tasks.find((task) => task.lines.some((line) => !line.passed));
  return {
    ...(leadFeedback ? { leadFeedback } : {}),
    moreFeedback,
    tasks: report.tasks.map((task) => {
      const [firstFailure, ...moreFailures] = task.lines.filter((line) => !line.passed);
      return {
        task,
        open: task === firstFailing,
        ...(firstFailure ? { firstFailure } : {}),
        moreFailures,
        passed: task.lines.filter((line) => line.passed),
      };
    }),
  };
}
