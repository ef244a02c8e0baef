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

  it('cuts a pasted 10 MB token to 64 KB, says so, and stays quick to edit', async () => {
    const page = await openInspector();
    const field = inspector(page).getByLabel('Encoded token');
    const token = await field.inputValue();
    await field.fill(`${token}${'A'.repeat(10 * 1024 * 1024)}`);
    await expect.poll(() => field.evaluate((element) => (element as HTMLTextAreaElement).value.length)).toBe(65_536);
    await expect
      .poll(() => inspector(page).locator('.action-note').textContent())
      .toMatch(
        /The inspector takes at most 64 KB \(65,536 characters\): it kept the first 65,536 and inspects nothing past them\./,
      );
    await expectVerdict(page, /Rejected: signature/);
    expect(await inspector(page).locator('.token-highlight').count()).toBe(0);
    // One keystroke at the limit reaches its verdict quickly (it took 7 s before the cap).
    await page.evaluate(() => performance.clearMeasures('inspector-update'));
    await field.press('End');
    await field.press('Backspace');
    await page.waitForFunction(() => performance.getEntriesByName('inspector-update').length > 0);
    const [update] = await page.evaluate(() =>
      performance.getEntriesByName('inspector-update').map((entry) => entry.duration),
    );
    expect(update).toBeLessThan(3000);
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

  for (const [width, colorScheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [360, 'light'],
    [360, 'dark'],
  ] as const) {
    it(`strips a pasted Bearer prefix, warns on a weak key, and resets everything (${width} px, ${colorScheme})`, async () => {
      const page = await openInspector({ colorScheme, viewport: { width, height: 900 } });
      await expectVerdict(page, /Rejected: expired/);
      const field = inspector(page).getByLabel('Encoded token');
      const secret = inspector(page).getByLabel('Secret key');
      const original = await field.inputValue();
      const originalSecret = await secret.inputValue();

      await inspector(page).getByRole('button', { name: 'Fresh times (exp +15 min) and sign' }).click();
      await expect.poll(() => inspector(page).locator('.action-note').textContent()).toMatch(/^Made a fresh token/);
      await field.fill('junk');
      await expect.poll(() => inspector(page).locator('.action-note').textContent()).toBe('');

      await field.fill(`  bearer   ${original}\n`);
      await expect.poll(() => field.inputValue()).toBe(original);
      await expect
        .poll(() => inspector(page).locator('.action-note').textContent())
        .toMatch(/^Removed "bearer" from the start: it belongs to the Authorization header/);
      await expectVerdict(page, /Rejected: expired/);

      await secret.fill('abc');
      await expect
        .poll(() => inspector(page).locator('.weak-key').textContent())
        .toContain(
          'InsecureKeyLengthWarning: The HMAC key is 3 bytes long, which is below the minimum recommended length of 32 bytes for SHA256.',
        );
      await expectVerdict(page, 'Rejected: signature does not match');
      await secret.fill('x'.repeat(32));
      await expect.poll(() => inspector(page).locator('.weak-key').count()).toBe(0);

      await inspector(page).getByRole('button', { name: 'Reset', exact: true }).click();
      await expect.poll(() => secret.inputValue()).toBe(originalSecret);
      expect(await field.inputValue()).toBe(original);
      expect(await inspector(page).locator('.action-note').textContent()).toBe(
        "Back to the lesson's original token and secret key.",
      );
      await expectVerdict(page, /Rejected: expired/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  it('colours the encoded token in its own field, lined up with the text', async () => {
    const page = await openInspector();
    const pieces = inspector(page).locator('.token-highlight .token-piece');
    await expect.poll(() => pieces.count()).toBe(5);
    const overlay = await inspector(page)
      .locator('.token-highlight')
      .evaluate((element) => element.textContent);
    expect(overlay?.trimEnd()).toBe(await inspector(page).getByLabel('Encoded token').inputValue());
    const colours = await pieces.evaluateAll((elements) => elements.map((element) => getComputedStyle(element).color));
    expect(new Set([colours[0], colours[2], colours[4]]).size).toBe(3);
    // Same box, same text metrics: the field's text and its coloured twin wrap alike.
    const [fieldBox, overlayBox] = await Promise.all([
      inspector(page).getByLabel('Encoded token').boundingBox(),
      inspector(page).locator('.token-highlight').boundingBox(),
    ]);
    expect(overlayBox).toEqual(fieldBox);
  });

  it('explains each claim on hover and keyboard focus, and in a list', async () => {
    const page = await openInspector();
    const chip = inspector(page).getByRole('button', { name: 'exp', exact: true });
    await chip.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'))).toBeTruthy();
    const tip = inspector(page).locator('.claim-chip:focus + .claim-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^expiration time \(RFC 7519\)/);
    await inspector(page).getByRole('button', { name: 'sub', exact: true }).hover();
    await expect
      .poll(() => inspector(page).locator('.claim-chip-item:hover .claim-tip').textContent())
      .toMatch(/^subject/);
    const summary = inspector(page).getByText('What every standard claim means');
    await summary.focus();
    await page.keyboard.press('Enter');
    const glossary = inspector(page).locator('.claim-glossary dl');
    await expect.poll(() => glossary.isVisible()).toBe(true);
    for (const claim of ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'type', 'fresh', 'csrf']) {
      expect(await glossary.locator('dt code', { hasText: new RegExp(`^${claim}$`) }).count()).toBe(1);
    }
  });

  it('scrolls the verdict into view after an attack, and announces it', async () => {
    const page = await openInspector({ viewport: { width: 360, height: 700 }, reducedMotion: 'reduce' });
    const attack = inspector(page).getByRole('button', { name: 'Make me admin (no re-sign)' });
    await attack.scrollIntoViewIfNeeded();
    await attack.click();
    await expectVerdict(page, 'Rejected: signature does not match');
    await expect
      .poll(async () => {
        const box = await verdict(page).boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 700;
      })
      .toBe(true);
    expect(await verdict(page).getAttribute('aria-live')).toBe('polite');
  });
});
