// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_QUIZ } from '../quiz/testQuiz';
import { pickProgressData } from './records';
import { sanitizeProgressReporting } from './sanitize';
import { createProgressStore, PROGRESS_STORAGE_KEY, type ProgressStore } from './store';
import { fakeStorage } from './testing';

/*
 * The stored format, pinned: `fixtures/stored-v3.json` is what a page of version 3
 * wrote after the learner did what `learn` does (indented here for reading; the page
 * writes it without spaces, as `JSON.stringify` does, keys in the same order). Moving a
 * record from one folder to another, or any change that is not a migration, must leave
 * it loading as it is and written byte for byte the same. Never regenerate the fixture
 * to make this pass: browsers hold this text.
 */
const FIXTURE = JSON.stringify(JSON.parse(readFileSync(new URL('./fixtures/stored-v3.json', import.meta.url), 'utf8')));

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 10, minute));

/** A bit of everything a learner leaves behind: visits, a completion, edits, drafts, passes, resets. */
function learn(store: ProgressStore) {
  const state = store.getState;
  state().markVisited('jwt-auth', at(0));
  state().markVisited('serialization', at(1));
  state().setExampleEdit('jwt-auth/decode', 'print("edited")', at(2));
  state().setExampleEdit('jwt-auth/encode', 'print(1)', at(3));
  state().setExampleEdit('jwt-auth/encode', undefined, at(4));
  state().saveExerciseDraft('jwt-auth/verify-token', { code: 'def verify(token):\n    ...', mode: 'blanks' }, at(5));
  state().recordHintsShown('jwt-auth/verify-token', 2, at(6));
  state().recordExerciseCheck('jwt-auth/verify-token', { passed: false, passedCount: 3, totalCount: 5 }, at(7));
  state().recordExerciseCheck('jwt-auth/verify-token', { passed: true, passedCount: 5, totalCount: 5 }, at(8));
  state().recordSolutionViewed('jwt-auth/verify-token', at(9));
  state().recordHintsShown('jwt-auth/refresh', 1, at(10));
  state().resetExercise('jwt-auth/refresh', at(11));
  state().saveQuizProgress('jwt-auth/quiz', { ...SAMPLE_QUIZ, passedAt: SAMPLE_QUIZ.updatedAt }, at(12));
  state().saveQuizProgress('serialization/quiz', SAMPLE_QUIZ, at(13));
  state().resetQuiz('serialization/quiz', at(14));
  state().markCompleted('jwt-auth', at(15));
}

describe('the stored format', () => {
  it('is what the page writes, byte for byte', () => {
    const storage = fakeStorage();
    learn(createProgressStore(() => storage));
    expect(storage.data.get(PROGRESS_STORAGE_KEY)).toBe(FIXTURE);
  });

  it('loads as it was stored: every record kept, no notice, nothing written back', () => {
    const stored = JSON.parse(FIXTURE);
    expect(sanitizeProgressReporting(stored.state).problems).toEqual([]);
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: FIXTURE });
    const store = createProgressStore(() => storage);
    expect(pickProgressData(store.getState())).toEqual(stored.state);
    expect(store.getState().storageNotice).toBeUndefined();
    expect(storage.writes).toEqual([]);
  });
});
