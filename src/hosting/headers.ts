// The HTTP headers the site is served with: one source of truth for `vite preview`
// (every browser test runs under them), the build's checks and the shipped host
// configurations in hosting/ (nginx and Netlify/Cloudflare Pages `_headers`).
import { createHash } from 'node:crypto';
import { THEME_BOOT_SCRIPT } from '../app/theme.ts';
import { PYODIDE_FOLDER } from '../python/build/pyodideFiles.ts';

/**
 * Fetches the page's scripts after its first paint (see scripts/build.ts). Its text
 * never changes, so its hash is fixed: what to load comes from the script element's
 * `data-boot` attribute, written by the build: `load`, the modules to run (the lesson's
 * data and the entry), and `preload`, the entry's own imports, fetched alongside them
 * (`<link rel="modulepreload">` added only now: in the HTML they compete with the first
 * paint for the processor). Each preload is added in a task of its own: adding one costs
 * the page ~0.3-1 ms, and all seventeen in one task blocked a phone's CPU (4× slower)
 * for 50-185 ms.
 */
export const PAGE_BOOT_SCRIPT =
  'const boot=JSON.parse(document.querySelector("script[data-boot]").dataset.boot);let started=false;const preload=(href)=>{const link=document.createElement("link");link.rel="modulepreload";link.href=href;document.head.append(link)};const start=()=>{if(started)return;started=true;for(const src of boot.load)import(src);for(const href of boot.preload)setTimeout(preload,0,href)};requestAnimationFrame(()=>setTimeout(start,0));setTimeout(start,1000);';

/** The CSP source that allows exactly this inline script or style text. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The only inline scripts a page may have: the theme (before first paint) and the boot. */
export const INLINE_SCRIPTS = [THEME_BOOT_SCRIPT, PAGE_BOOT_SCRIPT];

const CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets Pyodide compile its WebAssembly; it allows no JavaScript eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'", ...INLINE_SCRIPTS.map(sha256Source)],
  // Monaco cannot work without inline styles: it writes its theme (with 150 KB of icon
  // CSS) into <style> elements at run time and renders lines as HTML with style
  // attributes, neither of which a fixed hash can allow. Scripts stay strict.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The Python and editor workers, and the service worker (/sw.js), come only from the site.
  'worker-src': ["'self'"],
  // The web app manifest (/manifest.webmanifest) that makes the course installable.
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Sent with every response, files and pages alike (a worker script gets its CSP from its own response). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Cross-origin isolation: the Python worker's SharedArrayBuffer interrupts runaway code.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Files whose names carry a content hash (Vite's output), and Pyodide's versioned folder: cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Everything else (pages, robots.txt, the icons): cached, but revalidated before each use.
 * The service worker's script and the web app manifest must be among them: a browser that kept
 * an old /sw.js would never see a new version.
 */
export const REVALIDATE = 'no-cache';

/** The service worker's script and the web app manifest: fixed names, never cached for long (see REVALIDATE). */
export const SERVICE_WORKER_PATH = '/sw.js';
export const WEB_APP_MANIFEST_PATH = '/manifest.webmanifest';

/** The folder whose every file has a content hash in its name. */
export const HASHED_FOLDER = '/assets/';

/**
 * Pyodide's files, under a folder named after its version ("/pyodide/314.0.7/"): a new
 * version is a new folder, so a file there never changes and needs no revalidation (on a
 * second visit that saves a round trip per file, before Python can start).
 */
export { PYODIDE_FOLDER };

/** The folders whose files never change under the same URL. */
export const IMMUTABLE_FOLDERS = [HASHED_FOLDER, PYODIDE_FOLDER];

/** Every header the site sends with the file or page at `pathname`. */
export function headersFor(pathname: string): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'Cache-Control': IMMUTABLE_FOLDERS.some((folder) => pathname.startsWith(folder)) ? IMMUTABLE : REVALIDATE,
  };
}

/**
 * What in this HTML the Content-Security-Policy would block: an inline script whose
 * hash it does not list, and any event-handler attribute (`onclick="…"`). The build
 * refuses to write a page with any: it would fail, with a console error, only where
 * the headers are sent.
 */
export function blockedInlineScripts(html: string): string[] {
  const allowed = new Set(INLINE_SCRIPTS);
  const blocked: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/.test(attributes) && text.trim() !== '' && !allowed.has(text)) {
      blocked.push(`inline script: ${text.slice(0, 60)}`);
    }
  }
  for (const [, attribute] of html.matchAll(/<[a-z][^>]*?\s(on[a-z]+=(?:"[^"]*"|'[^']*'|[^\s>]+))/gi)) {
    blocked.push(`event-handler attribute: ${attribute}`);
  }
  return blocked;
}
