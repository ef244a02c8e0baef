// `npm run bench`: builds the app, serves it, loads the lesson in headless
// Chromium several times (fresh cache each time) and prints medians against
// the budgets the issues set.
// Options: --runs N (default 7), --no-build (reuse dist/), --no-python, --no-lighthouse,
// --json FILE.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import { jwtVerify, SignJWT } from 'jose';
import lighthouse, { desktopConfig } from 'lighthouse';
import type { Browser } from 'playwright-core';
import { loadPyodide } from 'pyodide';
import { PYODIDE_FOLDER } from '../src/hosting/headers.ts';
import { signToken, verifyToken } from '../src/jwt/index.ts';
import { registerStandinHashing } from '../src/python/standins/hashing.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../tests/support/browser.ts';
import { waitForApp } from '../tests/support/learnerPage.ts';
import { NGINX_PATH, shippedNginxConfig, startNginx } from '../tests/support/nginx.ts';
import { waitForOfflineReady } from '../tests/support/offline.ts';
import { startPreview } from '../tests/support/server.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const RUNS = Number(option('--runs') ?? 7);
const LESSON_PATH = '/lessons/jwt-auth';

interface Metric {
  name: string;
  unit: 'KB' | 'ms' | 'MB' | 'count' | 'ops/s' | '×' | 'score';
  /** Upper bound from an issue, if any. */
  budget?: number;
  /** Lower bound from an issue, if any (throughput, ratios). */
  floor?: number;
  samples: number[];
}

const metrics = new Map<string, Metric>();
function record(name: string, unit: Metric['unit'], value: number, budget?: number, floor?: number) {
  const metric = metrics.get(name) ?? { name, unit, budget, floor, samples: [] };
  metric.samples.push(value);
  metrics.set(name, metric);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Bytes, requests and heap: deterministic, so one instrumented load gives them.
 * (Reading bodies and enabling CDP domains slows a page, so timings come from
 * separate, uninstrumented loads.)
 */
async function measureWeight(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bodies: Promise<{ url: string; type: string; raw: number; gzip: number }>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (!['document', 'script', 'stylesheet'].includes(type)) return;
    bodies.push(
      response
        .body()
        .then((body) => ({ url: response.url(), type, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }))
        // A response still arriving when the page closes came after interactive: not counted.
        .catch(() => ({ url: '', type, raw: 0, gzip: 0 })),
    );
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  // Interactive: the shell answers (embeds wake later, one by one, each fetching its own code).
  await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
  const before = new Set(
    await page.evaluate(() => {
      const mark = performance.getEntriesByName('app-interactive')[0]?.startTime ?? 0;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return [location.href, ...resources.filter((entry) => entry.responseEnd <= mark).map((entry) => entry.name)];
    }),
  );
  const { metrics: cdpMetrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const loaded = (await Promise.all(bodies)).filter((item) => before.has(item.url));
  await context.close();

  const sum = (type: string, field: 'raw' | 'gzip') =>
    loaded.filter((item) => item.type === type).reduce((total, item) => total + item[field], 0) / 1024;
  record('JS before interactive (gzip)', 'KB', sum('script', 'gzip'), 120);
  record('JS before interactive (raw)', 'KB', sum('script', 'raw'));
  record('HTML document, CSS inlined (gzip)', 'KB', sum('document', 'gzip'));
  record('CSS files before interactive (gzip)', 'KB', sum('stylesheet', 'gzip'));
  record('Requests before interactive', 'count', loaded.length);
  record('JS heap used', 'MB', (cdpMetrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
}

async function measureTimings(browser: Browser, url: string, prefix = '') {
  // Let the previous run's renderer shut down first: on two cores it competes with this one.
  await new Promise((resolve) => setTimeout(resolve, 750));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Element Timing entries are buffered, but only an observer can read them.
  await page.addInitScript(() => {
    const win = window as unknown as { __titlePaint?: number };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number })[]) {
        if (entry.identifier === 'lesson-title') win.__titlePaint = entry.renderTime || entry.startTime;
      }
    }).observe({ type: 'element', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  if (!prefix) await waitForApp(page);
  await page.waitForFunction(() => (window as unknown as { __titlePaint?: number }).__titlePaint !== undefined);
  const timings = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      titlePaint: (window as unknown as { __titlePaint: number }).__titlePaint,
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      load: navigation.loadEventEnd,
      interactive: performance.getEntriesByName('app-interactive')[0]?.startTime ?? Number.NaN,
    };
  });
  await context.close();
  if (prefix) {
    record(`${prefix}: heading painted`, 'ms', timings.titlePaint);
    return timings.titlePaint;
  }
  record('First heading painted', 'ms', timings.titlePaint);
  record('First contentful paint', 'ms', timings.firstContentfulPaint);
  record('DOMContentLoaded', 'ms', timings.domContentLoaded);
  record('Load event', 'ms', timings.load);
  record('Interactive (shell hydrated)', 'ms', timings.interactive);
  return timings.titlePaint;
}

/**
 * Lighthouse (pinned dev dependency) on the built site, with Debian's Chromium: mobile (its
 * default: a slow phone, 4× CPU slowdown, throttled network) and desktop, `runs` times each.
 *
 * Lighthouse's mobile figures scale with the machine: it simulates the phone by multiplying
 * the durations it observed here by four, and on a busy two-core machine even a page of one
 * heading shows blocking time. So each mobile run of the lesson is paired with two loads in
 * the same run: the lesson's own HTML and CSS with its scripts taken out (the floor any
 * script work adds to) and the baseline page of one `<h1>`.
 */
async function measureLighthouse(origin: string, runs: number) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const run = async (path: string, form: 'mobile' | 'desktop') => {
    const result = await lighthouse(
      origin + path,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      form === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('bench: Lighthouse returned nothing');
    const { categories, audits } = result.lhr;
    return {
      score: (id: string) => Math.round((categories[id]?.score ?? 0) * 100),
      ms: (id: string) => audits[id]?.numericValue ?? Number.NaN,
    };
  };
  try {
    for (const form of ['mobile', 'desktop'] as const) {
      for (let index = 0; index < runs; index++) {
        const { score, ms } = await run(LESSON_PATH, form);
        record(
          `Lighthouse ${form}: performance`,
          'score',
          score('performance'),
          undefined,
          form === 'mobile' ? 95 : 100,
        );
        for (const [id, name] of [
          ['accessibility', 'accessibility'],
          ['best-practices', 'best practices'],
          ['seo', 'SEO'],
        ] as const) {
          record(`Lighthouse ${form}: ${name}`, 'score', score(id), undefined, 100);
        }
        record(
          `Lighthouse ${form}: total blocking time`,
          'ms',
          ms('total-blocking-time'),
          form === 'mobile' ? 200 : undefined,
        );
        record(`Lighthouse ${form}: first contentful paint`, 'ms', ms('first-contentful-paint'));
        record(`Lighthouse ${form}: largest contentful paint`, 'ms', ms('largest-contentful-paint'));
        if (form !== 'mobile') continue;
        const alone = await run(STATIC_LESSON_PATH, form);
        const baseline = await run(BASELINE_PATH, form);
        record(
          'Lighthouse mobile, lesson HTML + CSS without scripts: performance',
          'score',
          alone.score('performance'),
        );
        record('Lighthouse mobile, lesson HTML + CSS without scripts: TBT', 'ms', alone.ms('total-blocking-time'));
        record('Lighthouse mobile, baseline page (one <h1>): TBT', 'ms', baseline.ms('total-blocking-time'));
        record(
          'Lighthouse mobile: TBT the scripts add (lesson − its HTML alone, same run)',
          'ms',
          ms('total-blocking-time') - alone.ms('total-blocking-time'),
        );
      }
    }
  } finally {
    await chrome.kill();
  }
}

/** Operations per second of `operation`, run for `milliseconds` (after a short warm-up). */
async function opsPerSecond(operation: () => Promise<unknown>, milliseconds = 700): Promise<number> {
  for (let index = 0; index < 200; index++) await operation();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < milliseconds) {
    for (let index = 0; index < 50; index++) await operation();
    count += 50;
  }
  return (count * 1000) / (performance.now() - start);
}

/** HS256 sign and verify, this engine against jose, interleaved in one Node process. */
async function measureJwtThroughput() {
  const secret = 'a-benchmark-secret-of-32-bytes!!';
  const keyBytes = new TextEncoder().encode(secret);
  const payload = { sub: 'alice', role: 'reader', iat: 1_700_000_000, exp: 4_102_444_800 };
  const ours = await signToken(payload, secret);
  const theirs = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(keyBytes);
  for (let round = 0; round < RUNS; round++) {
    const oursSign = await opsPerSecond(() => signToken(payload, secret));
    const joseSign = await opsPerSecond(() =>
      new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(keyBytes),
    );
    const oursVerify = await opsPerSecond(() => verifyToken(ours, secret));
    const joseVerify = await opsPerSecond(() => jwtVerify(theirs, keyBytes, { algorithms: ['HS256'] }));
    record('HS256 sign, this engine', 'ops/s', oursSign);
    record('HS256 sign, jose', 'ops/s', joseSign);
    record('HS256 sign, ratio engine / jose', '×', oursSign / joseSign, undefined, 1);
    record('HS256 verify, this engine', 'ops/s', oursVerify);
    record('HS256 verify, jose', 'ops/s', joseVerify);
    record('HS256 verify, ratio engine / jose', '×', oursVerify / joseVerify, undefined, 1);
  }
}

/** werkzeug.security's generate_password_hash on the stand-ins, in Pyodide under Node. */
async function measurePasswordHashing() {
  const pyodide = await loadPyodide();
  registerStandinHashing(pyodide);
  const site = pyodide.runPython('import site; site.getsitepackages()[0]') as string;
  pyodide.FS.mkdirTree(`${site}/werkzeug`);
  for (const file of ['__init__.py', 'security.py']) {
    pyodide.FS.writeFile(`${site}/werkzeug/${file}`, readFileSync(`src/python/standins/werkzeug/${file}`, 'utf8'));
  }
  const time = pyodide.runPython(
    'import time\nfrom werkzeug.security import generate_password_hash\n' +
      'def _time(method):\n    start = time.perf_counter()\n    generate_password_hash("correct horse", method)\n' +
      '    return (time.perf_counter() - start) * 1000\n_time',
  ) as (method: string) => number;
  for (let run = 0; run < RUNS; run++) {
    record('Password hash, scrypt default (32768:8:1), in Pyodide', 'ms', time('scrypt'));
    if (run < 3) record('Password hash, pbkdf2:sha256 default (1,000,000), in Pyodide', 'ms', time('pbkdf2'));
  }
}

/** Keystrokes into the inspector's token field, each timed until its verdict is rendered. */
async function measureInspectorKeystrokes(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}#try-inspector`, { waitUntil: 'load' });
  await waitForApp(page);
  const field = page.locator('#inspector').getByLabel('Encoded token');
  await field.click();
  await page.keyboard.press('End');
  for (const character of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ') {
    await page.keyboard.type(character);
    await page.waitForFunction(() => performance.getEntriesByName('inspector-input').length === 0);
  }
  const durations = await page.evaluate(() =>
    performance.getEntriesByName('inspector-update').map((entry) => entry.duration),
  );
  await context.close();
  for (const duration of durations.slice(6)) record('Inspector: keystroke → verdict shown', 'ms', duration, 16);
}

/** Click Run on example A and wait for its first output and its end; returns both times (ms). */
async function runExampleA(
  page: import('playwright-core').Page,
): Promise<{ firstOutput: number; run: number; memory: number }> {
  await page.evaluate(() => performance.clearMeasures());
  const figure = page.locator('#build-and-verify');
  await figure.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('example-run:build-and-verify').length > 0, undefined, {
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const first = performance.getEntriesByName('example-first-output:build-and-verify')[0];
    const run = performance.getEntriesByName('example-run:build-and-verify')[0] as PerformanceMeasure;
    return { firstOutput: first?.duration ?? Number.NaN, run: run.duration, memory: Number(run.detail ?? 0) };
  });
}

/**
 * Offline after one visit: the lesson is opened once (the service worker installs and
 * precaches), the network is cut, the page reloaded. Records whether the lesson came back
 * (its heading shown, the shell and every embed live) and how long that took.
 */
async function measureOfflineReload(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await waitForApp(page);
    await waitForOfflineReady(page);
    await context.setOffline(true);
    const started = Date.now();
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    const shown = await page.locator('#lesson-title').isVisible();
    record('Offline reload: lesson back, every embed live', 'count', shown ? 1 : 0, undefined, 1);
    record('Offline reload → every embed live', 'ms', Date.now() - started);
  } catch (error) {
    console.warn('bench: the offline reload failed:', error);
    record('Offline reload: lesson back, every embed live', 'count', 0, undefined, 1);
  } finally {
    await context.close();
  }
}

/** Python: cold start, warm runs, second visit, and a bare loadPyodide for comparison. */
async function measurePython(browser: Browser, baseUrl: string) {
  // Cold: a new browser context (empty HTTP cache); the click starts Python.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${LESSON_PATH}`, { waitUntil: 'load' });
  await waitForApp(page);
  const cold = await runExampleA(page);
  record('Python: cold start, Run → first output of example A', 'ms', cold.firstOutput);
  record('Python: interpreter memory (wasm heap)', 'MB', cold.memory / 2 ** 20);
  for (let run = 0; run < 5; run++) record('Python: warm run of example A', 'ms', (await runExampleA(page)).run, 50);
  // Second visit: same context (HTTP cache and Cache Storage warm), page reloaded, once the
  // first visit has kept its memory snapshot (the second visit starts from it).
  await page.waitForFunction(() => performance.getEntriesByName('python-snapshot-saved').length > 0, undefined, {
    timeout: 120_000,
  });
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  const secondVisit = (await runExampleA(page)).firstOutput;
  record('Python: second visit, Run → first output', 'ms', secondVisit, 1500);
  // The page may start Python before the click (it preloads at idle): the worker's own start
  // from the snapshot, whatever of it the learner did not wait for.
  const secondStart = await page.evaluate(() => {
    const ready = performance.getEntriesByName('python-ready')[0] as PerformanceMark | undefined;
    return ready?.detail?.snapshot === 'restored' ? Number(ready.detail.startMs) : Number.NaN;
  });
  record('Python: second visit, worker start from the snapshot', 'ms', secondStart);
  await context.close();

  // The floor: loadPyodide of the same files in a plain module worker, nothing else.
  const bare = await browser.newContext();
  const barePage = await bare.newPage();
  await barePage.goto(`${baseUrl}/404`, { waitUntil: 'load' });
  const bareMs = await barePage.evaluate(async () => {
    // A file of our origin, not a blob: the Content-Security-Policy allows workers from 'self' only.
    const started = performance.now();
    const worker = new Worker('/__bench-bare-worker.js', { type: 'module' });
    await new Promise((resolve) => {
      worker.onmessage = resolve;
    });
    worker.terminate();
    return performance.now() - started;
  });
  await bare.close();
  record('Python: bare loadPyodide of the same files (worker)', 'ms', bareMs);
  record('Python: cold start / bare load', '×', cold.firstOutput / bareMs, 1.15);
  record('Python: second visit / bare cold load', '×', secondVisit / bareMs, 0.25);
}

/**
 * The verifier exercise: Monaco's lazy download (bytes and time from the exercise coming
 * into view to the editor being ready) and Check → results with Python warm.
 */
async function measureExercise(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${LESSON_PATH}`, { waitUntil: 'load' });
  await waitForApp(page);
  const bodies: Promise<number>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    const type = response.request().resourceType();
    // Python (also fetched as the exercise nears) is measured on its own.
    if (url.pathname.startsWith('/pyodide/') || /\/(worker|check)-/.test(url.pathname)) return;
    if (!['script', 'stylesheet', 'font'].includes(type)) return;
    bodies.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
  });
  const exercise = page.locator('#verify-token');
  await page.evaluate(() => {
    performance.mark('bench-exercise-scroll');
    document.querySelector('#verify-token')?.scrollIntoView();
  });
  await exercise.locator('[data-editor-ready="monaco"]').waitFor({ timeout: 60_000 });
  const loadMs = await page.evaluate(() => {
    const ready = performance.getEntriesByName('editor-ready:verify-token')[0];
    const scrolled = performance.getEntriesByName('bench-exercise-scroll')[0];
    return (ready?.startTime ?? Number.NaN) - (scrolled?.startTime ?? 0);
  });
  record(
    'Exercise: Monaco lazy download (gzip, JS + CSS + fonts)',
    'KB',
    (await Promise.all(bodies)).reduce((a, b) => a + b, 0) / 1024,
  );
  record('Exercise: in view → Monaco ready', 'ms', loadMs);

  await exercise.getByRole('switch', { name: 'Edit freely' }).focus();
  await page.keyboard.press('Tab');
  for (const value of [
    'token.split(".")',
    '(header_b64 + "." + payload_b64).encode("ascii")',
    'hashlib.sha256',
    'hmac.compare_digest',
  ]) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  const check = async () => {
    await page.evaluate(() => performance.clearMeasures('exercise-check:verify-token'));
    await exercise.getByRole('button', { name: 'Check' }).click();
    await page.waitForFunction(
      () => performance.getEntriesByName('exercise-check:verify-token').length > 0,
      undefined,
      {
        timeout: 120_000,
      },
    );
    return page.evaluate(() => performance.getEntriesByName('exercise-check:verify-token')[0]?.duration ?? Number.NaN);
  };
  record('Exercise: first Check (Python cold), click → results', 'ms', await check());
  for (let run = 0; run < 5; run++)
    record(
      'Exercise: Check with Python warm, click → results (49 calls: 17 named + 32 generated tokens)',
      'ms',
      await check(),
      300,
    );
  const passed = await exercise.locator('.exercise-status').textContent();
  if (!passed?.startsWith('Passed')) throw new Error(`bench: the exercise did not pass: ${passed}`);
  await context.close();
}

function printTable() {
  const rows = [...metrics.values()].map((metric) => {
    const value = median(metric.samples);
    const digits = ['count', 'ops/s', 'score'].includes(metric.unit) ? 0 : metric.unit === '×' ? 2 : 1;
    const fmt = (n: number) => n.toFixed(digits);
    let status = '';
    if (metric.budget !== undefined) status = value <= metric.budget ? 'ok' : 'OVER BUDGET';
    if (metric.floor !== undefined) status = value >= metric.floor ? 'ok' : 'BELOW TARGET';
    const target =
      metric.budget !== undefined
        ? `≤ ${metric.budget} ${metric.unit}`
        : metric.floor !== undefined
          ? `≥ ${metric.floor} ${metric.unit}`
          : '';
    return [
      metric.name,
      `${fmt(value)} ${metric.unit}`,
      `${fmt(Math.min(...metric.samples))}–${fmt(Math.max(...metric.samples))}`,
      target,
      status,
    ];
  });
  const header = ['metric', 'median', 'range', 'budget', 'status'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}

if (!args.includes('--no-build')) execFileSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
// The floor this machine and browser impose on any page: one heading, nothing else.
const BASELINE_PATH = '/__bench-baseline.html';
const BASELINE = `dist${BASELINE_PATH}`;
writeFileSync(BASELINE, '<!doctype html><title>baseline</title><h1 elementtiming="lesson-title">Baseline</h1>');
// The lesson as a reader without JavaScript gets it: the same HTML and inlined CSS, no module
// script (its theme script stays: the CSP allows it by hash). Compressed as the build does.
const STATIC_LESSON_PATH = '/__bench-static.html';
const STATIC_LESSON = `dist${STATIC_LESSON_PATH}`;
const staticLesson = readFileSync(`dist${LESSON_PATH}.html`, 'utf8').replace(
  /<script type="module" data-boot[^>]*>[\s\S]*?<\/script>/,
  '',
);
writeFileSync(STATIC_LESSON, staticLesson);
writeFileSync(`${STATIC_LESSON}.br`, brotliCompressSync(staticLesson));
writeFileSync(`${STATIC_LESSON}.gz`, gzipSync(staticLesson));
const BARE_WORKER = 'dist/__bench-bare-worker.js';
writeFileSync(
  BARE_WORKER,
  `import { loadPyodide } from '${PYODIDE_FOLDER}pyodide.mjs';
const py = await loadPyodide({ indexURL: new URL('${PYODIDE_FOLDER}', location.href).href });
py.runPython('print(1)');
postMessage('done');`,
);
const server = await startPreview();
const browser = await launchChromium();
try {
  console.log(`\nLoading ${LESSON_PATH} ${RUNS} times in headless Chromium (fresh cache each time)…`);
  const url = server.url + LESSON_PATH;
  await measureTimings(browser, url); // warm-up: lets the server and disk cache settle
  metrics.clear();
  for (let run = 0; run < RUNS; run++) await measureWeight(browser, url);
  await measureInspectorKeystrokes(browser, url);
  for (let run = 0; run < RUNS; run++) {
    const lesson = await measureTimings(browser, url);
    const baseline = await measureTimings(
      browser,
      `${server.url}${BASELINE_PATH}`,
      'Baseline page (one <h1>, no CSS/JS)',
    );
    // The machine's speed cancels out: each lesson load against the baseline loaded just after it.
    record('First heading painted / baseline page, same run', '×', lesson / baseline, 2);
  }
  console.log('Reloading the lesson offline after one visit…');
  for (let run = 0; run < Math.min(RUNS, 3); run++) await measureOfflineReload(browser, url);
  if (!args.includes('--no-lighthouse')) {
    // As a host serves it: the shipped nginx config (precompressed files, caching), where nginx is here.
    const nginx = existsSync(NGINX_PATH) ? await startNginx(path.resolve('dist'), shippedNginxConfig()) : undefined;
    console.log(`Running Lighthouse, mobile and desktop (3 runs each), served by ${nginx ? 'nginx' : 'vite preview'}…`);
    try {
      await measureLighthouse(nginx?.url ?? server.url, 3);
    } finally {
      await nginx?.close();
    }
  }
  if (!args.includes('--no-python')) {
    console.log('Measuring Python start and runs…');
    for (let run = 0; run < Math.min(RUNS, 3); run++) await measurePython(browser, server.url);
    console.log('Measuring the exercise: Monaco download and Check…');
    for (let run = 0; run < Math.min(RUNS, 3); run++) await measureExercise(browser, server.url);
  }
  console.log('Measuring HS256 throughput against jose (Node, Web Crypto)…');
  await measureJwtThroughput();
  console.log('Measuring password hashing in Pyodide (Node)…');
  await measurePasswordHashing();
  printTable();
  const jsonFile = option('--json');
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify([...metrics.values()], null, 2));
} finally {
  await browser.close();
  await server.close();
  rmSync(BASELINE, { force: true });
  for (const suffix of ['', '.br', '.gz']) rmSync(STATIC_LESSON + suffix, { force: true });
  rmSync(BARE_WORKER, { force: true });
}
