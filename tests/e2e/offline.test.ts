import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PYODIDE_FOLDER } from '../../src/hosting/headers.ts';
import { formatMegabytes } from '../../src/offline/state.ts';
import { PROGRESS_STORAGE_KEY } from '../../src/progress/store.ts';
import { answerOneQuizQuestion } from '../support/cspTour.ts';
import { waitForApp } from '../support/learnerPage.ts';
import {
  bytesUnder,
  changeBuiltFile,
  copyOfDist,
  dist,
  evaluateAcrossReloads,
  servedSiteSession,
  startPreviewOf,
  waitForOfflineReady,
} from '../support/offline.ts';

/*
 * Offline use: after one visit the lesson works with the network off (served by the service
 * worker with the site's headers), and a new build waits for the learner's "Reload".
 * Each test serves its own copy of the site, so that "offline" can mean the server is gone.
 */
const session = servedSiteSession();

/** Long enough for Python or a Check (CPU-bound) on a busy 2-core machine. */
const CPU_BOUND = { timeout: 90_000, interval: 200 };
const VERIFIER_BLANKS = [
  'token.split(".")',
  '(header_b64 + "." + payload_b64).encode("ascii")',
  'hashlib.sha256',
  'hmac.compare_digest',
];
const expirySolution = readFileSync(
  new URL('../../lessons/jwt-auth/exercises/expiry/solution.py', import.meta.url),
  'utf8',
);

async function runExample(page: Page) {
  const example = page.locator('#build-and-verify');
  await example.scrollIntoViewIfNeeded();
  await example.getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => example.locator('.example-output-label').textContent(), CPU_BOUND).toMatch(/finished/);
  expect(await example.locator('.output').textContent()).not.toMatch(/Error/);
}

async function editorReady(exercise: Locator) {
  await exercise.locator('.exercise-editor-bar').scrollIntoViewIfNeeded();
  await exercise.locator('[data-editor-ready="monaco"]').waitFor({ timeout: 60_000 });
}

async function checkAndWait(exercise: Locator, expected: RegExp) {
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => exercise.locator('.exercise-status').textContent(), CPU_BOUND).toMatch(expected);
}

/** The verifier exercise: its blanks filled by keyboard (Tab from the "Edit freely" switch lands on the first). */
async function passVerifier(page: Page) {
  const exercise = page.locator('#verify-token');
  await editorReady(exercise);
  await exercise.getByRole('switch', { name: 'Edit freely' }).focus();
  await page.keyboard.press('Tab');
  for (const value of VERIFIER_BLANKS) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await checkAndWait(exercise, /^Passed: All \d+ checks passed\.$/);
}

/** The expiry challenge: the reference solution pasted over the starter. */
async function passExpiry(page: Page) {
  const challenge = page.locator('#expiry');
  await editorReady(challenge);
  await challenge.locator('.monaco-editor').click();
  await page.keyboard.press('Control+A');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, expirySolution);
  await expect
    .poll(async () => (await challenge.locator('.view-lines').textContent())?.replace(/\u00a0/g, ' '), {
      timeout: 15_000,
    })
    .toContain('def issue_token');
  await checkAndWait(challenge, /^Passed: All \d+ checks passed\.$/);
}

const note = (page: Page) => page.locator('.offline-note');

describe('offline use', () => {
  it('after one visit, reloads with the network off and does everything: read, run, check both exercises, quiz', async () => {
    const server = await session.serve(startPreviewOf(dist));
    const { page, context } = await session.open(server.url);
    await page.goto(`${server.url}/lessons/jwt-auth`);
    await waitForApp(page);
    await waitForOfflineReady(page);
    // The page says what it keeps, with the sizes of the built files (never a fixed number).
    const python = `Python (${formatMegabytes(bytesUnder('pyodide'))})`;
    expect(await note(page).textContent()).toContain(`${python} is saved the first time you run code.`);
    expect(await note(page).textContent()).toMatch(/the course \(\d+\.\d MB\) is saved in this browser/);
    expect(await note(page).textContent()).toMatch(
      /The code editor \(\d+\.\d MB\) is saved the first time you open an exercise\./,
    );

    // First use, on this first visit: Python and the editor are kept as the learner meets them.
    await runExample(page);
    await editorReady(page.locator('#verify-token'));
    await expect.poll(() => note(page).getAttribute('data-offline-saved'), CPU_BOUND).toBe('python editor');
    expect(await note(page).textContent()).toContain(python);
    expect(await note(page).textContent()).not.toContain('Save ');

    // The network off: the server is gone and the browser offline.
    await session.stopServer();
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
    await waitForApp(page);
    expect(await page.evaluate(() => crossOriginIsolated), 'cross-origin isolated offline').toBe(true);
    expect(await page.locator('h1').textContent()).toContain('JWT');
    await runExample(page);
    await passVerifier(page);
    await passExpiry(page);
    await answerOneQuizQuestion(page);
  }, 420_000);

  it('keeps Python when the learner ran code before the service worker took over', async () => {
    const server = await session.serve(startPreviewOf(dist));
    const { page, context } = await session.open(server.url);
    await page.goto(`${server.url}/lessons/jwt-auth`);
    await waitForApp(page);
    // Run at once: the worker registers only once the page is idle, so Python may well come from the network.
    await runExample(page);
    await waitForOfflineReady(page);
    await expect.poll(() => note(page).getAttribute('data-offline-saved'), CPU_BOUND).toContain('python');
    await session.stopServer();
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await runExample(page);
  }, 300_000);

  it('saves Python and the editor when the learner asks, before using them', async () => {
    const server = await session.serve(startPreviewOf(dist));
    const { page } = await session.open(server.url);
    await page.goto(`${server.url}/`);
    await waitForApp(page);
    await waitForOfflineReady(page);
    const save = note(page).getByRole('button', { name: /^Save Python and the code editor now \(\d+\.\d MB\)$/ });
    await save.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => note(page).getAttribute('data-offline-saved'), CPU_BOUND).toBe('python editor');
    expect(await note(page).getByRole('button').count()).toBe(0);
  }, 300_000);

  it('announces a new build, applies it only on "Reload" (every tab at once), and keeps the progress', async () => {
    const site = session.keep(copyOfDist());
    const server = await session.serve(startPreviewOf(site.folder));
    const { page, context } = await session.open(server.url);
    await page.goto(`${server.url}/lessons/jwt-auth`);
    await waitForApp(page);
    await waitForOfflineReady(page);
    await answerOneQuizQuestion(page);
    const quizProgress = () =>
      page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.quizzes, PROGRESS_STORAGE_KEY);
    const progressBefore = await quizProgress();
    expect(JSON.stringify(progressBefore)).toContain('jwt-quiz');
    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await waitForApp(other);
    await waitForOfflineReady(other);

    // A new build is published: the lesson page changed, and so its revision in sw.js.
    changeBuiltFile(site.folder, 'lessons/jwt-auth.html', (html) =>
      html.replace('<html lang="en">', '<html lang="en" data-build="next">'),
    );
    changeBuiltFile(site.folder, 'index.html', (html) =>
      html.replace('<html lang="en">', '<html lang="en" data-build="next">'),
    );
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    // The live region stays in the page; the announcement appears inside it.
    const announcement = (target: Page) => target.getByRole('status').locator('.offline-update');
    for (const tab of [page, other]) {
      await announcement(tab).waitFor({ timeout: 60_000 });
      expect(await announcement(tab).textContent()).toContain('A new version of the course is ready.');
    }
    // Never half-applied: until the learner chooses, a reload still gets the version it had.
    await other.reload();
    await waitForApp(other);
    expect(await other.evaluate(() => document.documentElement.dataset.build)).toBeUndefined();
    await announcement(other).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBeUndefined();

    // Chosen by keyboard: both tabs reload onto the new build.
    await announcement(page).getByRole('button', { name: 'Reload' }).focus();
    await page.keyboard.press('Enter');
    for (const tab of [page, other]) {
      await expect
        .poll(() => evaluateAcrossReloads(tab, () => document.documentElement.dataset.build), { timeout: 60_000 })
        .toBe('next');
      await waitForApp(tab);
      expect(await tab.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(await announcement(tab).count()).toBe(0);
    }
    expect(await quizProgress()).toEqual(progressBefore);
    await other.close();
  }, 300_000);
});

describe('the built service worker and manifest', () => {
  // The sizes the page states are those of the files; the build keeps Python whole.
  it('lists every file of Python in the service worker', () => {
    const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
    for (const file of [
      'pyodide.mjs',
      'pyodide.asm.mjs',
      'pyodide.asm.wasm',
      'python_stdlib.zip',
      'pyodide-lock.json',
    ]) {
      expect(sw).toContain(`${PYODIDE_FOLDER}${file}`);
    }
  });

  it('makes the course installable: every page links the manifest, whose icons are PNGs of their stated size', () => {
    for (const page of ['index.html', 'lessons/jwt-auth.html', '404.html']) {
      expect(readFileSync(path.join(dist, page), 'utf8')).toContain(
        '<link rel="manifest" href="/manifest.webmanifest"',
      );
    }
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.webmanifest'), 'utf8')) as {
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest.start_url).toBe('/');
    expect(manifest.display).toBe('standalone');
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(
      ['192x192 any', '512x512 any', '512x512 maskable'].sort(),
    );
    for (const icon of pngs) {
      const png = readFileSync(path.join(dist, icon.src));
      // The PNG signature, then IHDR's width and height.
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });
});
