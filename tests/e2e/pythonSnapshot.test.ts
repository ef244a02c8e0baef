import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { type LearnerPage, openLearnerPage, waitForApp } from '../support/learnerPage.ts';

/*
 * Python's start in a learner's browser: Pyodide fetches each of its big files once (the
 * progress bar reads those same responses), after the first start a second worker leaves a
 * memory snapshot in Cache Storage, and the next visits start from it, with fresh random numbers, falling
 * back to a normal start when the snapshot is damaged.
 */

const baseUrl = inject('baseUrl');
const LESSON = `${baseUrl}/lessons/jwt-auth`;
let browser: Browser;
let learner: LearnerPage;
let page: Page;
/**
 * Downloads of Python's two big files by the page (its Python worker), by file name, since the
 * context opened: requests that reached the server, not those the service worker answered.
 * The service worker's own copy for offline use, fetched once it is installed, is not Python's
 * start: it is counted apart and said in the page with its size (src/offline).
 */
const bigFileRequests = new Map<string, number>();

beforeAll(async () => {
  browser = await launchChromium();
  learner = await openLearnerPage(browser, baseUrl);
  page = learner.page;
  learner.context.on('requestfinished', async (request) => {
    const name = new URL(request.url()).pathname.split('/').at(-1) ?? '';
    if (name !== 'pyodide.asm.wasm' && name !== 'python_stdlib.zip') return;
    if (request.serviceWorker() || (await request.response())?.fromServiceWorker()) return;
    bigFileRequests.set(name, (bigFileRequests.get(name) ?? 0) + 1);
  });
}, 120_000);
afterAll(async () => {
  const errors = learner?.errors ?? [];
  await learner?.close();
  await browser?.close();
  expect(errors, 'console errors').toEqual([]);
});

/** Opens the lesson anew (a new worker: a later visit) with nothing started yet. */
async function visit() {
  await page.goto(LESSON, { waitUntil: 'load' });
  await waitForApp(page);
  await page.evaluate(() => performance.clearMarks());
}

/** Runs `code` in example A; returns its output and how Python started, if it started for this run. */
async function run(code: string): Promise<{ output: string; snapshot: string | undefined }> {
  const figure = page.locator('#build-and-verify');
  await figure.scrollIntoViewIfNeeded();
  const edit = figure.getByRole('button', { name: 'Edit' });
  if (await edit.count()) await edit.click();
  await figure.locator('textarea.code-editor').fill(code);
  await page.evaluate(() => performance.clearMeasures('example-run:build-and-verify'));
  await figure.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('example-run:build-and-verify').length > 0, undefined, {
    timeout: 120_000,
  });
  const output = (await figure.locator('pre.output').textContent()) ?? '';
  const snapshot = await page.evaluate(
    () =>
      (performance.getEntriesByName('python-ready').at(-1) as PerformanceMark | undefined)?.detail?.snapshot as
        | string
        | undefined,
  );
  return { output, snapshot };
}

/** The snapshot made at this start is in Cache Storage. */
async function snapshotSaved() {
  await page.waitForFunction(() => performance.getEntriesByName('python-snapshot-saved').length > 0, undefined, {
    timeout: 120_000,
  });
}

const snapshotCaches = () =>
  page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('python-snapshot:')));

const RANDOM = 'import random, uuid\nprint(random.random(), uuid.uuid4())';

describe('Python from a snapshot, its files fetched once', () => {
  it('fetches the WebAssembly and the stdlib zip exactly once on a cold start, and keeps a snapshot', async () => {
    await visit();
    const first = await run('print("hello")');
    expect(first).toEqual({ output: 'hello\n', snapshot: 'cold' });
    await snapshotSaved();
    // Counted once the second worker has made the snapshot: it downloads nothing either.
    expect(Object.fromEntries(bigFileRequests)).toEqual({ 'pyodide.asm.wasm': 1, 'python_stdlib.zip': 1 });
    expect(await snapshotCaches()).toHaveLength(1);
  });

  it('starts the next visits from the snapshot, with different random numbers each time', async () => {
    await visit();
    const second = await run(RANDOM);
    await visit();
    const third = await run(RANDOM);
    expect(second.snapshot).toBe('restored');
    expect(third.snapshot).toBe('restored');
    expect(second.output).toMatch(/^0\.\d+ [0-9a-f-]{36}\n$/);
    expect(third.output).not.toBe(second.output);
    // The flask stand-in was imported into the snapshot and still works from it.
    await visit();
    expect((await run('from flask import Flask\nprint(Flask("a").name)')).output).toBe('a\n');
  });

  it('starts normally from a damaged snapshot, deletes it and makes a new one', async () => {
    for (const damage of ['garbage', 'cut short'] as const) {
      const [name] = await snapshotCaches();
      await page.evaluate(
        async ({ name, damage }) => {
          const cache = await caches.open(name as string);
          const stored = await cache.match('/__python-snapshot');
          const bytes = new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0));
          const length = String(bytes.length);
          // Garbage with its length right reaches Pyodide; a snapshot cut short is caught before.
          const damaged = damage === 'garbage' ? bytes.fill(7, 0, 4096) : bytes.slice(0, bytes.length / 2);
          await cache.put('/__python-snapshot', new Response(damaged, { headers: { 'X-Snapshot-Bytes': length } }));
        },
        { name, damage },
      );
      await visit();
      expect(await run('print(6 * 7)'), damage).toEqual({ output: '42\n', snapshot: 'cold' });
      await snapshotSaved();
      await visit();
      expect((await run('print(6 * 7)')).snapshot, damage).toBe('restored');
    }
  });

  it('deletes snapshots of other versions', async () => {
    await page.evaluate(async () => {
      const stale = await caches.open('python-snapshot:0.0.1-stale');
      await stale.put('/__python-snapshot', new Response('x'));
    });
    // With no snapshot of its own a start makes one, and keeping it deletes every other one.
    const [name] = await snapshotCaches();
    await page.evaluate(async (current) => caches.delete(current as string), name);
    await visit();
    await run('print(1)');
    await snapshotSaved();
    expect(await snapshotCaches()).toEqual([name]);
  });
});
