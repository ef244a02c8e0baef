import { useSyncExternalStore } from 'react';
import { progressStore } from './react';
import type { ProgressStore } from './store';
import type { ProgressNotice } from './types';
import './progress.css';

const TITLES: Record<ProgressNotice['kind'], string> = {
  recovered: 'Saved progress recovered.',
  'memory-only': 'Progress not saved.',
};

/**
 * Says once what happened to the learner's stored progress (recovered from
 * damage, or not savable in this browser), until dismissed. The live region
 * is always in the page so that a notice appearing in it is announced.
 */
export function StorageNotice({ store = progressStore }: { store?: ProgressStore }) {
  // Never in the prerendered HTML (it has no storage): the notice appears right after hydration.
  const notice = useSyncExternalStore(
    store.subscribe,
    () => store.getState().storageNotice,
    () => undefined,
  );
  return (
    <div role="status" className="storage-notice-region">
      {notice && (
        <div className={`storage-notice storage-notice-${notice.kind}`}>
          <p>
            <strong>{TITLES[notice.kind]}</strong> {notice.detail}
          </p>
          <button type="button" className="button button-small" onClick={() => store.getState().dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
