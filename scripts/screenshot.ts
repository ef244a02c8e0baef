// Takes screenshots of the built lesson (run `npm run build` first): the
// README's picture plus narrow and dark views for a person to look at.
// Usage: npm run screenshot [-- out-dir]
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { waitForApp } from '../tests/support/learnerPage.ts';
import { startPreview } from '../tests/support/server.ts';

const outDir = process.argv[2] ?? 'test-results/screenshots';
await mkdir(outDir, { recursive: true });
const server = await startPreview();
const browser = await launchChromium();
const shots: { name: string; width: number; height: number; dark?: boolean; hash?: string; full?: boolean }[] = [
  { name: 'lesson', width: 1280, height: 800 },
  { name: 'wide-dark', width: 1400, height: 900, dark: true, hash: '#build-and-verify' },
  { name: 'narrow-light', width: 360, height: 780 },
  { name: 'narrow-dark-anatomy', width: 360, height: 780, dark: true, hash: '#anatomy' },
  { name: 'tablet-full', width: 900, height: 1000, full: true },
];
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.dark ? 'dark' : 'light',
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/lessons/jwt-auth${shot.hash ?? ''}`, { waitUntil: 'networkidle' });
    await waitForApp(page);
    await page.waitForTimeout(800); // let a smooth scroll to the anchor finish
    const file = path.join(outDir, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: shot.full ?? false });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
