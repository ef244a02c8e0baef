// Production build: the client bundle, then every page prerendered to HTML so
// the lesson paints before any script runs. Run with `npm run build`.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { build } from 'vite';
import { headersFile } from '../src/hosting/configs.ts';
import { blockedInlineScripts, PAGE_BOOT_SCRIPT } from '../src/hosting/headers.ts';
import { writeServiceWorker } from './serviceWorker.ts';

// A build is for production even when the test runner starts it: vitest sets NODE_ENV=test,
// with which Vite built React's development runtime and `import.meta.env.PROD` was false
// (so the built page never registered its service worker).
process.env.NODE_ENV = 'production';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const ssrOut = path.join(root, 'node_modules/.cache/prerender');

type Manifest = Record<
  string,
  {
    file: string;
    isEntry?: boolean;
    isDynamicEntry?: boolean;
    imports?: string[];
    dynamicImports?: string[];
    css?: string[];
  }
>;
interface ServerEntry {
  course: { lessons: { id: string; available: boolean }[] };
  renderPage: (pathname: string) => Promise<{ html: string; title: string; routeKey: string; embedNames: string[] }>;
}

await build({ root, logLevel: 'warn' });
await build({
  root,
  logLevel: 'warn',
  build: { ssr: 'src/entry-server.tsx', outDir: ssrOut, emptyOutDir: true, manifest: false },
});

const server = (await import(pathToFileURL(path.join(ssrOut, 'entry-server.js')).href)) as ServerEntry;
const template = await inlineStylesheets(await readFile(path.join(dist, 'index.html'), 'utf8'));
const manifest = JSON.parse(await readFile(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;

/**
 * The stylesheet is small (3 KB gzip): inline it so the first paint waits for no second
 * request. Each file inlined leaves a disabled `<link>` to it, which the browser never
 * fetches: Vite's loader reads it as "this stylesheet is in the page", so a chunk that
 * shares the file does not add it again (a new stylesheet restyles the whole page).
 */
function inlinedStyle(file: string, css: string): string {
  return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style><link rel="stylesheet" href="/${file}" disabled />`;
}

async function inlineStylesheets(html: string): Promise<string> {
  let result = html;
  for (const match of html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g)) {
    const file = match[1] ?? '';
    const css = await readFile(path.join(dist, file), 'utf8');
    result = result.replace(match[0], () => inlinedStyle(file, css));
  }
  return result;
}

/**
 * A prerendered page is readable before any script runs, so let it paint
 * first. Only after the first frame does the page fetch its scripts: on a
 * small machine, compiling 300 KB of JavaScript in parallel delays the first
 * paint by a third. The lesson's data chunk is requested alongside the entry
 * (the entry would import it anyway), and so are the entry's own imports,
 * which Vite lists as `<link rel="modulepreload">`: those leave the HTML too
 * (the boot script adds them). A hidden tab starts on a timer instead.
 */
function bootAfterFirstPaint(html: string, lessonChunk: string | undefined): string {
  const entry = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>/.exec(html);
  if (!entry) throw new Error('index.html has no entry <script type="module"> to defer');
  const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\n?/g)];
  const boot = JSON.stringify({
    load: [...(lessonChunk ? [`/${lessonChunk}`] : []), entry[1]],
    preload: preloads.map((match) => match[1]),
  });
  let result = html;
  for (const [link] of preloads) result = result.replace(link, '');
  if (result.includes('modulepreload')) throw new Error('index.html has a modulepreload the build did not move');
  // The script's text is fixed (its hash is in the Content-Security-Policy); the chunks ride in an attribute.
  return result.replace(
    entry[0],
    `<script type="module" data-boot="${escapeAttribute(boot)}">${PAGE_BOOT_SCRIPT}</script>`,
  );
}

/** The stylesheets of a chunk and of everything it imports statically (not what it loads later). */
function stylesOf(key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return [];
  return [...(chunk.css ?? []), ...(chunk.imports ?? []).flatMap((imported) => stylesOf(imported, seen))];
}

/** The stylesheets the template inlines already: the entry's and its static imports'. */
const entryStyles = new Set(
  Object.keys(manifest)
    .filter((key) => manifest[key]?.isEntry)
    .flatMap((key) => stylesOf(key)),
);

/**
 * The styles of the embeds a page shows, in the page: its prerendered embeds are styled
 * from the first paint, not when each one wakes (an embed's component chunk carries its
 * stylesheet, which Vite would add only then, restyling the whole page and moving it).
 * An embed's component is the dynamic entry in its folder, src/lesson/embeds/<name>/.
 */
async function inlineEmbedStyles(html: string, embedNames: string[]): Promise<string> {
  const files = [
    ...new Set(
      embedNames.flatMap((name) => {
        const entries = Object.keys(manifest).filter(
          (key) => key.startsWith(`src/lesson/embeds/${name}/`) && manifest[key]?.isDynamicEntry,
        );
        if (entries.length !== 1) {
          throw new Error(`expected one component chunk in src/lesson/embeds/${name}/, found ${entries.length}`);
        }
        return stylesOf(entries[0] ?? '');
      }),
    ),
  ].filter((file) => !entryStyles.has(file));
  const styles = await Promise.all(
    files.map(async (file) => inlinedStyle(file, await readFile(path.join(dist, file), 'utf8'))),
  );
  return html.replace('</head>', () => `${styles.join('')}</head>`);
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function prerender(pathname: string, file: string, lessonId?: string) {
  const { html, title, routeKey, embedNames } = await server.renderPage(pathname);
  const chunk = lessonId ? manifest[`virtual:lesson/${lessonId}`]?.file : undefined;
  const page = (await inlineEmbedStyles(bootAfterFirstPaint(template, chunk), embedNames))
    .replace(
      '<div id="root"><!--app-html--></div>',
      `<div id="root" data-prerendered-route="${routeKey}">${html}</div>`,
    )
    .replace(/<title>.*<\/title>/, `<title>${escapeHtml(title)}</title>`);
  if (!page.includes('data-prerendered-route')) throw new Error('index.html lost its <!--app-html--> placeholder');
  const blocked = blockedInlineScripts(page);
  if (blocked.length > 0) {
    throw new Error(`${pathname} has inline script the Content-Security-Policy blocks:\n${blocked.join('\n')}`);
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, page);
  console.log(`prerendered ${pathname.padEnd(24)} → ${path.relative(root, file)}`);
}

const lessons = server.course.lessons.filter((lesson) => lesson.available);
const first = lessons[0];
if (first) await prerender('/', path.join(dist, 'index.html'), first.id);
for (const lesson of lessons) {
  // lessons/<id>.html: static hosts (and `vite preview`) serve it for /lessons/<id>.
  await prerender(`/lessons/${lesson.id}`, path.join(dist, 'lessons', `${lesson.id}.html`), lesson.id);
}
await prerender('/404', path.join(dist, '404.html'));
await rm(ssrOut, { recursive: true, force: true });
// The manifest only tells this script which chunk is a lesson's; it is not for the web.
await rm(path.join(dist, '.vite'), { recursive: true, force: true });
// Netlify and Cloudflare Pages read their headers from the site's root (hosting/_headers, the same text).
await writeFile(path.join(dist, '_headers'), headersFile());

/** Text-like files (and WebAssembly) that hosts serve precompressed: nginx's brotli_static and gzip_static. */
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|wasm|ttf|zip)$/;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file where that saves at
 * least 5 % (Pyodide's stdlib zip does, as the build stores its entries uncompressed). Brotli's best quality takes 30 s on Pyodide's
 * 9.6 MB WebAssembly, so files over 1 MB get quality 9 (12 % bigger, 2 s).
 */
async function precompress(folder: string): Promise<void> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  let saved = 0;
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(file);
      const quality = data.length > 1_000_000 ? 9 : constants.BROTLI_MAX_QUALITY;
      const compressed = {
        br: await brotli(data, {
          params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        }),
        gz: await gzipAsync(data, { level: 9 }),
      };
      for (const [extension, bytes] of Object.entries(compressed)) {
        if (bytes.length > data.length * 0.95) continue;
        await writeFile(`${file}.${extension}`, bytes);
        if (extension === 'br') saved += data.length - bytes.length;
      }
    }),
  );
  console.log(`precompressed ${files.length} files (.br saves ${(saved / 1e6).toFixed(1)} MB)`);
}
await precompress(dist);

// Offline use: the service worker precaches the files written above, the prerendered pages
// included, so it is built last (see scripts/serviceWorker.ts).
await writeServiceWorker({ root, dist, manifest });
