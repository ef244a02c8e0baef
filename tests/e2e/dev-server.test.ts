import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { openLearnerPage, waitForApp } from '../support/learnerPage.ts';

// What a newcomer gets from `npm run dev`: the page rendered in the browser (no prerender).
let server: ViteDevServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  server = await createServer({ logLevel: 'silent', server: { port: 0, strictPort: false, host: '127.0.0.1' } });
  await server.listen();
  baseUrl = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('npm run dev', () => {
  it('shows the lesson, scrolled to a deep-linked heading, with no console error', async () => {
    const learner = await openLearnerPage(browser, baseUrl);
    const { page } = learner;
    await page.goto(`${baseUrl}/lessons/jwt-auth#troubleshooting`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'API Authentication with JWT' }).waitFor();
    await page.waitForFunction(() => {
      const top = document.getElementById('troubleshooting')?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < window.innerHeight / 2;
    });
    expect(await page.title()).toBe('API Authentication with JWT · Flask APIs, Hands-On');
    await learner.close();
    expect(learner.errors).toEqual([]);
    expect(learner.foreignRequests).toEqual([]);
  });

  it('serves Pyodide from its own origin, isolated, and runs example A', async () => {
    const learner = await openLearnerPage(browser, baseUrl);
    const { page } = learner;
    await page.goto(`${baseUrl}/lessons/jwt-auth#example-build-verify`);
    await waitForApp(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.locator('#build-and-verify').getByRole('button', { name: 'Run' }).click();
    await page.waitForFunction(
      () => performance.getEntriesByName('example-run:build-and-verify').length > 0,
      undefined,
      {
        timeout: 90_000,
      },
    );
    expect(await page.locator('#build-and-verify pre.output').textContent()).toMatch(/^True\n/);
    await learner.close();
    expect(learner.errors).toEqual([]);
    expect(learner.foreignRequests).toEqual([]);
  });
});
