import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { headersFor, PYODIDE_FOLDER } from '../../src/hosting/headers.ts';
import { sourceMapReferences } from '../../src/hosting/staticFiles.ts';

const baseUrl = inject('baseUrl');
const dist = path.resolve('dist');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the built site, as deployed', () => {
  it('ships no build manifest and no source-map reference that does not resolve', () => {
    expect(existsSync(path.join(dist, '.vite'))).toBe(false);
    const dangling: string[] = [];
    for (const file of filesUnder(dist).filter((name) => /\.(m?js|css|html)$/.test(name))) {
      for (const reference of sourceMapReferences(readFileSync(file, 'utf8'))) {
        if (reference.startsWith('data:')) continue;
        const target = path.resolve(path.dirname(file), reference.split(/[?#]/)[0] ?? '');
        if (!existsSync(target)) dangling.push(`${path.relative(dist, file)} → ${reference}`);
      }
    }
    expect(dangling).toEqual([]);
  });

  it('answers a missing file with a real 404, and an unknown page with the app', async () => {
    for (const missing of [
      `${PYODIDE_FOLDER}pyodide.mjs.map`,
      '/assets/missing.js',
      '/pyodide/missing',
      '/pyodide/pyodide.mjs',
      '/missing.png',
    ]) {
      const response = await fetch(`${baseUrl}${missing}`);
      expect(response.status, missing).toBe(404);
      expect(response.headers.get('content-type'), missing).not.toContain('text/html');
    }
    for (const present of [`${PYODIDE_FOLDER}pyodide.mjs`, `${PYODIDE_FOLDER}pyodide-lock.json`]) {
      expect((await fetch(`${baseUrl}${present}`)).status, present).toBe(200);
    }
    const page = await fetch(`${baseUrl}/lessons/no-such-lesson`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('sends every header a host sends (src/hosting/headers.ts), so the browser tests run under them', async () => {
    const script = readdirSync(path.join(dist, 'assets')).find((name) => name.endsWith('.js'));
    for (const pathname of [
      '/',
      '/lessons/jwt-auth',
      `/assets/${script}`,
      `${PYODIDE_FOLDER}pyodide.asm.wasm`,
      '/robots.txt',
    ]) {
      const response = await fetch(`${baseUrl}${pathname}`);
      expect(response.status, pathname).toBe(200);
      for (const [name, value] of Object.entries(headersFor(pathname))) {
        expect(response.headers.get(name), `${pathname}: ${name}`).toBe(value);
      }
    }
  });
});
