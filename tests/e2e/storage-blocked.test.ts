import { describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations, waitForApp } from '../support/learnerPage.ts';
import { learnerSession } from '../support/learnerSession.ts';

const baseUrl = inject('baseUrl');
const session = learnerSession(baseUrl);

describe('a browser that blocks site data', () => {
  it('still switches the theme for the visit, without an error', async () => {
    const { page } = await session.open();
    // What Firefox and Safari do when cookies and site data are blocked: reading the property throws.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(`${baseUrl}/lessons/jwt-auth`);
    await waitForApp(page);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    const after = before === 'dark' ? 'light' : 'dark';
    await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(after);
    expect(await toggle.getAttribute('aria-pressed')).toBe(String(after === 'dark'));
    await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(before);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
