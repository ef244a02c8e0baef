import { useRef, useState } from 'react';
import { errorMessage } from '../../../lib/errorMessage';
import { PROGRESS_LIMITS, progressStore, useProgress } from '../../../progress';
import { type OutputChunk, pythonRuntime, type RunResult } from '../../../python';
import { PythonLoadState, usePreloadPythonNear, usePythonRuntimeState } from '../../../python/PythonStatus';
import { RUN_STATUS_TEXT, RunOutput } from '../../../python/RunOutput';
import { pasteLargeText } from '../../../ui/largePaste';
import { useLessonId } from '../../LessonContext';
import { CodeFile } from '../CodeFile';
import type { ExampleEmbed as ExampleData } from './embed';
import { exampleKey } from './progress';

/**
 * A Python example from its file: highlighted, runnable in the page (Pyodide),
 * editable, with what it printed and how it ended. Edits are kept per learner.
 */
export function ExampleEmbed({ embed }: { embed: ExampleData }) {
  const lessonId = useLessonId();
  const key = exampleKey(lessonId, embed.id);
  const edit = useProgress((state) => state.exampleEdits[key]?.code);
  const code = edit ?? embed.code.source;
  const [editing, setEditing] = useState(false);
  const [output, setOutput] = useState<OutputChunk[]>();
  const [result, setResult] = useState<RunResult>();
  const [running, setRunning] = useState(false);
  const figure = useRef<HTMLElement>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const runtime = usePythonRuntimeState();
  const titleId = `${embed.id}-title`;
  const limitId = `${embed.id}-limit`;
  const showEditor = editing || edit !== undefined;

  usePreloadPythonNear(figure);

  const run = async () => {
    if (running) return;
    setRunning(true);
    setResult(undefined);
    const chunks: OutputChunk[] = [];
    setOutput(chunks);
    // Marks for the bench: click → first output, click → end, and Python's memory.
    const started = performance.now();
    try {
      const outcome = await pythonRuntime().run(code, {
        timeoutSeconds: embed.timeoutSeconds,
        onOutput: (chunk) => {
          if (chunks.length === 0) performance.measure(`example-first-output:${embed.id}`, { start: started });
          chunks.push(chunk);
          setOutput([...chunks]);
        },
      });
      performance.measure(`example-run:${embed.id}`, { start: started, detail: outcome.wasmMemoryBytes ?? 0 });
      setOutput(outcome.output);
      setResult(outcome);
    } catch (error) {
      setOutput([{ stream: 'stderr', text: `Python could not start: ${errorMessage(error)}` }]);
      setResult({ status: 'error', output: [], durationMs: 0 });
    } finally {
      setRunning(false);
    }
  };

  const printed = output
    ?.filter((chunk) => chunk.stream === 'stdout')
    .map((chunk) => chunk.text)
    .join('');
  const matchesLesson = result?.status === 'ok' && printed === embed.output;

  return (
    <figure className="embed example" id={embed.id} aria-labelledby={titleId} ref={figure}>
      <CodeFile
        titleId={titleId}
        title={embed.title}
        src={embed.src}
        code={embed.code}
        copyText={code}
        hideCode={showEditor}
      />
      {showEditor && (
        <textarea
          ref={editor}
          className="code-editor"
          aria-label={`Code of ${embed.title} (editable; Ctrl+Enter runs it)`}
          value={code}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          rows={Math.min(30, code.split('\n').length + 1)}
          maxLength={PROGRESS_LIMITS.codeChars}
          aria-describedby={code.length >= PROGRESS_LIMITS.codeChars ? limitId : undefined}
          onChange={(event) => progressStore.getState().setExampleEdit(key, event.target.value)}
          onPaste={(event) => pasteLargeText(event, (value) => progressStore.getState().setExampleEdit(key, value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void run();
            }
          }}
        />
      )}
      {showEditor && code.length >= PROGRESS_LIMITS.codeChars && (
        <p id={limitId} className="example-limit" role="status">
          An example holds at most {PROGRESS_LIMITS.codeChars.toLocaleString('en-US')} characters: the editor keeps the
          first {PROGRESS_LIMITS.codeChars.toLocaleString('en-US')} and takes no more.
        </p>
      )}
      <div className="example-toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void run()}
          disabled={running}
          aria-keyshortcuts="Control+Enter"
        >
          <span aria-hidden="true">▶</span> Run
        </button>
        <button type="button" className="button" onClick={() => pythonRuntime().stop()} disabled={!running}>
          <span aria-hidden="true">■</span> Stop
        </button>
        {!showEditor ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setEditing(true);
              requestAnimationFrame(() => editor.current?.focus());
            }}
          >
            Edit
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              progressStore.getState().setExampleEdit(key, undefined);
              setEditing(false);
            }}
            disabled={edit === undefined}
          >
            Reset
          </button>
        )}
        <PythonLoadState state={runtime} busyText={running ? 'Running…' : ''} announce={running} />
      </div>
      <div className="example-output">
        <p className="example-output-label">
          {output ? 'Output' : 'Output (what the lesson expects)'}
          {result && (
            <span className={`run-state run-state-${result.status}`}>
              {' '}
              · {RUN_STATUS_TEXT[result.status]}
              {result.durationMs > 0 && ` in ${Math.round(result.durationMs)} ms`}
              {matchesLesson && ' · matches the lesson'}
            </span>
          )}
        </p>
        <RunOutput
          output={output}
          status={result?.status}
          running={running}
          timeoutSeconds={embed.timeoutSeconds}
          placeholder={embed.output}
        />
        <p className="example-note">
          Runs real Python (Pyodide) in your browser. <code>flask</code>, <code>flask_jwt_extended</code> and{' '}
          <code>jwt</code> are lightweight in-browser stand-ins for the real libraries.
        </p>
      </div>
    </figure>
  );
}
