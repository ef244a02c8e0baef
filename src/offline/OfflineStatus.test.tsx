import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OfflineStatus } from './OfflineStatus';
import { INITIAL_OFFLINE_STATE, offlineState } from './state';

const report = (saved: { python: boolean; editor: boolean }) => ({
  shellBytes: 1_400_000,
  groups: [
    { id: 'python' as const, bytes: 13_531_169, saved: saved.python },
    { id: 'editor' as const, bytes: 3_529_000, saved: saved.editor },
  ],
});

afterEach(() => act(() => offlineState.set(INITIAL_OFFLINE_STATE)));

describe('OfflineStatus', () => {
  it('shows nothing but an empty live region until the service worker reports', () => {
    const { container } = render(<OfflineStatus />);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(container.querySelector('.offline-note')).toBeNull();
  });

  it('states what is kept with the reported sizes, and what is kept on first use', () => {
    render(<OfflineStatus />);
    act(() => offlineState.set({ report: report({ python: true, editor: false }) }));
    const note = document.querySelector('.offline-note');
    expect(note?.textContent).toContain(
      'Offline use: the course (1.4 MB) and Python (13.5 MB) are saved in this browser. The code editor (3.5 MB) is saved the first time you open an exercise.',
    );
    expect(screen.getByRole('button', { name: 'Save the code editor now (3.5 MB)' })).toBeTruthy();
  });

  it('says all is kept, with no button, once every group is saved', () => {
    render(<OfflineStatus />);
    act(() => offlineState.set({ report: report({ python: true, editor: true }) }));
    expect(document.querySelector('.offline-note')?.textContent).toBe(
      'Offline use: the course (1.4 MB), Python (13.5 MB) and the code editor (3.5 MB) are saved in this browser.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('announces a new version in the live region, with a Reload button', () => {
    render(<OfflineStatus />);
    act(() => offlineState.set({ updateReady: true }));
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('A new version of the course is ready.');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
