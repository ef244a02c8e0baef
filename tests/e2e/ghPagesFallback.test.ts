import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/hosting/headers.ts';
import { recordCspViolations } from '../support/cspTour.ts';
import { waitForApp } from '../support/learnerPage.ts';
import {
  copyOfDist,
  dist,
  evaluateAcrossReloads,
  servedSiteSession,
  startPlainStaticServer,
  waitForOfflineReady,
} from '../support/offline.ts';

/*
 * Hosts that cannot set headers (GitHub Pages): the built site served by a plain static
 * server that sends only Content-Type. The service worker adds the site's headers to what it
 * serves, so after one reload the page is cross-origin isolated and under its CSP; where that
 * cannot work, the page reloads once, never in a loop, and still works.
 */
const session = servedSiteSession();

const CPU_BOUND = { timeout: 90_000, interval: 200 };

/** Every load of the page's main document, in order. */
function countLoads(page: Page): string[] {
  const loads: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loads.push(frame.url());
  });
  return loads;
}

async function runExample(page: Page) {
  const example = page.locator('#build-and-verify');
  await example.scrollIntoViewIfNeeded();
  await example.getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => example.locator('.example-output-label').textContent(), CPU_BOUND).toMatch(/finished/);
}

describe('on a host that sends no headers (GitHub Pages)', () => {
  it('becomes cross-origin isolated through the service worker after one reload, under the CSP', async () => {
    const server = await session.serve(startPlainStaticServer(dist));
    const { page } = await session.open(server.url);
    const violations = await recordCspViolations(page);
    const loads = countLoads(page);
    const first = await page.goto(`${server.url}/lessons/jwt-auth`);
    // The control: the host itself sends none of the site's headers.
    expect(first?.headers()['cross-origin-embedder-policy']).toBeUndefined();
    expect(first?.headers()['content-security-policy']).toBeUndefined();

    await expect.poll(() => evaluateAcrossReloads(page, () => crossOriginIsolated), { timeout: 60_000 }).toBe(true);
    await waitForApp(page);
    await waitForOfflineReady(page);
    expect(loads, 'the first load, then one reload').toHaveLength(2);

    // Every later load comes from the worker with the headers: isolated at once, no reload.
    const again = await page.reload();
    expect(again?.fromServiceWorker()).toBe(true);
    expect(again?.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(again?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
    expect(again?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await waitForApp(page);
    await waitForOfflineReady(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(loads).toHaveLength(3);

    // Python gets its SharedArrayBuffer (to interrupt runaway code) and runs.
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
    await runExample(page);
    expect(violations, 'CSP violations').toEqual([]);
  }, 240_000);

  it('reloads only once where isolation cannot happen, and the page still works', async () => {
    const site = session.keep(copyOfDist());
    // A worker that adds no headers: as a browser that ignores a service worker's COOP/COEP would be.
    const swFile = path.join(site.folder, 'sw.js');
    const sw = readFileSync(swFile, 'utf8');
    const withoutHeaders = sw.replace(/siteHeaders:\{[^}]*\}/, 'siteHeaders:{}');
    expect(withoutHeaders).not.toBe(sw);
    writeFileSync(swFile, withoutHeaders);
    const server = await session.serve(startPlainStaticServer(site.folder));
    const { page } = await session.open(server.url);
    const loads = countLoads(page);
    await page.goto(`${server.url}/lessons/jwt-auth`);

    // The worker takes over and the page reloads once to try; the reloaded page decides at its start.
    await expect.poll(() => loads.length, { timeout: 60_000 }).toBe(2);
    await waitForApp(page);
    await waitForOfflineReady(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    // A reload by the learner is not followed by another one.
    await page.reload();
    await waitForApp(page);
    await waitForOfflineReady(page);
    expect(loads).toHaveLength(3);
    await runExample(page);
    expect(loads).toHaveLength(3);
  }, 240_000);
});
