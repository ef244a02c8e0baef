import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations, waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

const baseUrl = inject('baseUrl');
const session = learnerSession(baseUrl);

async function open(hash: string, options: Parameters<typeof session.open>[0] = {}): Promise<Page> {
  const { page } = await session.open(options);
  await page.goto(`${baseUrl}/lessons/jwt-auth#${hash}`);
  await waitForApp(page);
  return page;
}

/** The newest exchange: the last step of the latest run, right under the buttons. */
const lastExchange = (simulator: Locator) => simulator.locator('.latest-reply .exchange').last();
async function expectLast(simulator: Locator, status: string, body?: string) {
  await expect.poll(() => lastExchange(simulator).locator('.response-status').textContent()).toBe(status);
  if (body)
    expect(await lastExchange(simulator).locator('.arrow-response .arrow-detail').textContent()).toContain(body);
}

describe('the request simulator: the flow', () => {
  it('logs in, calls the protected route with the Bearer token, and fails without it', async () => {
    const page = await open('try-flow');
    const simulator = page.locator('#flow-simulator');
    await simulator.getByRole('button', { name: '1. Log in as alice' }).click();
    await expectLast(simulator, '200 OK', '"access_token":"eyJ');
    await simulator.getByRole('button', { name: '2. Call /protected with the token' }).click();
    await expectLast(simulator, '200 OK', '{"message":"Hello, alice!","user":"alice"}');
    expect(await lastExchange(simulator).locator('.arrow-request').textContent()).toContain(
      'Authorization: Bearer eyJ',
    );
    await simulator.getByRole('button', { name: 'No Authorization header' }).click();
    await expectLast(simulator, '401 UNAUTHORIZED', '{"msg":"Missing Authorization Header"}');
    expect(await lastExchange(simulator).locator('.arrow-request').textContent()).toContain('no Authorization header');
    await expect.poll(() => simulator.locator('.earlier-list > li').count()).toBe(2);
  });

  it('works as an HTTP client: attach the token, edit path, method, headers and body', async () => {
    const page = await open('try-flow');
    const simulator = page.locator('#flow-simulator');
    await simulator.getByRole('button', { name: 'Send' }).click(); // the prefilled login
    await expectLast(simulator, '200 OK');
    expect(await lastExchange(simulator).locator('.arrow-request').textContent()).toContain(
      'no token needed: credentials in the JSON body',
    );
    expect(await simulator.locator('.send-result').textContent()).toMatch(/^200 OK 200: the username and password/);
    await simulator.getByRole('button', { name: 'Attach the token as Bearer' }).click();
    expect(await simulator.getByLabel('Headers (one "Name: value" per line)').inputValue()).toMatch(
      /^Authorization: Bearer eyJ/m,
    );
    await simulator.getByLabel('Path').fill('/me');
    await simulator.getByRole('button', { name: 'Send' }).click();
    await expectLast(simulator, '200 OK', '{"role":"reader","username":"alice"}');

    await simulator.getByLabel('Method').selectOption('POST');
    await simulator.getByLabel('Path').fill('/login');
    await simulator
      .getByLabel('Headers (one "Name: value" per line)')
      .fill('Content-Type: application/json\nthis line has no colon');
    await simulator.getByLabel('Body').fill('{"username": "alice", ');
    await expect.poll(() => simulator.locator('.field-problem').textContent()).toContain('line 2');
    await simulator.getByRole('button', { name: 'Send' }).click();
    await expectLast(simulator, '400 BAD REQUEST', 'text/html page');

    await simulator.getByLabel('Method').selectOption('DELETE');
    await simulator.getByRole('button', { name: 'Send' }).click();
    await expectLast(simulator, '405 METHOD NOT ALLOWED');
    await lastExchange(simulator).getByText('Raw request and response').click();
    expect(await lastExchange(simulator).locator('pre').last().textContent()).toMatch(
      /^HTTP\/1\.1 405 METHOD NOT ALLOWED\n[\s\S]*\nAllow: [A-Z, ]*POST/,
    );

    await simulator.getByLabel('Method').selectOption('GET');
    await simulator.getByLabel('Path').fill('/nowhere?x=%ZZ');
    await simulator.getByRole('button', { name: 'Send' }).click();
    await expectLast(simulator, '404 NOT FOUND');
  });

  for (const [width, colorScheme] of [
    [1280, 'light'],
    [360, 'dark'],
  ] as const) {
    it(`opens an issued token in the inspector with the server's secret, and goes back (${width} px, ${colorScheme})`, async () => {
      const page = await open('try-flow', { viewport: { width, height: 900 }, colorScheme });
      const simulator = page.locator('#flow-simulator');
      await simulator.getByRole('button', { name: '1. Log in as alice' }).click();
      await expectLast(simulator, '200 OK');
      const serverSecret = await simulator.locator('.server-secret').textContent();
      expect(serverSecret).toBe('dev-only-secret-change-me-in-production');
      const openButton = lastExchange(simulator).getByRole('button', { name: 'Open in the token inspector' });
      await openButton.scrollIntoViewIfNeeded();
      const topBefore = (await openButton.boundingBox())?.y;
      await openButton.click();
      const inspector = page.locator('#inspector');
      await expect
        .poll(() => inspector.getByLabel('Decoded payload (JSON, editable)').inputValue())
        .toContain('"type": "access"');
      expect(await inspector.getByLabel('Secret key').inputValue()).toBe(serverSecret);
      expect(await inspector.locator('.secret-owner').textContent()).toContain("the demo server's secret key");
      await expect.poll(() => inspector.getByRole('status').textContent()).toMatch(/^✓ Valid: signature matches/);
      await inspector.getByRole('button', { name: '← Back to the simulator' }).click();
      // The button is back where it was on the screen (the page may have grown above it meanwhile).
      await expect
        .poll(async () => Math.abs(((await openButton.boundingBox())?.y ?? -100) - (topBefore ?? 0)))
        .toBeLessThanOrEqual(2);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('Open in the token inspector');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }
});

describe('the request simulator: every troubleshooting case in one click', () => {
  const cases: [string, string, string][] = [
    ['No Authorization header', '401 UNAUTHORIZED', '{"msg":"Missing Authorization Header"}'],
    ['Wrong header type', '401 UNAUTHORIZED', `{"msg":"Missing 'Bearer' type in 'Authorization' header.`],
    ['Tampered token', '422 UNPROCESSABLE ENTITY', '{"msg":"Signature verification failed"}'],
    ['Secret rotated on the server', '422 UNPROCESSABLE ENTITY', '{"msg":"Signature verification failed"}'],
    ['Expired token (server clock +16 min)', '401 UNAUTHORIZED', '{"msg":"Token has expired"}'],
  ];

  const noteFor: Record<string, RegExp> = {
    '401 UNAUTHORIZED {"msg":"Missing Authorization Header"}': /^401: the request carried no Authorization header/,
    '401 UNAUTHORIZED {"msg":"Token has expired"}': /^401: the token's exp claim has passed/,
    '422 UNPROCESSABLE ENTITY {"msg":"Signature verification failed"}': /^422: the server recomputed the HMAC/,
  };
  /** The newest note must agree with the newest reply, whatever came before. */
  async function expectNoteAgrees(simulator: Locator) {
    const status = (await lastExchange(simulator).locator('.response-status').textContent()) ?? '';
    const body = (await lastExchange(simulator).locator('.arrow-response .arrow-detail').textContent()) ?? '';
    const note = (await lastExchange(simulator).locator('.exchange-note').textContent()) ?? '';
    expect(note.startsWith(`${status.slice(0, 3)}: `), `${status}: ${note}`).toBe(true);
    const expected = noteFor[`${status} ${body}`];
    if (expected) expect(note).toMatch(expected);
  }

  for (const [width, colorScheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [360, 'light'],
    [360, 'dark'],
  ] as const) {
    it(`reproduces every case in a row, in place, each note agreeing with its reply (${width} px, ${colorScheme})`, async () => {
      const page = await open('troubleshooting', { viewport: { width, height: 900 }, colorScheme });
      const simulator = page.locator('#troubleshooting-simulator');
      for (const [label, status, body] of cases) {
        const button = simulator.getByRole('button', { name: label });
        await button.scrollIntoViewIfNeeded();
        const runsBefore = await simulator.locator('.earlier-list > li').count();
        await button.click();
        await expect.poll(() => simulator.locator('.latest-title').textContent()).toBe(`Latest: ${label}`);
        await expectLast(simulator, status, body);
        await expectNoteAgrees(simulator);
        // The reply's status is on screen, right under the buttons, and focus stayed on the button.
        // The page may scroll smoothly to show it: on a busy machine that takes more than a second.
        await expect
          .poll(
            async () => {
              const box = await lastExchange(simulator).locator('.response-status').boundingBox();
              return box !== null && box.y >= 0 && box.y + box.height <= 900;
            },
            { timeout: 15_000 },
          )
          .toBe(true);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(label);
        await expect
          .poll(() => simulator.locator('[aria-live="polite"]').textContent())
          .toContain(`${label}: GET /protected answered ${status}`);
        if (runsBefore > 0)
          await expect.poll(() => simulator.locator('.earlier-list > li').count()).toBe(runsBefore + 1);
      }
      expect(await simulator.locator('.server-state').textContent()).toContain('16 min ahead');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  it('gives each case its own answer in every pair order (rotate the secret, then expire: 401)', async () => {
    const page = await open('troubleshooting');
    const simulator = page.locator('#troubleshooting-simulator');
    for (const [firstLabel] of cases) {
      for (const [label, status, body] of cases) {
        await simulator.getByRole('button', { name: firstLabel }).click();
        await expect.poll(() => simulator.locator('.latest-title').textContent()).toBe(`Latest: ${firstLabel}`);
        await simulator.getByRole('button', { name: label }).click();
        await expect.poll(() => simulator.locator('.latest-title').textContent()).toBe(`Latest: ${label}`);
        await expectLast(simulator, status, body);
        await expectNoteAgrees(simulator);
      }
    }
  });

  it('after "Secret rotated", "Expired token" answers 401 with a note about expiry', async () => {
    const page = await open('troubleshooting');
    const simulator = page.locator('#troubleshooting-simulator');
    await simulator.getByRole('button', { name: 'Secret rotated on the server' }).click();
    await expectLast(simulator, '422 UNPROCESSABLE ENTITY', '{"msg":"Signature verification failed"}');
    expect(await simulator.locator('.server-state').textContent()).toContain('rotated 1×');
    await simulator.getByRole('button', { name: 'Expired token (server clock +16 min)' }).click();
    await expectLast(simulator, '401 UNAUTHORIZED', '{"msg":"Token has expired"}');
    expect(await lastExchange(simulator).locator('.exchange-note').textContent()).toMatch(
      /^401: the token's exp claim has passed: It lived 15 min/,
    );
    expect(await simulator.locator('.latest-reply .run-start').textContent()).toMatch(/^Starts from a fresh server/);
    expect(await simulator.locator('.server-state').textContent()).toContain('(the original one)');
  });

  it('shows the password inside a leaky token, in the inspector too', async () => {
    const page = await open('troubleshooting');
    const simulator = page.locator('#troubleshooting-simulator');
    await simulator.getByRole('button', { name: 'Password in the payload' }).click();
    await expectLast(simulator, '200 OK');
    expect(await lastExchange(simulator).locator('.exchange-token').textContent()).toContain('"password":"wonderland"');
    // No jump: the learner chooses to open it.
    const scrollBefore = await page.evaluate(() => window.scrollY);
    expect(scrollBefore).toBeGreaterThan(0);
    await lastExchange(simulator).getByRole('button', { name: 'Open in the token inspector' }).click();
    await expect
      .poll(() => page.locator('#inspector').getByLabel('Decoded payload (JSON, editable)').inputValue())
      .toContain('"password": "wonderland"');
  });

  it('can be driven by keyboard alone, and stays axe-clean with exchanges shown', async () => {
    const page = await open('troubleshooting', { colorScheme: 'dark' });
    const simulator = page.locator('#troubleshooting-simulator');
    await simulator.getByRole('button', { name: 'No Authorization header' }).focus();
    await page.keyboard.press('Enter');
    await expectLast(simulator, '401 UNAUTHORIZED');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // "Wrong header type"
    await expectLast(simulator, '401 UNAUTHORIZED', 'Bearer');
    await simulator.getByLabel('Path').focus();
    await page.keyboard.press('Enter'); // submits the request form
    await expect.poll(() => simulator.locator('.latest-title').textContent()).toBe('Latest: Your request');
    await expect.poll(() => simulator.locator('.earlier-list > li').count()).toBe(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the request simulator: size limits', () => {
  it('cuts a pasted 10 MB body to 64 KB, and keeps only the newest bodies', async () => {
    const page = await open('try-flow');
    const simulator = page.locator('#flow-simulator');
    const body = simulator.getByLabel('Body');
    await body.fill('x'.repeat(10 * 1024 * 1024));
    await expect.poll(() => body.evaluate((element) => (element as HTMLTextAreaElement).value.length)).toBe(65_536);
    await expect
      .poll(() => simulator.locator('.request-cut-note').textContent())
      .toBe(
        'The body you entered was 10,485,760 characters. The simulator takes at most 64 KB (65,536 characters) of body: it kept the first 65,536 and dropped the rest.',
      );
    // Five 64 KB bodies: the history keeps 256 KB, so the oldest is dropped, and says so.
    for (let sent = 1; sent <= 5; sent++) {
      await simulator.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => simulator.locator('.earlier-list > li').count()).toBe(sent - 1);
    }
    const oldest = simulator.locator('.earlier-list > li').last();
    await expect.poll(() => oldest.textContent()).toContain('[Body not kept: 65,536 characters.');
    expect(await lastExchange(simulator).locator('.raw-exchange').textContent()).not.toContain('Body not kept');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
