// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { describe, expect, it } from 'vitest';
import { SAMPLE_QUIZ } from '../quiz/testQuiz';
import { ProgressImportError } from './errors';
import { exportProgress, PROGRESS_FILE_FORMAT } from './exportProgress';
import { importProgress, readProgressFile } from './importProgress';
import { emptyProgress, type ProgressData, pickProgressData } from './records';
import { createProgressStore, PROGRESS_VERSION } from './store';
import { fakeStorage } from './testing';

const NOW = new Date('2026-11-29T10:00:00Z');

function storeWithProgress() {
  const store = createProgressStore(() => fakeStorage());
  const state = store.getState;
  state().markVisited('jwt-auth', NOW);
  state().setExampleEdit('jwt-auth/a', 'print("edited")');
  state().saveExerciseDraft('jwt-auth/verify-token', { code: 'def verify(): ...', mode: 'free' }, NOW);
  state().recordExerciseCheck('jwt-auth/verify-token', { passed: true, passedCount: 4, totalCount: 4 }, NOW);
  state().saveQuizProgress('jwt-auth/quiz', SAMPLE_QUIZ);
  return store;
}

const file = (data: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: NOW.toISOString(),
    data,
    ...extra,
  });

describe('exportProgress', () => {
  it('writes pretty JSON with the format, version, time and only the data', () => {
    const text = exportProgress(storeWithProgress().getState(), NOW);
    expect(text).toContain('\n  "format": "flask-course-progress",\n');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'exportedAt', 'data']);
    expect(parsed).toMatchObject({
      format: 'flask-course-progress',
      version: PROGRESS_VERSION,
      exportedAt: NOW.toISOString(),
    });
    expect(Object.keys(parsed.data)).toEqual(['lessons', 'exampleEdits', 'exercises', 'quizzes', 'removed']);
  });
});

describe('importProgress', () => {
  it('reads back what was exported, into another store (round trip)', () => {
    const source = storeWithProgress();
    const result = importProgress(exportProgress(source.getState(), NOW));
    expect(result).toEqual({ ok: true, data: pickProgressData(source.getState()), exportedAt: NOW.toISOString() });

    const target = createProgressStore(() => fakeStorage());
    target.getState().markVisited('something-else', NOW);
    const IMPORTED = new Date('2026-11-30T10:00:00Z');
    if (result.ok) target.getState().replaceProgress(result.data, IMPORTED);
    // The same records, counted as made at the import (so that other open tabs keep them).
    const restamped = (data: ProgressData) =>
      JSON.parse(JSON.stringify(data).replace(/"updatedAt":"[^"]*"/g, `"updatedAt":"${IMPORTED.toISOString()}"`));
    expect(pickProgressData(target.getState())).toEqual(restamped(pickProgressData(source.getState())));
  });

  it('migrates a file from an older version', () => {
    const v1 = { lessons: { a: { firstVisitedAt: 'x' } }, exampleEdits: {} };
    expect(importProgress(file(v1, { version: 1 }))).toMatchObject({
      ok: true,
      data: { ...emptyProgress(), lessons: { a: { firstVisitedAt: 'x', updatedAt: expect.any(String) } } },
    });
  });

  const valid: ProgressData = emptyProgress();
  it.each([
    ['text that is not JSON', 'hello', 'ERR_IMPORT_NOT_JSON', /^Not JSON: /],
    ['JSON that is not an object', '[1]', 'ERR_IMPORT_NOT_PROGRESS', 'This is not a progress file (not a JSON object)'],
    [
      'a file without "format"',
      JSON.stringify({ data: valid }),
      'ERR_IMPORT_NOT_PROGRESS',
      'This is not a progress file (no "format" field)',
    ],
    [
      'another format',
      file(valid, { format: 'vscode-settings' }),
      'ERR_IMPORT_NOT_PROGRESS',
      'This is not a progress file (its format is "vscode-settings", not "flask-course-progress")',
    ],
    [
      'a file without a version',
      file(valid, { version: 'two' }),
      'ERR_IMPORT_VERSION',
      'The file has no valid "version" number',
    ],
    [
      'a file from a newer version',
      file(valid, { version: 5 }),
      'ERR_IMPORT_VERSION',
      /^The file is from a newer version \(5\) of the course/,
    ],
    ['a file without data', file(undefined), 'ERR_IMPORT_INVALID', 'The file has no "data" field'],
    [
      'a counter that is not a number',
      file({
        ...valid,
        exercises: {
          'jwt-auth/verify-token': { attempts: 'three', hintsShown: 0, solutionViewed: false, updatedAt: '' },
        },
      }),
      'ERR_IMPORT_INVALID',
      'exercises.jwt-auth/verify-token.attempts: expected a number',
    ],
    [
      'a quiz answer that is not an option index',
      file({
        ...valid,
        quizzes: { q: { ...SAMPLE_QUIZ, history: [{ ...SAMPLE_QUIZ.history[0], answers: { q1: ['a'] } }] } },
      }),
      'ERR_IMPORT_INVALID',
      'quizzes.q.history.0.answers.q1.0: expected a number',
    ],
    [
      'several problems',
      file({ ...valid, lessons: { a: { updatedAt: '' } }, exampleEdits: { b: 1 } }),
      'ERR_IMPORT_INVALID',
      'lessons.a.firstVisitedAt: expected a string (and 1 more problem)',
    ],
    [
      'a missing map',
      file({ lessons: {}, exampleEdits: {}, exercises: {}, removed: valid.removed }),
      'ERR_IMPORT_INVALID',
      'quizzes: expected an object',
    ],
  ])('refuses %s with the reason, and changes nothing', (_name, text, code, reason) => {
    const result = importProgress(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    if (typeof reason === 'string') expect(result.reason).toBe(reason);
    else expect(result.reason).toMatch(reason);
  });

  it('throws a ProgressImportError with a code and the path when used as readProgressFile', () => {
    let error: unknown;
    try {
      readProgressFile(file({ lessons: { a: { firstVisitedAt: 3 } }, exampleEdits: {}, exercises: {}, quizzes: {} }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProgressImportError);
    expect(error).toMatchObject({ code: 'ERR_IMPORT_INVALID', path: 'lessons.a.firstVisitedAt' });
  });

  it('leaves the store as it was when a file is refused', () => {
    const store = storeWithProgress();
    const before = store.getState();
    const result = importProgress(file({ ...valid, lessons: 'all of them' }));
    if (result.ok) store.getState().replaceProgress(result.data);
    expect(result.ok).toBe(false);
    expect(store.getState()).toBe(before);
  });
});
