import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../src/app/progressRecords';

// waitFor and findBy* wait for a condition; on a busy 2-core machine the default 1 s is not
// enough for work that is CPU-bound (a lazily imported module, a quiz's re-render).
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  // A test that follows an in-page link leaves its #hash (and path) in jsdom's one window:
  // the next test would start scrolled to it. Each test starts at a clean address.
  window.history.replaceState(null, '', '/');
});
