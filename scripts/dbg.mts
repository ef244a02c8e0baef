import { launchChromium } from '../tests/support/browser.ts';
import { startPreview } from '../tests/support/server.ts';

const s = await startPreview();
const b = await launchChromium();
for (const [w, dark] of [
  [1280, false],
  [360, true],
] as const) {
  const c = await b.newContext({ viewport: { width: w, height: 1400 }, colorScheme: dark ? 'dark' : 'light' });
  const p = await c.newPage();
  const errors: string[] = [];
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(s.url + '/lessons/jwt-auth#troubleshooting');
  await p.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
  const sim = p.locator('#troubleshooting-simulator');
  for (const id of ['wrong-type', 'tampered', 'expired']) {
    await sim.locator(`[data-scenario="${id}"]`).click();
    await p.waitForTimeout(300);
  }
  await sim.screenshot({ path: `/tmp/shots/sim-${w}.png` });
  console.log(w, errors);
  await c.close();
}
await b.close();
await s.close();
