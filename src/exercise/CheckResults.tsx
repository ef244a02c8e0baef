import type { CheckReport, ResultLine } from './grade';
import { resultsLayout } from './resultsLayout';

/**
 * What a Check found: the verdict, the content's feedback for the mistake, and the
 * cases grouped by task (what was expected, what the code did). Short whatever the
 * number of cases: only the first failure is open; every other task is one line.
 * Problems that stopped the checks (blanks, syntax, a crash) come with a way to
 * jump to their line.
 */
export function CheckResults({ report, onGoToLine }: { report: CheckReport; onGoToLine: (line: number) => void }) {
  if (report.kind !== 'graded') {
    const line =
      report.kind === 'syntax-error'
        ? report.error.line
        : report.kind === 'load-error'
          ? report.line
          : report.kind === 'unfilled'
            ? report.lines[0]
            : undefined;
    return (
      <div className="check-results check-problem">
        <p>
          <strong>{PROBLEM_TITLES[report.kind]}</strong> {report.message}
        </p>
        {report.kind === 'syntax-error' && report.error.text && (
          <pre className="check-problem-line">
            <code>
              {report.error.line} | {report.error.text}
            </code>
          </pre>
        )}
        {line ? (
          <button type="button" className="button button-small" onClick={() => onGoToLine(line)}>
            Go to line {line}
          </button>
        ) : null}
      </div>
    );
  }
  const layout = resultsLayout(report);
  return (
    <div className={`check-results ${report.passed ? 'check-passed' : 'check-failed'}`}>
      <p className="check-verdict">
        <span aria-hidden="true">{report.passed ? '🎉 ' : ''}</span>
        {report.passed
          ? `Well done: your code passed all ${report.totalCount} checks.`
          : `${report.passedCount} of ${report.totalCount} checks passed.`}{' '}
        <span className="check-seed">Test tokens drawn from seed {report.seed}; every Check draws new ones.</span>
      </p>
      {report.rootCauses.length > 0 && (
        <section className="check-root-causes" aria-label="Repeated failures">
          <h4>Repeated failure{report.rootCauses.length > 1 ? 's' : ''}</h4>
          <ul>
            {report.rootCauses.map((root) => (
              <li key={`${root.type}@${root.line}`}>
                {root.text}{' '}
                {root.line ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => root.line && onGoToLine(root.line)}
                  >
                    Go to line {root.line}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      )}
      {layout.leadFeedback && (
        <section className="check-feedback" aria-label="What went wrong">
          <h4>What went wrong</h4>
          <FeedbackItem rule={layout.leadFeedback} />
          {layout.moreFeedback.length > 0 && (
            <details className="check-more">
              <summary>
                {layout.moreFeedback.length} more {layout.moreFeedback.length === 1 ? 'explanation' : 'explanations'}
              </summary>
              {layout.moreFeedback.map((rule) => (
                <FeedbackItem key={rule.id} rule={rule} />
              ))}
            </details>
          )}
        </section>
      )}
      {report.loadPrinted && (
        <details className="check-printed">
          <summary>Printed while loading your code</summary>
          <pre>{report.loadPrinted}</pre>
        </details>
      )}
      <ul className="check-tasks" aria-label="Results by task">
        {layout.tasks.map(({ task, open, firstFailure, moreFailures, passed }) => {
          const failedCount = task.lines.length - passed.length;
          return (
            <li key={task.id} className="check-task">
              <details open={open}>
                <summary>
                  <span aria-hidden="true" className={failedCount === 0 ? 'mark-pass' : 'mark-fail'}>
                    {failedCount === 0 ? '✓' : '✗'}
                  </span>{' '}
                  <span className="check-task-title">{task.title}</span>{' '}
                  <span className="check-count">
                    {passed.length} of {task.lines.length} passed
                  </span>
                </summary>
                {firstFailure && (
                  <ul className="check-lines">
                    <CheckLine line={firstFailure} open={open} />
                  </ul>
                )}
                {moreFailures.length > 0 && (
                  <details className="check-more">
                    <summary>{moreFailures.length} more failed under this task</summary>
                    <ul className="check-lines">
                      {moreFailures.map((line) => (
                        <CheckLine key={line.id} line={line} open={false} />
                      ))}
                    </ul>
                  </details>
                )}
                {passed.length > 0 && (
                  <details className="check-more">
                    <summary>{passed.length} passed</summary>
                    <ul className="check-lines">
                      {passed.map((line) => (
                        <CheckLine key={line.id} line={line} open={false} />
                      ))}
                    </ul>
                  </details>
                )}
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function FeedbackItem({ rule }: { rule: { id: string; html: string } }) {
  return (
    <div
      className="check-feedback-item"
      data-feedback={rule.id}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
      dangerouslySetInnerHTML={{ __html: rule.html }}
    />
  );
}

const PROBLEM_TITLES: Record<Exclude<CheckReport['kind'], 'graded'>, string> = {
  unfilled: 'Blanks to fill.',
  'syntax-error': 'Python cannot read the code.',
  'load-error': 'Your code stopped before the checks.',
  'missing-function': 'A function is missing.',
  stopped: 'Stopped.',
};

function CheckLine({ line, open }: { line: ResultLine; open: boolean }) {
  return (
    <li className={line.passed ? 'check-line check-line-pass' : 'check-line check-line-fail'} data-case={line.id}>
      <span aria-hidden="true" className={line.passed ? 'mark-pass' : 'mark-fail'}>
        {line.passed ? '✓' : '✗'}
      </span>
      <span className="visually-hidden">{line.passed ? 'Passed: ' : 'Failed: '}</span>
      <span className="check-label">
        {line.generated ? <span className="check-generated">Generated: </span> : null}
        {line.label}
      </span>
      {!line.passed && (
        <details className="check-detail-box" open={open}>
          <summary>Details</summary>
          <dl className="check-detail">
            <dt>Expected</dt>
            <dd>{line.expected}</dd>
            <dt>Your code</dt>
            <dd>{line.actual}</dd>
            {line.token && (
              <>
                <dt>{line.token.shrunk ? 'Smallest failing token of this kind' : 'The token'}</dt>
                <dd>
                  Header <code>{line.token.header}</code>, payload <code>{line.token.payload}</code>,{' '}
                  {`${line.token.how}; secret `}
                  <code>{line.token.secret}</code>.<code className="check-token">{line.token.token}</code>
                </dd>
              </>
            )}
          </dl>
        </details>
      )}
      {line.printed && (
        <details className="check-printed">
          <summary>Printed</summary>
          <pre>{line.printed}</pre>
        </details>
      )}
    </li>
  );
}
