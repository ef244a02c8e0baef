import { type ChangeEvent, useId, useState } from 'react';
import { ConfirmButton } from '../ui/ConfirmButton';
import { exportProgress, PROGRESS_FILE_NAME } from './exportProgress';
import { progressStore } from './react';
import type { ProgressData } from './records';
import type { ProgressStore } from './store';
import { PROGRESS_IMPORT_MAX_BYTES } from './types';
import './progress.css';

interface ProgressToolsProps {
  /** The page's store unless given (tests). */
  store?: ProgressStore;
  /** The clock for the export's time and the import's replacement (tests). */
  now?: () => Date;
}

type Message = { tone: 'done' | 'refused'; text: string };

/**
 * Export the learner's progress to a file, import it back (in this or another
 * browser), or forget it all. What happened is said in a live region; a file
 * that cannot be imported changes nothing.
 */
export function ProgressTools({ store = progressStore, now = () => new Date() }: ProgressToolsProps) {
  const [message, setMessage] = useState<Message | undefined>();
  const fileInputId = useId();

  const exportFile = () => {
    const state = store.getState();
    const url = URL.createObjectURL(new Blob([exportProgress(state, now())], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = PROGRESS_FILE_NAME;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked on the next task: some browsers start the download only after the click returns.
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
    setMessage({ tone: 'done', text: `Exported ${describeProgress(state)} to ${PROGRESS_FILE_NAME}.` });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires a change.
    input.value = '';
    if (!file) return;
    // Checked before the file is read: reading and checking a huge file would hold the page.
    if (file.size > PROGRESS_IMPORT_MAX_BYTES) {
      setMessage({
        tone: 'refused',
        text: `${file.name} was not imported: it is ${formatSize(file.size)}, and a progress file is at most ${formatSize(PROGRESS_IMPORT_MAX_BYTES)} (an export is a few kilobytes). Your progress is unchanged.`,
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ tone: 'refused', text: `${file.name} could not be read. Your progress is unchanged.` });
      return;
    }
    let importProgress: typeof import('./importProgress').importProgress;
    try {
      // Loaded on demand: the file check needs zod, which the page does not load up front.
      ({ importProgress } = await import('./importProgress'));
    } catch {
      setMessage({
        tone: 'refused',
        text: 'The import could not be loaded (are you offline?). Your progress is unchanged.',
      });
      return;
    }
    const result = importProgress(text);
    if (!result.ok) {
      setMessage({
        tone: 'refused',
        text: `${file.name} was not imported: ${result.reason}. Your progress is unchanged.`,
      });
      return;
    }
    store.getState().replaceProgress(result.data, now());
    const exported = formatDate(result.exportedAt);
    setMessage({
      tone: 'done',
      text: `Imported ${describeProgress(result.data)} from ${file.name}${exported ? ` (exported ${exported})` : ''}.`,
    });
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of related actions, not a form section (fieldset)
    <div className="progress-tools" role="group" aria-label="Your progress">
      <p className="progress-tools-note">
        Your progress is kept in this browser only. Export it to keep a copy or to move it to another browser.
      </p>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={exportFile}>
          Export progress
        </button>
        <span className="progress-import">
          <input
            id={fileInputId}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(event) => void importFile(event)}
          />
          <label htmlFor={fileInputId} className="button button-small">
            Import progress
          </label>
        </span>
        <ConfirmButton
          className="button button-small"
          question="Forget every visit, example edit, exercise and quiz in this browser?"
          confirmLabel="Yes, forget everything"
          cancelLabel="Keep my progress"
          onConfirm={() => {
            store.getState().resetAllProgress(now());
            setMessage({ tone: 'done', text: 'All progress was reset.' });
          }}
        >
          Reset all progress
        </ConfirmButton>
      </div>
      <p role="status" className={`action-note progress-tools-message progress-tools-${message?.tone ?? 'idle'}`}>
        {message?.text}
      </p>
    </div>
  );
}

/** "2 lessons, 1 exercise, 1 quiz and 3 example edits" */
export function describeProgress(data: ProgressData): string {
  const parts = [
    count(Object.keys(data.lessons).length, 'lesson'),
    count(Object.keys(data.exercises).length, 'exercise'),
    count(Object.keys(data.quizzes).length, 'quiz', 'quizzes'),
    count(Object.keys(data.exampleEdits).length, 'example edit'),
  ];
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function formatDate(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(date);
}
