import { describe, expect, it } from 'vitest';
import { THEME_BOOT_SCRIPT } from '../app/theme';
import {
  blockedInlineScripts,
  CONTENT_SECURITY_POLICY,
  headersFor,
  IMMUTABLE,
  PAGE_BOOT_SCRIPT,
  PYODIDE_FOLDER,
  REVALIDATE,
  SERVICE_WORKER_PATH,
  sha256Source,
  WEB_APP_MANIFEST_PATH,
} from './headers';

describe('blockedInlineScripts', () => {
  it('allows the two fixed inline scripts and scripts with a src', () => {
    const html = `<script>${THEME_BOOT_SCRIPT}</script><script type="module" data-boot="{}">${PAGE_BOOT_SCRIPT}</script><script type="module" src="/assets/a.js"></script>`;
    expect(blockedInlineScripts(html)).toEqual([]);
  });

  it('finds any other inline script and any event-handler attribute', () => {
    expect(blockedInlineScripts('<script>alert(1)</script>')).toEqual(['inline script: alert(1)']);
    expect(blockedInlineScripts(`<script>${THEME_BOOT_SCRIPT} </script>`)).toHaveLength(1);
    expect(blockedInlineScripts('<img src="/a.png" onerror="x()">')).toEqual([
      'event-handler attribute: onerror="x()"',
    ]);
  });
});

describe('headersFor', () => {
  it('caches hashed assets and versioned Pyodide for a year and revalidates everything else', () => {
    expect(headersFor('/assets/index-abc.js')['Cache-Control']).toBe(IMMUTABLE);
    expect(PYODIDE_FOLDER).toMatch(/^\/pyodide\/\d+\.\d+\.\d+[^/]*\/$/);
    expect(headersFor(`${PYODIDE_FOLDER}pyodide.asm.wasm`)['Cache-Control']).toBe(IMMUTABLE);
    const fixedNames = ['/', '/lessons/jwt-auth', '/pyodide/pyodide.asm.wasm', '/robots.txt'];
    // A kept /sw.js would hide every new version; a kept manifest, a renamed app.
    for (const pathname of [...fixedNames, SERVICE_WORKER_PATH, WEB_APP_MANIFEST_PATH]) {
      expect(headersFor(pathname)['Cache-Control']).toBe(REVALIDATE);
    }
  });
});

it('allows workers (Python, the editor, the service worker) and the manifest from the site only', () => {
  expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self';");
  expect(CONTENT_SECURITY_POLICY).toContain("manifest-src 'self';");
});

it('hashes as CSP does (base64 SHA-256 of the UTF-8 text)', () => {
  expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
});
