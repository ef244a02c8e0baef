// The kinds of record the page registers (the progress store reads stored data by them).
import '../app/progressRecords';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StorageNotice } from './StorageNotice';
import { createProgressStore, PROGRESS_BACKUP_KEY, PROGRESS_STORAGE_KEY } from './store';
import { fakeStorage } from './testing';

describe('StorageNotice', () => {
  it('keeps an empty live region in the page while there is nothing to say', () => {
    render(<StorageNotice store={createProgressStore(() => fakeStorage())} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says once that damaged progress was recovered, until dismissed', async () => {
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: '{"state": nope' });
    const store = createProgressStore(() => storage);
    render(<StorageNotice store={store} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Saved progress recovered.');
    expect(status).toHaveTextContent('it is not valid JSON');
    expect(status).toHaveTextContent(PROGRESS_BACKUP_KEY);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(status).toBeEmptyDOMElement();
    expect(store.getState().storageNotice).toBeUndefined();
  });

  it('says nothing on the next load, the data having been cleaned', () => {
    const storage = fakeStorage({ [PROGRESS_STORAGE_KEY]: '[]' });
    createProgressStore(() => storage);
    render(<StorageNotice store={createProgressStore(() => storage)} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says when progress cannot be saved, as soon as a save fails', () => {
    const storage = fakeStorage();
    storage.failWrites = 'quota';
    const store = createProgressStore(() => storage);
    render(<StorageNotice store={store} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    act(() => store.getState().markVisited('jwt-auth'));
    expect(screen.getByRole('status')).toHaveTextContent(
      "Progress not saved. Progress can't be saved in this browser: it will be lost when you close the page.",
    );
  });
});
