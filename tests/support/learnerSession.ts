import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser.ts';
import { type LearnerPage, openLearnerPage } from './learnerPage.ts';

/**
 * Registers the hooks every browser test file needs: one Chromium for the
 * file, and after each test, the learner's page closed and checked for
 * console errors and requests to other origins.
 */
export function learnerSession(baseUrl: string) {
  let browser: Browser | undefined;
  let learner: LearnerPage | undefined;

  const closeAndCheck = async () => {
    if (!learner) return;
    const { errors, foreignRequests } = learner;
    await learner.close();
    learner = undefined;
    expect(errors, 'console errors').toEqual([]);
    expect(foreignRequests, 'requests to other origins').toEqual([]);
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  afterEach(closeAndCheck);

  return {
    /** A fresh page (new context: empty storage and cache); the previous one is checked and closed first. */
    async open(options: BrowserContextOptions = {}): Promise<LearnerPage> {
      await closeAndCheck();
      if (!browser) throw new Error('learnerSession: the browser is not started');
      learner = await openLearnerPage(browser, baseUrl, options);
      return learner;
    },
  };
}
