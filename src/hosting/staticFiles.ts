// How the built site is served: which requests are for files (and so must be a real
// 404 when missing), and what is changed in third-party files as they are copied.
import { statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import { isInsideFolder } from '../lib/insideFolder.ts';
import { headersFor } from './headers.ts';

/** Folders that hold only files: a missing path under them is never a page. */
const FILE_FOLDERS = ['/assets/', '/pyodide/'];

/**
 * True when a request asks for a file rather than a page: it is under a
 * files-only folder or its last segment has an extension. Such a request that
 * misses must be a 404; falling back to index.html sends HTML with a 200 to a
 * script, a JSON parser or a source-map loader, which then fails far from the cause.
 *
 * @example isFileRequest('/pyodide/pyodide.mjs.map') // true
 * @example isFileRequest('/lessons/jwt-auth') // false
 */
export function isFileRequest(pathname: string): boolean {
  if (FILE_FOLDERS.some((folder) => pathname.startsWith(folder))) return true;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]+$/.test(last);
}

const SOURCE_MAP_COMMENT = /\n?\/\/# sourceMappingURL=\S+\s*$/;

/**
 * Removes a trailing `//# sourceMappingURL=` comment. Pyodide's loader points
 * at a `.map` the site does not ship (it is for debugging Pyodide itself, not
 * the course), and a browser whose devtools follow the comment would fetch it.
 *
 * @example stripSourceMapComment('code;\n//# sourceMappingURL=x.map\n') // 'code;'
 */
export function stripSourceMapComment(source: string): string {
  return source.replace(SOURCE_MAP_COMMENT, '');
}

/** Every `sourceMappingURL` a JavaScript or CSS file names (comments of either syntax). */
export function sourceMapReferences(source: string): string[] {
  return [...source.matchAll(/[#@] sourceMappingURL=([^\s*]+)/g)].map((match) => match[1] ?? '');
}

function isExistingFile(root: string, pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = path.join(root, decoded);
  if (!isInsideFolder(root, file)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * `vite preview` falls back to index.html for any path it cannot find. For
 * file requests that hides a missing file behind a 200: answer 404 instead.
 * Pages (paths without an extension) keep the fallback.
 */
export function missingFilesAre404(): Plugin {
  return {
    name: 'missing-files-are-404',
    configurePreviewServer(server) {
      const root = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
        const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
        if (!isFileRequest(pathname) || isExistingFile(root, pathname)) {
          next();
          return;
        }
        response.statusCode = 404;
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.end(`Not found: ${pathname}\n`);
      });
    },
  };
}

/**
 * `vite preview` sends every header a real host sends (src/hosting/headers.ts), so
 * every browser test runs under the site's Content-Security-Policy and caching rules.
 */
export function hostHeaders(): Plugin {
  return {
    name: 'host-headers',
    configurePreviewServer(server) {
      server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
        const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
        for (const [name, value] of Object.entries(headersFor(pathname))) response.setHeader(name, value);
        next();
      });
    },
  };
}
