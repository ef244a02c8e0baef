import { lazy, Suspense, useId, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../lib/errorMessage';
import { PROGRESS_LIMITS, progressStore, useProgress } from '../progress';
import { type OutputChunk, pythonRuntime, type RunStatus } from '../python';
import { PythonLoadState, usePreloadPythonNear, usePythonRuntimeState } from '../python/PythonStatus';
import { RUN_STATUS_TEXT, RunOutput } from '../python/RunOutput';
import { ConfirmButton } from '../ui/ConfirmButton';
import { useLazyOnce } from '../ui/useLazyOnce';
import { useWhenNear } from '../ui/useWhenNear';
import {
  CodeEditor,
  type CodeEditorHandle,
  describeUnfilled,
  type EditorMarker,
  fillTemplate,
  normalizeCode,
  parseTemplate,
  preloadEditor,
  readBlanks,
  unfilledLines,
} from './editor';
import type { CheckReport } from './grade';
import { EMPTY_EXERCISE, exerciseKey } from './progress';
import type { EditingMode, ExerciseEmbed as ExerciseData, ExerciseDetails } from './types';
import { useExerciseDraft } from './useExerciseDraft';
import './exercise.css';

/** Run (the file as a program, its demo) stops after this long. */
const RUN_TIMEOUT_SECONDS = 10;

const loadChecker = () => import('./check');
const loadResults = () => import('./CheckResults');
// Shown only after a Check, so its code comes with the grading code, not with the page.
const CheckResults = lazy(() => loadResults().then((module) => ({ default: module.CheckResults })));

const BLOCKED_MESSAGES = {
  outside: 'Only the highlighted blanks can be edited. To change the rest of the code, switch on “Edit freely”.',
  newline: 'A blank holds a single line. To write more than one line, switch on “Edit freely”.',
} as const;

const MAX_CODE = PROGRESS_LIMITS.codeChars;
/** Said while the code is past the limit: it stays in the editor, unsaved and unchecked. */
const TOO_LONG_MESSAGE = `Your code is longer than ${MAX_CODE.toLocaleString('en-US')} characters: it stays in the editor, but it is not saved, checked or run until it is shorter.`;

/**
 * A graded exercise: instructions, the code editor (blanks or free), Check,
 * results grouped by task with the content's feedback, hints one at a time,
 * and the reference solution. The draft and the record live in the progress store.
 */
export function ExerciseEmbed({
  embed,
  lessonId,
  loadDetails,
}: {
  embed: ExerciseData;
  lessonId: string;
  /** The exercise's checks, feedback, hints and solution: a chunk of its own, fetched on demand. */
  loadDetails: () => Promise<ExerciseDetails>;
}) {
  const key = exerciseKey(lessonId, embed.id);
  const record = useProgress((state) => state.exercises[key]) ?? EMPTY_EXERCISE;
  const template = useMemo(
    () => (embed.editing === 'blanks' ? parseTemplate(embed.starter.source) : undefined),
    [embed],
  );
  const section = useRef<HTMLElement>(null);
  const editor = useRef<CodeEditorHandle>(null);
  const draft = useExerciseDraft({
    key,
    embed,
    template,
    section,
    focusEditor: () => editor.current?.focus(),
    rendered: record.draft,
  });
  const { code, initialCode, mode, editorKey } = draft;
  const [report, setReport] = useState<CheckReport>();
  const [checking, setChecking] = useState(false);
  const [ran, setRan] = useState<{ output: OutputChunk[]; status?: RunStatus; durationMs?: number }>();
  const [running, setRunning] = useState(false);
  const [blocked, setBlocked] = useState<string>();
  const [showSolution, setShowSolution] = useState(false);
  const [unlockQuestion, setUnlockQuestion] = useState(false);
  const [details, fetchDetails] = useLazyOnce(loadDetails);
  const runtime = usePythonRuntimeState();
  const ids = { title: useId(), help: useId(), status: useId(), instructions: useId() };
  const passed = record.passedAt !== undefined;
  const blanksMode = mode === 'blanks' && template !== undefined;

  usePreloadPythonNear(section);
  // The grading code and the editor, fetched while the learner reads.
  useWhenNear(
    section,
    () => {
      void loadChecker().catch(() => undefined);
      void loadResults().catch(() => undefined);
      void fetchDetails().catch(() => undefined);
      void preloadEditor().catch(() => undefined);
    },
    600,
  );

  const check = async () => {
    if (checking) return;
    if ((editor.current?.getCode() ?? code.current).length > MAX_CODE) {
      setBlocked(TOO_LONG_MESSAGE);
      return;
    }
    setChecking(true);
    setBlocked(undefined);
    draft.saveNow();
    const started = performance.now();
    let outcome: CheckReport;
    try {
      const [{ checkInPage }, definition] = await Promise.all([loadChecker(), fetchDetails()]);
      outcome = await checkInPage(
        definition,
        editor.current?.getCode() ?? code.current,
        blanksMode ? template : undefined,
      );
    } catch (error) {
      outcome = {
        kind: 'stopped',
        reason: 'no-result',
        message: `The checks could not run: ${errorMessage(error)}. Your code is still in the editor.`,
      };
    }
    if (outcome.kind !== 'unfilled') {
      const result =
        outcome.kind === 'graded'
          ? { passed: outcome.passed, passedCount: outcome.passedCount, totalCount: outcome.totalCount }
          : { passed: false, passedCount: 0, totalCount: 0 };
      progressStore.getState().recordExerciseCheck(key, result);
    }
    setReport(outcome);
    setChecking(false);
    requestAnimationFrame(() => performance.measure(`exercise-check:${embed.id}`, { start: started }));
  };

  /** Runs the file as a program (`__name__ == "__main__"`), as the starter says: its demo prints what the code does. */
  const runFile = async () => {
    if (running || checking) return;
    const current = editor.current?.getCode() ?? code.current;
    if (current.length > MAX_CODE) {
      setBlocked(TOO_LONG_MESSAGE);
      return;
    }
    const unfilled = describeUnfilled(unfilledLines(normalizeCode(current), blanksMode ? template : undefined));
    if (unfilled) {
      setRan({
        output: [{ stream: 'stderr', text: `${unfilled} Each ___ needs your code before the file can run.\n` }],
      });
      return;
    }
    draft.saveNow();
    setRunning(true);
    const chunks: OutputChunk[] = [];
    setRan({ output: chunks });
    try {
      const outcome = await pythonRuntime().run(normalizeCode(current), {
        timeoutSeconds: RUN_TIMEOUT_SECONDS,
        onOutput: (chunk) => {
          chunks.push(chunk);
          setRan({ output: [...chunks] });
        },
      });
      setRan({ output: outcome.output, status: outcome.status, durationMs: outcome.durationMs });
    } catch (error) {
      setRan({
        output: [{ stream: 'stderr', text: `Python could not start: ${errorMessage(error)}\n` }],
        status: 'error',
      });
    } finally {
      setRunning(false);
    }
  };

  const switchMode = (next: EditingMode) => {
    const current = editor.current?.getCode() ?? code.current;
    if (next === 'blanks' && template) {
      const values = readBlanks(template, current);
      if (!values) {
        setUnlockQuestion(true);
        return;
      }
    }
    applyMode(next, current);
  };
  const applyMode = (next: EditingMode, current: string) => {
    draft.replace(current, next);
    setBlocked(undefined);
    setUnlockQuestion(false);
  };

  const reset = () => {
    draft.reset();
    setReport(undefined);
    setRan(undefined);
    setBlocked(undefined);
    setShowSolution(false);
  };

  const hintsShown = Math.min(record.hintsShown, embed.hintCount);
  const markers = useMemo(() => markersOf(report), [report]);
  const statusText = checking
    ? 'Checking your code…'
    : report
      ? report.kind === 'graded'
        ? report.passed
          ? `Passed: ${report.message}`
          : report.message
        : report.message
      : '';

  return (
    <section className="embed exercise" id={embed.id} aria-labelledby={ids.title} ref={section}>
      <header className="exercise-header">
        <h3 id={ids.title} className="exercise-title">
          {embed.title}
        </h3>
        <p className={`exercise-badge ${passed ? 'exercise-badge-passed' : ''}`}>
          {passed ? (
            <>
              <span aria-hidden="true">✓ </span>Passed
            </>
          ) : record.attempts > 0 ? (
            `Not passed yet · ${record.attempts} ${record.attempts === 1 ? 'check' : 'checks'}`
          ) : (
            'Not started'
          )}
        </p>
      </header>
      <div
        className="exercise-instructions prose"
        id={ids.instructions}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
        dangerouslySetInnerHTML={{ __html: embed.instructionsHtml }}
      />
      <details className="exercise-contract" open>
        <summary>The contract: exactly what the checks ask of your code</summary>
        <div
          className="prose"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
          dangerouslySetInnerHTML={{ __html: embed.contractHtml }}
        />
      </details>
      <div className="exercise-editor-bar">
        <span className="code-file-name">{embed.starterFile}</span>
        {template && (
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={mode === 'free'}
              checked={mode === 'free'}
              onChange={(event) => switchMode(event.target.checked ? 'free' : 'blanks')}
            />
            <span>Edit freely</span>
          </label>
        )}
      </div>
      {unlockQuestion && template && (
        // biome-ignore lint/a11y/useSemanticElements: an inline question, not a form section (fieldset)
        <div className="confirm exercise-relock" role="group" aria-label="Lock the code again?">
          <span className="confirm-question">
            Your code no longer matches the starter outside the blanks. Lock it again? The changes outside the blanks
            will be undone and the blanks emptied.
          </span>
          <button
            type="button"
            className="button button-danger"
            onClick={() =>
              applyMode(
                'blanks',
                fillTemplate(
                  template,
                  template.segments.slice(1).map(() => '___'),
                ),
              )
            }
          >
            Undo my changes and lock
          </button>
          <button
            type="button"
            className="button"
            ref={(element) => element?.focus()}
            onClick={() => setUnlockQuestion(false)}
          >
            Keep editing freely
          </button>
        </div>
      )}
      <CodeEditor
        key={editorKey}
        ref={editor}
        initialCode={initialCode}
        {...(blanksMode ? { template } : {})}
        ariaLabel={
          blanksMode
            ? `Code of the exercise “${embed.title}”, Python, with blanks to fill`
            : `Code of the exercise “${embed.title}”, Python`
        }
        onChange={(next) => {
          const fits = next.length <= MAX_CODE;
          draft.edited(next, fits);
          setBlocked(fits ? undefined : TOO_LONG_MESSAGE);
        }}
        onSubmit={() => void check()}
        onBlockedEdit={(reason) => setBlocked(BLOCKED_MESSAGES[reason])}
        markers={markers}
        onReady={() => performance.mark(`editor-ready:${embed.id}`)}
        {...(initialCode === embed.starter.source ? { placeholderHtml: embed.starter.html } : {})}
      />
      <p className="exercise-blocked" aria-live="polite">
        {blocked ?? draft.fromOtherTab}
      </p>
      <div className="exercise-toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void check()}
          aria-disabled={checking}
          aria-keyshortcuts="Control+Enter"
        >
          <span aria-hidden="true">✓</span> Check
        </button>
        <button type="button" className="button" onClick={() => void runFile()} aria-disabled={running || checking}>
          <span aria-hidden="true">▶</span> Run
        </button>
        <button
          type="button"
          className="button"
          disabled={hintsShown >= embed.hintCount}
          onClick={() => {
            progressStore.getState().recordHintsShown(key, hintsShown + 1);
            void fetchDetails().catch(() => undefined);
          }}
        >
          {hintsShown >= embed.hintCount
            ? `All ${embed.hintCount} hints shown`
            : `Show a hint (${hintsShown + 1} of ${embed.hintCount})`}
        </button>
        {passed ? (
          <button
            type="button"
            className="button"
            aria-expanded={showSolution}
            onClick={() => setShowSolution(!showSolution)}
          >
            {showSolution ? 'Hide the reference solution' : 'Compare with the reference solution'}
          </button>
        ) : showSolution ? (
          <button type="button" className="button" aria-expanded onClick={() => setShowSolution(false)}>
            Hide the solution
          </button>
        ) : (
          <ConfirmButton
            question="See the reference solution? Working it out yourself (with the hints) teaches more."
            confirmLabel="Show the solution"
            cancelLabel="Keep trying"
            disabled={record.attempts === 0}
            disabledReason="Check your code at least once to unlock the solution."
            onConfirm={() => {
              progressStore.getState().recordSolutionViewed(key);
              void fetchDetails().catch(() => undefined);
              setShowSolution(true);
            }}
          >
            Show the solution
          </ConfirmButton>
        )}
        <ConfirmButton
          question="Discard your code and start again from the starter code?"
          confirmLabel="Discard and reset"
          cancelLabel="Keep my code"
          onConfirm={reset}
        >
          Reset
        </ConfirmButton>
        <PythonLoadState state={runtime} busyText={checking ? 'Checking…' : running ? 'Running…' : ''} />
      </div>
      {(record.attempts > 0 || record.hintsShown > 0) && (
        <p className="exercise-note">
          <ConfirmButton
            className="button button-small button-quiet"
            question="Forget this exercise's record (checks, hints, pass) and your code?"
            confirmLabel="Forget it"
            cancelLabel="Keep it"
            onConfirm={() => {
              reset();
              progressStore.getState().resetExercise(key);
            }}
          >
            Reset this exercise
          </ConfirmButton>
        </p>
      )}
      {record.attempts === 0 && !passed && (
        <p className="exercise-note">The solution unlocks after your first Check.</p>
      )}
      {ran && (
        <section className="exercise-run" aria-label="Output of Run">
          <h4>
            Output of Run
            {ran.status && (
              <span className={`run-state run-state-${ran.status}`}>
                {' '}
                · {RUN_STATUS_TEXT[ran.status]}
                {ran.durationMs ? ` in ${Math.round(ran.durationMs)} ms` : ''}
              </span>
            )}
          </h4>
          <RunOutput output={ran.output} status={ran.status} running={running} timeoutSeconds={RUN_TIMEOUT_SECONDS} />
        </section>
      )}
      <p id={ids.status} className="exercise-status" role="status" aria-live="polite">
        {statusText}
      </p>
      {report && !checking && (
        <Suspense fallback={null}>
          <CheckResults report={report} onGoToLine={(line) => editor.current?.revealLine(line)} />
        </Suspense>
      )}
      {hintsShown > 0 && (
        <section className="exercise-hints" aria-label="Hints">
          <h4>Hints</h4>
          <ol>
            {(details?.hintsHtml ?? []).slice(0, hintsShown).map((html, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: hints are fixed content, revealed in order
              // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's Markdown
              <li key={index} dangerouslySetInnerHTML={{ __html: html }} />
            ))}
          </ol>
        </section>
      )}
      {showSolution && (
        <section className="solution-compare" aria-label="Your code beside the reference solution">
          <figure>
            <figcaption>Your code</figcaption>
            {/* The lesson page makes this a tab stop only while it scrolls (watchScrollRegions). */}
            <pre className="code-block">
              <code>{editor.current?.getCode() ?? code.current}</code>
            </pre>
          </figure>
          <figure>
            <figcaption>Reference solution</figcaption>
            <div
              className="code-block-wrapper"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: highlighted at build time from the course's own file
              dangerouslySetInnerHTML={{ __html: details?.solution.html ?? '' }}
            />
          </figure>
        </section>
      )}
    </section>
  );
}

function markersOf(report: CheckReport | undefined): EditorMarker[] {
  if (!report) return [];
  if (report.kind === 'syntax-error') {
    const { line, column, endLine, endColumn, message, type } = report.error;
    return [
      {
        line,
        column,
        ...(endColumn && endLine === line ? { endColumn } : {}),
        message: `${type}: ${message}`,
        severity: 'error',
      },
    ];
  }
  if (report.kind === 'load-error' && report.line)
    return [{ line: report.line, message: report.message, severity: 'error' }];
  if (report.kind === 'unfilled') {
    return report.lines.map((line) => ({ line, message: 'A blank to fill on this line', severity: 'warning' }));
  }
  return [];
}
