// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_QUIZ } from '../quiz/testQuiz';
import { exportProgress } from './exportProgress';
import { ProgressTools } from './ProgressTools';
import { pickProgressData } from './records';
import { createProgressStore } from './store';
import { fakeStorage } from './testing';

const NOW = new Date('2026-11-29T10:00:00Z');

function renderTools() {
  const store = createProgressStore(() => fakeStorage());
  store.getState().markVisited('jwt-auth', NOW);
  store.getState().setExampleEdit('jwt-auth/a', 'print(1)');
  store.getState().saveQuizProgress('jwt-auth/quiz', SAMPLE_QUIZ);
  render(<ProgressTools store={store} now={() => NOW} />);
  const tools = screen.getByRole('group', { name: 'Your progress' });
  return { store, tools, message: within(tools).getByRole('status'), user: userEvent.setup() };
}

const jsonFile = (text: string, name = 'progress.json') => new File([text], name, { type: 'application/json' });

// jsdom has no object URLs: each test that exports puts its own in, and they are taken out after.
const { createObjectURL, revokeObjectURL } = URL;
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
});

describe('ProgressTools', () => {
  it('exports the progress as flask-course-progress.json', async () => {
    const { store, message, user } = renderTools();
    let exported: Blob | undefined;
    const revoke = vi.fn();
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        exported = blob;
        return 'blob:progress';
      },
      revokeObjectURL: revoke,
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('flask-course-progress.json');
      expect(this.href).toBe('blob:progress');
    });

    await user.click(screen.getByRole('button', { name: 'Export progress' }));

    expect(click).toHaveBeenCalledTimes(1);
    expect(await exported?.text()).toBe(exportProgress(store.getState(), NOW));
    expect(message).toHaveTextContent(
      'Exported 1 lesson, 0 exercises, 1 quiz and 1 example edit to flask-course-progress.json.',
    );
    await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:progress'));
  });

  it('imports a progress file through a labelled file input, and says what was imported', async () => {
    const { store, message, user } = renderTools();
    const source = createProgressStore(() => fakeStorage());
    source.getState().markVisited('a', NOW);
    source.getState().markVisited('b', NOW);
    source.getState().recordHintsShown('a/exercise', 1);
    const text = exportProgress(source.getState(), NOW);

    await user.upload(screen.getByLabelText('Import progress'), jsonFile(text));

    await vi.waitFor(() =>
      expect(message).toHaveTextContent(
        'Imported 2 lessons, 1 exercise, 0 quizzes and 0 example edits from progress.json (exported Nov 29, 2026).',
      ),
    );
    // The same records, counted as made at the import (so that other open tabs keep them).
    const withoutTimes = (value: unknown) => JSON.stringify(value).replace(/"updatedAt":"[^"]*"/g, '');
    expect(withoutTimes(pickProgressData(store.getState()))).toBe(withoutTimes(pickProgressData(source.getState())));
  });

  it('refuses a bad file with the reason and changes nothing', async () => {
    const { store, message, user } = renderTools();
    const before = store.getState();
    const input = screen.getByLabelText('Import progress');

    await user.upload(input, jsonFile(JSON.stringify({ hello: 'world' }), 'notes.json'));
    await vi.waitFor(() =>
      expect(message).toHaveTextContent(
        'notes.json was not imported: This is not a progress file (no "format" field). Your progress is unchanged.',
      ),
    );

    const newer = JSON.parse(exportProgress(store.getState(), NOW));
    await user.upload(input, jsonFile(JSON.stringify({ ...newer, version: 5 })));
    await vi.waitFor(() => expect(message).toHaveTextContent('The file is from a newer version (5) of the course'));

    await user.upload(input, jsonFile('{oops'));
    await vi.waitFor(() => expect(message).toHaveTextContent(/progress\.json was not imported: Not JSON: /));
    expect(store.getState()).toBe(before);
  });

  it('refuses a file over the size cap before reading it, saying why', async () => {
    const { store, message, user } = renderTools();
    const before = store.getState();
    const huge = jsonFile('{}', 'huge.json');
    Object.defineProperty(huge, 'size', { value: 50 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'text');
    await user.upload(screen.getByLabelText('Import progress'), huge);
    await vi.waitFor(() =>
      expect(message).toHaveTextContent(
        'huge.json was not imported: it is 50.0 MB, and a progress file is at most 2.0 MB (an export is a few kilobytes). Your progress is unchanged.',
      ),
    );
    expect(read).not.toHaveBeenCalled();
    expect(store.getState()).toBe(before);
  });

  it('resets all progress only after confirming', async () => {
    const { store, message, user } = renderTools();
    await user.click(screen.getByRole('button', { name: 'Reset all progress' }));
    const question = screen.getByRole('group', {
      name: 'Forget every visit, example edit, exercise and quiz in this browser?',
    });
    await user.click(within(question).getByRole('button', { name: 'Keep my progress' }));
    expect(store.getState().lessons).not.toEqual({});

    await user.click(screen.getByRole('button', { name: 'Reset all progress' }));
    await user.click(screen.getByRole('button', { name: 'Yes, forget everything' }));
    expect(pickProgressData(store.getState())).toEqual({
      lessons: {},
      exampleEdits: {},
      exercises: {},
      quizzes: {},
      removed: { exampleEdits: {}, exercises: {}, quizzes: {} },
    });
    expect(message).toHaveTextContent('All progress was reset.');
  });
});
