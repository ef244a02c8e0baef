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

const lastExchange = (simulator: Locator) => simulator.locator('.exchange').last();
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
    await expect.poll(() => simulator.locator('.exchange').count()).toBe(3);
  });

  it('works as an HTTP client: attach the token, edit path, method, headers and body', async () => {
    const page = await open('try-flow');
    const simulator = page.locator('#flow-simulator');
    await simulator.getByRole('button', { name: 'Send' }).click(); // the prefilled login
    await expectLast(simulator, '200 OK');
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

  it('opens an issued token in the token inspector', async () => {
    const page = await open('try-flow');
    const simulator = page.locator('#flow-simulator');
    await simulator.getByRole('button', { name: '1. Log in as alice' }).click();
    await expectLast(simulator, '200 OK');
    await lastExchange(simulator).getByRole('button', { name: 'Open in the token inspector' }).click();
    const inspector = page.locator('#inspector');
    await expect
      .poll(() => inspector.getByLabel('Decoded payload (JSON, editable)').inputValue())
      .toContain('"type": "access"');
    await expect.poll(() => inspector.getByRole('status').textContent()).toContain('signature does not match');
  });
});

describe('the request simulator: every troubleshooting case in one click', () => {
  const cases: [string, string, string][] = [
    ['No Authorization header', '401 UNAUTHORIZED', '{"msg":"Missing Authorization Header"}'],
    ['Wrong header type', '401 UNAUTHORIZED', `{"msg":"Missing 'Bearer' type in 'Authorization' header.`],
    ['Tampered token', '422 UNPROCESSABLE ENTITY', '{"msg":"Signature verification failed"}'],
    ['Secret rotated on the server', '422 UNPROCESSABLE ENTITY', '{"msg":"Signature verification failed"}'],
    ['Expired token (server clock +16 min)', '401 UNAUTHORIZED', '{"msg":"Token has expired"}'],
  ];

  it('reproduces each case with its status, message and explanation', async () => {
    const page = await open('troubleshooting');
    const simulator = page.locator('#troubleshooting-simulator');
    for (const [label, status, body] of cases) {
      await simulator.getByRole('button', { name: 'Reset everything' }).click();
      await simulator.getByRole('button', { name: label }).click();
      await expectLast(simulator, status, body);
      expect(await lastExchange(simulator).locator('.exchange-note').textContent()).toMatch(/^\d{3}: /);
    }
    expect(await simulator.locator('.server-state').textContent()).toContain('16 min ahead');
  });

  it('shows the password inside a leaky token, in the inspector too', async () => {
    const page = await open('troubleshooting');
    const simulator = page.locator('#troubleshooting-simulator');
    await simulator.getByRole('button', { name: 'Password in the payload' }).click();
    await expectLast(simulator, '200 OK');
    expect(await lastExchange(simulator).locator('.exchange-token').textContent()).toContain('"password":"wonderland"');
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
    await expect.poll(() => simulator.locator('.exchange').count()).toBeGreaterThanOrEqual(4);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
