import type { CheckReport, ResultLine } from './grade';

/**
 * What a Check found: the verdict, the content's feedback for the mistake, and
 * one line per case grouped by task (what was expected, what the code did).
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
  return (
    <div className={`check-results ${report.passed ? 'check-passed' : 'check-failed'}`}>
      <p className="check-verdict">
        <span aria-hidden="true">{report.passed ? '🎉 ' : ''}</span>
        {report.passed
          ? `Well done: your verifier passed all ${report.totalCount} checks.`
          : `${report.passedCount} of ${report.totalCount} checks passed.`}
      </p>
      {report.feedback.length > 0 && (
        <section className="check-feedback" aria-label="What went wrong">
          <h4>What went wrong</h4>
          {report.feedback.slice(0, 3).map((rule) => (
            <div
              key={rule.id}
              className="check-feedback-item"
              data-feedback={rule.id}
              // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
              dangerouslySetInnerHTML={{ __html: rule.html }}
            />
          ))}
        </section>
      )}
      {report.loadPrinted && (
        <details className="check-printed">
          <summary>Printed while loading your code</summary>
          <pre>{report.loadPrinted}</pre>
        </details>
      )}
      {report.tasks.map((task) => {
        const passedLines = task.lines.filter((line) => line.passed).length;
        return (
          <section key={task.id} className="check-task" aria-label={task.title}>
            <h4>
              <span aria-hidden="true" className={passedLines === task.lines.length ? 'mark-pass' : 'mark-fail'}>
                {passedLines === task.lines.length ? '✓' : '✗'}
              </span>{' '}
              {task.title}{' '}
              <span className="check-count">
                {passedLines} of {task.lines.length}
              </span>
            </h4>
            <ul className="check-lines">
              {task.lines.map((line) => (
                <CheckLine key={line.id} line={line} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

const PROBLEM_TITLES: Record<Exclude<CheckReport['kind'], 'graded'>, string> = {
  unfilled: 'Blanks to fill.',
  'syntax-error': 'Python cannot read the code.',
  'load-error': 'Your code stopped before the checks.',
  'missing-function': 'A function is missing.',
  stopped: 'Stopped.',
};

function CheckLine({ line }: { line: ResultLine }) {
  return (
    <li className={line.passed ? 'check-line check-line-pass' : 'check-line check-line-fail'} data-case={line.id}>
      <span aria-hidden="true" className={line.passed ? 'mark-pass' : 'mark-fail'}>
        {line.passed ? '✓' : '✗'}
      </span>
      <span className="visually-hidden">{line.passed ? 'Passed: ' : 'Failed: '}</span>
      <span className="check-label">{line.label}</span>
      {!line.passed && (
        <dl className="check-detail">
          <dt>Expected</dt>
          <dd>{line.expected}</dd>
          <dt>Your code</dt>
          <dd>{line.actual}</dd>
        </dl>
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
