import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations, waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

const baseUrl = inject('baseUrl');
const session = learnerSession(baseUrl);

async function openInspector(options: Parameters<typeof session.open>[0] = {}): Promise<Page> {
  const { page } = await session.open(options);
  await page.goto(`${baseUrl}/lessons/jwt-auth#try-inspector`);
  await waitForApp(page);
  return page;
}

const inspector = (page: Page) => page.locator('#inspector');
const verdict = (page: Page) => inspector(page).getByRole('status');
const expectVerdict = (page: Page, text: string | RegExp) =>
  expect.poll(() => verdict(page).textContent(), { timeout: 5000 }).toMatch(text);

describe('the token inspector, as a learner uses it', () => {
  it('starts on the lesson token: decoded, and rejected as expired', async () => {
    const page = await openInspector();
    await expectVerdict(page, /Rejected: expired \d+ days ago/);
    const payload = inspector(page).getByLabel('Decoded payload (JSON, editable)');
    expect(await payload.inputValue()).toContain('"sub": "alice"');
    await inspector(page).getByText('How the signature is computed, step by step').click();
    await expect.poll(() => inspector(page).locator('.signature-steps').textContent()).toContain('= same: it matches');
  });

  it('catches every tamper action, each with its own verdict', async () => {
    const page = await openInspector();
    const click = (name: string) => inspector(page).getByRole('button', { name, exact: true }).click();
    await click('Fresh times (exp +15 min) and sign');
    await expectVerdict(page, /Valid: signature matches, expires in 1[45] min/);
    await click('Make me admin (no re-sign)');
    await expectVerdict(page, 'Rejected: signature does not match');
    expect(await inspector(page).getByLabel('Decoded payload (JSON, editable)').inputValue()).toContain(
      '"role": "admin"',
    );
    await click('Sign with this secret');
    await expectVerdict(page, /^✓ Valid/);
    await click('Switch alg to none');
    await expectVerdict(page, 'alg "none" is always refused');
    await click('Fresh times (exp +15 min) and sign');
    await click('Sign with another secret');
    await expectVerdict(page, 'Rejected: signature does not match');
    await click('Reset');
    await click('Fresh times (exp +15 min) and sign');
    await expectVerdict(page, /^✓ Valid/);
    await click('Truncate the signature');
    await expectVerdict(page, /Rejected: signature (is not valid base64url|does not match)/);
  });

  it('gives a precise verdict for anything pasted, and never breaks the page', async () => {
    const page = await openInspector();
    const field = inspector(page).getByLabel('Encoded token');
    const cases: [string, string | RegExp][] = [
      ['', 'empty: paste a token'],
      ['just-one-part', 'malformed: 1 part (a JWT has 3)'],
      ['a.b', 'malformed: 2 parts (a JWT has 3)'],
      ['a.b.c.d.e.f.g.h.i.j', 'malformed: 10 parts (a JWT has 3)'],
      ['eyJhbGciOiJIUzI1NiJ9.e30$.c2ln', 'payload is not valid base64url'],
      ['bm90IGpzb24.e30.c2ln', 'header is not valid JSON'],
      ['WzEsMl0.e30.c2ln', 'header is JSON but not an object'],
      ['eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'alg "RS256" is not allowed (the server accepts HS256)'],
      ['😀.🔑.✍️', 'header is not valid base64url'],
    ];
    for (const [text, expected] of cases) {
      await field.fill(text);
      await expectVerdict(page, expected);
    }
    await field.evaluate((element, text) => {
      const textarea = element as HTMLTextAreaElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(textarea, text);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'x'.repeat(1_000_000));
    await expectVerdict(page, 'malformed: 1 part (a JWT has 3)');
  });

  it('re-signs on edit only when the learner ticks the box', async () => {
    const page = await openInspector();
    await inspector(page).getByRole('button', { name: 'Fresh times (exp +15 min) and sign' }).click();
    await expectVerdict(page, /^✓ Valid/);
    const payload = inspector(page).getByLabel('Decoded payload (JSON, editable)');
    await payload.fill('{"sub": "mallory", "exp": 4102444800}');
    await expectVerdict(page, 'Rejected: signature does not match');
    await inspector(page).getByLabel('Re-sign with this secret when I edit the JSON').check();
    await payload.fill('{"sub": "mallory", "exp": 4102444801}');
    await expectVerdict(page, /^✓ Valid/);
    await payload.fill('{"sub": ');
    await expect.poll(() => inspector(page).locator('.field-problem').textContent()).toMatch(/JSON/);
  });

  it('can be used by keyboard alone', async () => {
    const page = await openInspector();
    await inspector(page).getByLabel('Encoded token').focus();
    // Tab through to the first tamper action and press it with the keyboard.
    for (let step = 0; step < 40; step++) {
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name === 'Fresh times (exp +15 min) and sign') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expectVerdict(page, /^✓ Valid/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // "Sign with this secret"
    await expectVerdict(page, /^✓ Valid/);
    const focusStyle = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(focusStyle).toBe('solid');
  });

  it('has no serious axe violations in either theme, and fits 360 px', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openInspector({ colorScheme, viewport: { width: 360, height: 800 } });
      await expectVerdict(page, /Rejected/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
  });
});
