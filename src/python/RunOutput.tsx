import type { OutputChunk, RunStatus } from './protocol';

/** Said in the output itself, so the end of a run is clear even without the label. */
const RUN_NOTES: Partial<Record<RunStatus, string>> = {
  timeout: '\n[Time limit of {seconds} s reached: the program was stopped. Your code is unchanged.]\n',
  stopped: '\n[Stopped. Your code is unchanged.]\n',
};

export const RUN_STATUS_TEXT: Record<RunStatus, string> = {
  ok: 'finished',
  error: 'ended with an error',
  stopped: 'stopped',
  timeout: 'timed out',
  'output-limit': 'stopped: too much output',
};

/**
 * What a Python run printed (stderr marked), a note when it was stopped, and
 * "(no output)" when it printed nothing. Shared by the examples and the exercises.
 */
export function RunOutput({
  output,
  status,
  running,
  timeoutSeconds,
  placeholder,
}: {
  output: OutputChunk[] | undefined;
  status: RunStatus | undefined;
  running: boolean;
  timeoutSeconds: number;
  /** Shown before any run (e.g. what the lesson expects). */
  placeholder?: string;
}) {
  const note = status ? RUN_NOTES[status] : undefined;
  return (
    // The lesson page makes it a tab stop (a named region) only while it scrolls: lesson/scrollableRegions.ts.
    <pre className="output" aria-live="polite" aria-busy={running}>
      {output
        ? output.map((chunk, index) =>
            chunk.stream === 'stderr' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: chunks only grow, in order
              <span key={index} className="stderr">
                {chunk.text}
              </span>
            ) : (
              chunk.text
            ),
          )
        : placeholder}
      {output && output.length === 0 && !running && status !== 'timeout' && status !== 'stopped' && (
        <span className="muted">(no output)</span>
      )}
      {note && <span className="run-note">{note.replace('{seconds}', String(timeoutSeconds))}</span>}
    </pre>
  );
}
