import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { type LearnerPage, openLearnerPage, seriousAxeViolations, waitForApp } from '../support/learnerPage.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let learner: LearnerPage | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  learner = await openLearnerPage(browser, baseUrl);
  page = learner.page;
  await page.goto(`${baseUrl}/lessons/jwt-auth#example-build-verify`);
  await waitForApp(page);
}, 120_000);
afterAll(async () => {
  const errors = learner?.errors ?? [];
  const foreign = learner?.foreignRequests ?? [];
  await learner?.close();
  await browser?.close();
  expect(errors, 'console errors').toEqual([]);
  expect(foreign, 'requests to other origins').toEqual([]);
});
afterEach(async () => {
  // Leave each example as the lesson wrote it.
  for (const reset of await page.locator('figure.example').getByRole('button', { name: 'Reset', exact: true }).all()) {
    if (await reset.isEnabled()) await reset.click();
  }
});

const example = (id: string) => page.locator(`#${id}`);
const outputOf = (figure: Locator) => figure.locator('pre.output');
const stateOf = (figure: Locator) => figure.locator('.example-output-label');

async function runAndWait(figure: Locator, state: RegExp = /finished|error|stopped|timed out|too much/) {
  // Wait for this run's end (the page measures each run), not the previous run's state still shown.
  const id = await figure.getAttribute('id');
  await page.evaluate((name) => performance.clearMeasures(name), `example-run:${id}`);
  await figure.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, `example-run:${id}`, {
    timeout: 60_000,
  });
  await expect.poll(() => stateOf(figure).textContent(), { timeout: 60_000, interval: 200 }).toMatch(state);
}

async function editTo(figure: Locator, code: string) {
  const edit = figure.getByRole('button', { name: 'Edit' });
  if (await edit.count()) await edit.click();
  await figure.locator('textarea.code-editor').fill(code);
}

describe('runnable examples (Pyodide in a worker)', () => {
  it('is cross-origin isolated, so runaway code can be interrupted', async () => {
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  it('runs every example of the lesson and prints exactly what the lesson says', async () => {
    for (const id of ['build-and-verify', 'flask-login', 'flask-jwt-extended']) {
      const figure = example(id);
      await figure.scrollIntoViewIfNeeded();
      const expected = await outputOf(figure).textContent();
      await runAndWait(figure, /finished/);
      expect(await outputOf(figure).textContent(), id).toBe(expected);
      expect(await stateOf(figure).textContent()).toContain('matches the lesson');
    }
  });

  it('captures stdout and stderr in order, exactly, with print(end="")', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'import sys\nprint("a", end="")\nprint("b")\nsys.stderr.write("err\\n")\nprint("c")');
    await runAndWait(figure, /finished/);
    expect(await outputOf(figure).textContent()).toBe('ab\nerr\nc\n');
    expect(await outputOf(figure).locator('.stderr').textContent()).toBe('err\n');
  });

  it('shows a short traceback pointing at the learner’s own line', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'x = 1\n\ndef f():\n    return 1 / 0\n\nf()\n');
    await runAndWait(figure, /ended with an error/);
    const text = await outputOf(figure).textContent();
    expect(text).toContain('File "main.py", line 6, in <module>');
    expect(text).toContain('File "main.py", line 4, in f');
    expect(text).toContain('ZeroDivisionError: division by zero');
    expect(text).not.toMatch(/pyodide|_pyodide|\/lib\/python/);
  });

  it('reports a syntax error at its line', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'print("ok")\nif True\n    pass\n');
    await runAndWait(figure, /ended with an error/);
    const text = await outputOf(figure).textContent();
    expect(text).toContain('File "main.py", line 2');
    expect(text).toContain('SyntaxError');
  });

  it('says only the standard library and the stand-ins are available', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'import requests');
    await runAndWait(figure, /ended with an error/);
    expect(await outputOf(figure).textContent()).toContain(
      "ModuleNotFoundError: No module named 'requests'\nOnly the Python standard library and the course's stand-ins",
    );
  });

  it('hashes a password as Werkzeug does, and checks a hash the real Werkzeug made', async () => {
    const figure = example('build-and-verify');
    await editTo(
      figure,
      [
        'from werkzeug.security import check_password_hash, generate_password_hash',
        'stored = generate_password_hash("correct horse")',
        'print(stored.split("$")[0], check_password_hash(stored, "correct horse"), check_password_hash(stored, "nope"))',
        '# Made by the real Werkzeug 3.1.9 (scrypt, the default):',
        'real = "scrypt:32768:8:1$ZfQHlr7diQgeabcg$dfda39f392497c7c035507717cd454ee0464d350c8ffb7c3420b4947232b46ea5b93097d272c8960c2124111d38f3a1a7d2542d62fdd7a2a8de68122c5bda6f9"',
        'print(check_password_hash(real, "secret"), check_password_hash(real, "Secret"))',
      ].join('\n'),
    );
    await runAndWait(figure, /finished/);
    expect(await outputOf(figure).textContent()).toBe(`scrypt:32768:8:1 True False\nTrue False\n`);
  });

  it('explains input() and sys.exit()', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'name = input("Name? ")');
    await runAndWait(figure, /ended with an error/);
    expect(await outputOf(figure).textContent()).toContain('input() is not available in the browser examples');
    await editTo(figure, 'import sys\nprint("bye")\nsys.exit(3)\nprint("never")');
    await runAndWait(figure, /ended with an error/);
    expect(await outputOf(figure).textContent()).toBe('bye\n');
  });

  it('stops an infinite loop with Stop, and the next Run works', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'while True:\n    pass\n');
    await figure.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => figure.getByRole('button', { name: 'Stop' }).isEnabled()).toBe(true);
    await figure.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => stateOf(figure).textContent(), { timeout: 20_000 }).toMatch(/stopped/);
    expect(await outputOf(figure).textContent()).toContain('[Stopped. Your code is unchanged.]');
    await editTo(figure, 'print("again")');
    await runAndWait(figure, /finished/);
    expect(await outputOf(figure).textContent()).toBe('again\n');
  });

  it('times out a loop that swallows KeyboardInterrupt by replacing the worker', async () => {
    const figure = example('build-and-verify');
    await editTo(
      figure,
      'while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass\n',
    );
    await runAndWait(figure, /timed out/);
    expect(await outputOf(figure).textContent()).toContain('[Time limit of 5 s reached: the program was stopped.');
    expect(await figure.locator('textarea.code-editor').inputValue()).toContain('except KeyboardInterrupt');
    await editTo(figure, 'print(1 + 1)');
    await runAndWait(figure, /finished/);
    expect(await outputOf(figure).textContent()).toBe('2\n');
  });

  it('ends a Worker and a timer the program started by replacing Python’s worker', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'print("warm")');
    await runAndWait(figure, /finished/);
    const pythonWorker = page.workers().find((worker) => /worker/i.test(worker.url()));
    if (!pythonWorker) throw new Error(`no Python worker among ${page.workers().map((worker) => worker.url())}`);
    const closed = new Promise<void>((resolve) => pythonWorker.once('close', () => resolve()));
    // Two cores' worth of spinning, reached through js.self and js.globalThis as well as js.
    const spin = [
      'import js',
      'from pyodide.ffi import create_proxy, to_js',
      'code = js.URL.createObjectURL(js.Blob.new(to_js(["for (;;) {}"])))',
      'js.Worker.new(code)',
      'js.self.Worker.new(code)',
      'js.globalThis.setInterval(create_proxy(lambda: sum(range(10**6))), 1)',
      'print("started")',
    ].join('\n');
    await editTo(figure, spin);
    await runAndWait(figure, /finished/);
    const text = await outputOf(figure).textContent();
    expect(text).toContain('started\n');
    expect(text).toContain('(Worker, setInterval) that would keep running after it ended');
    await closed; // terminating the worker ends the workers and timers it holds
    await editTo(figure, 'print("fresh")');
    await runAndWait(figure, /finished/);
    expect(await outputOf(figure).textContent()).toBe('fresh\n');
  });

  it('cuts a flood of output with a message, and stays responsive', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'for i in range(10_000_000):\n    print("x" * 100)\n');
    await runAndWait(figure, /too much output/);
    const text = (await outputOf(figure).textContent()) ?? '';
    expect(text.length).toBeLessThanOrEqual(250_000);
    expect(text).toContain('[Output cut after 200 KB: the program printed too much and was stopped.]');
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
  });

  it('survives a program that allocates memory without end', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'chunks = []\nwhile True:\n    chunks.append(bytearray(50_000_000))\n');
    await runAndWait(figure, /ended with an error|timed out|stopped/);
    expect(await outputOf(figure).textContent()).toMatch(/MemoryError|Python stopped|Time limit of 5 s reached/);
    await editTo(figure, 'print("still here")');
    await runAndWait(figure, /finished/);
    expect(await outputOf(figure).textContent()).toBe('still here\n');
  });

  it('keeps an edit across a reload; Reset brings back the original', async () => {
    const figure = example('flask-login');
    await editTo(figure, 'print("my edit")');
    await page.reload();
    await waitForApp(page);
    expect(await example('flask-login').locator('textarea.code-editor').inputValue()).toBe('print("my edit")');
    await example('flask-login').getByRole('button', { name: 'Reset' }).click();
    expect(await example('flask-login').locator('textarea.code-editor').count()).toBe(0);
    expect(await example('flask-login').locator('.code-file-body').textContent()).toContain('from flask import Flask');
  });

  it('runs with Ctrl+Enter from the editor, and is axe-clean', async () => {
    const figure = example('build-and-verify');
    await editTo(figure, 'print("keyboard")');
    await figure.locator('textarea.code-editor').press('Control+Enter');
    // Python runs in a worker: CPU-bound, slow on a busy machine.
    await expect.poll(() => outputOf(figure).textContent(), { timeout: 60_000, interval: 200 }).toBe('keyboard\n');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('Python’s first start, as a learner waiting for it sees it', () => {
  it('says what is downloaded and that it is kept, and names each phase as it happens', async () => {
    // Routes see no request a service worker answers: this test holds Python's download, so it runs without one.
    const fresh = await openLearnerPage(browser, baseUrl, { serviceWorkers: 'block' });
    try {
      // Record every phase the waiting learner is shown, as it is shown (not sampled after the
      // fact). Only the announced status counts: before the click, Python may already preload
      // near the example, with one quiet line.
      await fresh.page.addInitScript(() => {
        const seen: { stage: string; text: string }[] = [];
        (window as unknown as { __pythonPhases: typeof seen }).__pythonPhases = seen;
        new MutationObserver(() => {
          for (const status of document.querySelectorAll<HTMLElement>('#build-and-verify .python-starting')) {
            if (!status.querySelector('.python-loading-note')) continue;
            const entry = { stage: status.dataset.stage ?? '', text: status.textContent ?? '' };
            const last = seen.at(-1);
            // A phase's text grows as it goes (bytes, and the note once the learner waits): keep every version.
            if (!last || last.stage !== entry.stage) seen.push(entry);
            else if (!last.text.includes(entry.text)) last.text += `\n${entry.text}`;
          }
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      // On a busy machine the preload can pass the download before the learner's click lands:
      // hold Python's download until Run is clicked, so the learner waits from its start.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await fresh.context.route(/\/pyodide\.asm\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await fresh.page.goto(`${baseUrl}/lessons/jwt-auth#example-build-verify`);
      await waitForApp(fresh.page);
      const figure = fresh.page.locator('#build-and-verify');
      await figure.getByRole('button', { name: 'Run' }).click();
      await figure.locator('.python-loading-note').waitFor({ timeout: 30_000 });
      release();
      await expect
        .poll(() => figure.locator('.example-output-label').textContent(), { timeout: 90_000, interval: 200 })
        .toMatch(/finished/);
      const phases = await fresh.page.evaluate(
        () => (window as unknown as { __pythonPhases: { stage: string; text: string }[] }).__pythonPhases,
      );
      // The WebAssembly compiles while it downloads: "compiling" shows only if it outlasts the download.
      const stages = phases.map((phase) => phase.stage);
      expect(stages.filter((stage) => stage !== 'compiling')).toEqual(['downloading', 'stdlib', 'standins']);
      expect(stages.indexOf('compiling')).not.toBe(0);
      const text = (stage: string) => phases.find((phase) => phase.stage === stage)?.text;
      expect(text('downloading')).toMatch(/Step 1 of 4: Downloading Python, \d+\.\d of \d+\.\d MB/);
      expect(text('downloading')).toMatch(
        /The first run downloads Python \(\d+\.\d MB\) once; your browser then keeps it, so later visits start faster\./,
      );
      if (stages.includes('compiling'))
        expect(text('compiling')).toContain('Step 2 of 4: Compiling Python (WebAssembly)');
      expect(text('stdlib')).toContain('Step 3 of 4: Unpacking the standard library and starting Python');
      expect(text('standins')).toContain('Step 4 of 4: Installing the course’s modules');
      // The worker measured each phase; Python was downloaded once, not fetched again by Pyodide.
      const ready = await fresh.page.evaluate(
        () => (performance.getEntriesByName('python-ready')[0] as PerformanceMark).detail as { phaseMs: object },
      );
      expect(
        Object.keys(ready.phaseMs)
          .filter((stage) => stage !== 'compiling')
          .sort(),
      ).toEqual(['downloading', 'standins', 'stdlib']);
      const wasmFetches = await fresh.page.evaluate(
        () => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.wasm')).length,
      );
      expect(wasmFetches).toBeLessThanOrEqual(1);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
