import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFile } from '../../src/hosting/configs.ts';
import { IMMUTABLE, PYODIDE_FOLDER, REVALIDATE, SECURITY_HEADERS } from '../../src/hosting/headers.ts';
import { launchChromium } from '../support/browser.ts';
import { recordCspViolations, tourTheLesson } from '../support/cspTour.ts';
import { openLearnerPage, waitForApp } from '../support/learnerPage.ts';
import { BROTLI_MODULE, NGINX_PATH, type Nginx, shippedNginxConfig, startNginx } from '../support/nginx.ts';
import { waitForOfflineReady } from '../support/offline.ts';

/*
 * The built site served by the real nginx (Debian's, as `npm test` installs it) with the
 * shipped hosting/nginx.conf, checked as a browser and a crawler would meet it.
 */
const dist = path.resolve('dist');
const haveNginx = existsSync(NGINX_PATH);
if (!haveNginx) {
  console.warn(
    `\n!!! SKIPPED tests/e2e/nginx.test.ts: nginx is not at ${NGINX_PATH}.\n!!! Install it with: sudo apt-get install -y nginx libnginx-mod-http-brotli-static\n`,
  );
} else if (!existsSync(BROTLI_MODULE)) {
  console.warn(
    `\n!!! ${BROTLI_MODULE} is missing: nginx serves the .gz files only, and the .br check is SKIPPED.\n!!! Install it with: sudo apt-get install -y libnginx-mod-http-brotli-static\n`,
  );
}

let nginx: Nginx;
beforeAll(async () => {
  if (haveNginx) nginx = await startNginx(dist, shippedNginxConfig());
});
afterAll(async () => {
  await nginx?.close();
  // Nothing nginx logged at "warn" or above, e.g. a file it could not read.
  expect(nginx?.log() ?? '').toBe('');
});

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${nginx.url}${pathname}`, { headers, redirect: 'manual' });
const asset = (pattern: RegExp) => {
  const name = readdirSync(path.join(dist, 'assets')).find((file) => pattern.test(file));
  if (!name) throw new Error(`no asset matches ${pattern}`);
  return `/assets/${name}`;
};

function expectHeaders(response: Response, cacheControl: string, label: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers.get(name), `${label}: ${name}`).toBe(value);
  }
  expect(response.headers.get('cache-control'), `${label}: Cache-Control`).toBe(cacheControl);
}

describe.skipIf(!haveNginx)('the built site through nginx with hosting/nginx.conf', () => {
  it('sends every header, with the right type and caching, on pages and files', async () => {
    const cases: [string, string, string][] = [
      ['/', 'text/html; charset=utf-8', REVALIDATE],
      ['/lessons/jwt-auth', 'text/html; charset=utf-8', REVALIDATE],
      [asset(/^index-.*\.js$/), 'application/javascript; charset=utf-8', IMMUTABLE],
      [asset(/^index-.*\.css$/), 'text/css', IMMUTABLE],
      [asset(/^codicon-.*\.ttf$/), 'font/ttf', IMMUTABLE],
      [`${PYODIDE_FOLDER}pyodide.mjs`, 'text/javascript', IMMUTABLE],
      [`${PYODIDE_FOLDER}pyodide.asm.wasm`, 'application/wasm', IMMUTABLE],
      [`${PYODIDE_FOLDER}pyodide-lock.json`, 'application/json', IMMUTABLE],
      ['/robots.txt', 'text/plain; charset=utf-8', REVALIDATE],
      ['/favicon.svg', 'image/svg+xml', REVALIDATE],
      // Never kept without asking: a kept service worker would hide every new version.
      ['/sw.js', 'application/javascript; charset=utf-8', REVALIDATE],
      ['/manifest.webmanifest', 'application/manifest+json', REVALIDATE],
      ['/icons/icon-512.png', 'image/png', REVALIDATE],
    ];
    for (const [pathname, type, cacheControl] of cases) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type'), pathname).toBe(type);
      expectHeaders(response, cacheControl, pathname);
    }
    expect(await (await get('/robots.txt')).text()).toBe(readFileSync(path.join(dist, 'robots.txt'), 'utf8'));
  });

  it('serves a lesson at /lessons/<id>, redirects /lessons/<id>/ there, and the home page at /', async () => {
    const lesson = await get('/lessons/jwt-auth');
    expect(await lesson.text()).toBe(readFileSync(path.join(dist, 'lessons/jwt-auth.html'), 'utf8'));
    const slash = await get('/lessons/jwt-auth/');
    expect(slash.status).toBe(301);
    expect(slash.headers.get('location')).toBe('/lessons/jwt-auth');
    expectHeaders(slash, REVALIDATE, '/lessons/jwt-auth/');
    expect(await (await get('/')).text()).toBe(readFileSync(path.join(dist, 'index.html'), 'utf8'));
  });

  it('answers an unknown page or file with a real 404 and the 404 page, never cached for long', async () => {
    const notFound = readFileSync(path.join(dist, '404.html'), 'utf8');
    for (const missing of [
      '/lessons/no-such-lesson',
      '/lessons/no-such-lesson/',
      '/lessons/',
      '/no/such/page',
      '/assets/missing.js',
      `${PYODIDE_FOLDER}pyodide.mjs.map`,
      '/pyodide/pyodide.mjs',
      '/missing.png',
      '/_headers',
    ]) {
      const response = await get(missing);
      expect(response.status, missing).toBe(404);
      expect(await response.text(), missing).toBe(notFound);
      expectHeaders(response, REVALIDATE, missing);
    }
  });

  it('sends the precompressed .br or .gz file when the client accepts it', async () => {
    const files = [
      '/',
      '/lessons/jwt-auth',
      asset(/^index-.*\.js$/),
      `${PYODIDE_FOLDER}pyodide.asm.wasm`,
      `${PYODIDE_FOLDER}python_stdlib.zip`,
    ];
    const encodings = existsSync(BROTLI_MODULE) ? ['br', 'gzip'] : ['gzip'];
    for (const pathname of files) {
      for (const encoding of encodings) {
        const response = await get(pathname, { 'Accept-Encoding': encoding });
        expect(response.headers.get('content-encoding'), `${pathname} ${encoding}`).toBe(encoding);
        expect(response.headers.get('vary'), `${pathname} ${encoding}`).toContain('Accept-Encoding');
      }
      const plain = await get(pathname, { 'Accept-Encoding': 'identity' });
      expect(plain.headers.get('content-encoding'), pathname).toBeNull();
    }
  });

  it('ships the same _headers in dist/ as in hosting/', () => {
    expect(readFileSync(path.join(dist, '_headers'), 'utf8')).toBe(headersFile());
    expect(readFileSync('hosting/_headers', 'utf8')).toBe(headersFile());
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    it('breaks no Content-Security-Policy rule while a learner runs Python, checks an exercise and answers the quiz, and the service worker registers', async () => {
      const learner = await openLearnerPage(browser, nginx.url);
      const violations = await recordCspViolations(learner.page);
      try {
        await tourTheLesson(learner.page, nginx.url);
        // The service worker (/sw.js, worker-src 'self') serves the page, which keeps nginx's headers.
        await waitForOfflineReady(learner.page);
        const again = await learner.page.reload();
        expect(again?.fromServiceWorker()).toBe(true);
        expect(again?.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
        await waitForApp(learner.page);
        expect(await learner.page.evaluate(() => crossOriginIsolated)).toBe(true);
        expect(violations, 'CSP violations').toEqual([]);
        expect(learner.errors, 'console errors').toEqual([]);
        expect(learner.foreignRequests, 'requests to other origins').toEqual([]);
        // The control: the policy is in force and the recorder hears it.
        await learner.page.evaluate(() => {
          const script = document.createElement('script');
          script.textContent = 'window.injected = true';
          document.head.append(script);
        });
        await expect
          .poll(() => violations.some((text) => text.startsWith('script-src-elem blocked inline')))
          .toBe(true);
        expect(await learner.page.evaluate(() => 'injected' in window)).toBe(false);
      } finally {
        await learner.close();
      }
    });
  });
});
