import { useSyncExternalStore } from 'react';
import type { OfflineGroupId, OfflineGroupStatus } from './protocol';
import { moveToNewVersion, saveForOffline } from './register';
import { formatMegabytes, INITIAL_OFFLINE_STATE, offlineState } from './state';
import './offline.css';

const GROUP_NAMES: Record<OfflineGroupId, string> = { python: 'Python', editor: 'the code editor' };
const FIRST_USE: Record<OfflineGroupId, string> = {
  python: 'the first time you run code',
  editor: 'the first time you open an exercise',
};

const named = (group: OfflineGroupStatus) => `${GROUP_NAMES[group.id]} (${formatMegabytes(group.bytes)})`;
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** "a", "a and b", "a, b and c" */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Offline use, as the service worker reports it: what this browser keeps (with the real
 * sizes) and, when a new version of the course is installed, the announcement that waits
 * for the learner to reload. The live region is always in the page, so that an
 * announcement appearing in it is read out.
 */
export function OfflineStatus() {
  // Never in the prerendered HTML: the page learns what is kept once its worker answers.
  const state = useSyncExternalStore(offlineState.subscribe, offlineState.get, () => INITIAL_OFFLINE_STATE);
  const { report } = state;
  const saved = report?.groups.filter((group) => group.saved) ?? [];
  const pending = report?.groups.filter((group) => !group.saved) ?? [];
  return (
    <div className="offline-status">
      <div role="status" className="offline-update-region">
        {state.updateReady && (
          <div className="offline-update">
            <p>A new version of the course is ready.</p>
            <button type="button" className="button button-small" onClick={moveToNewVersion}>
              Reload
            </button>
          </div>
        )}
      </div>
      {report && (
        <p className="offline-note" data-offline-saved={saved.map((group) => group.id).join(' ')}>
          <strong>Offline use:</strong>{' '}
          {listOf([`the course (${formatMegabytes(report.shellBytes)})`, ...saved.map(named)])}{' '}
          {saved.length === 0 ? 'is' : 'are'} saved in this browser.
          {pending.map((group) => ` ${sentence(named(group))} is saved ${FIRST_USE[group.id]}.`).join('')}
          {pending.length > 0 && (
            <>
              {' '}
              <button
                type="button"
                className="button button-small"
                disabled={state.saving}
                onClick={() => void saveForOffline(pending.map((group) => group.id))}
              >
                {state.saving
                  ? 'Saving…'
                  : `Save ${listOf(pending.map((group) => GROUP_NAMES[group.id]))} now (${formatMegabytes(
                      pending.reduce((sum, group) => sum + group.bytes, 0),
                    )})`}
              </button>
            </>
          )}
          {state.saveError && <span className="offline-error"> Not saved: {state.saveError}</span>}
        </p>
      )}
    </div>
  );
}
