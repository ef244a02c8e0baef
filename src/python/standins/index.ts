/**
 * The Python stand-ins that let the course's Flask and JWT examples run in Pyodide:
 * `flask`, `flask_jwt_extended`, `jwt` (PyJWT) and the small part of `werkzeug` Flask needs.
 * They are plain Python files, bundled as text through Vite's `?raw` query.
 *
 * @example
 * const sitePackages = pyodide.runPython('import site; site.getsitepackages()[0]');
 * installStandins(pyodide, sitePackages);
 * pyodide.runPython('import flask');
 */

/** One Python file of the stand-ins; `path` is relative to site-packages, e.g. `flask/__init__.py`. */
export interface StandinFile {
  readonly path: string;
  readonly source: string;
}

/** The top-level packages the stand-ins provide. */
export const STANDIN_PACKAGES = ['flask', 'flask_jwt_extended', 'jwt', 'werkzeug'] as const;

export type StandinPackage = (typeof STANDIN_PACKAGES)[number];

const sources = import.meta.glob<string>('./**/*.py', { query: '?raw', import: 'default', eager: true });

/** Every stand-in file, sorted by path (packages' `__init__.py` before their modules). */
export const STANDIN_FILES: readonly StandinFile[] = Object.entries(sources)
  .map(([key, source]) => ({ path: key.replace(/^\.\//, ''), source }))
  .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** The part of Pyodide's file system API that installing needs. */
export interface StandinFileSystem {
  FS: {
    mkdirTree(path: string): void;
    writeFile(path: string, data: string): void;
  };
}

/**
 * Writes every stand-in file under `sitePackages` (Pyodide's
 * `site.getsitepackages()[0]`). Run it before the first `import flask`; if Python
 * has already listed that directory, call `importlib.invalidate_caches()` afterwards.
 */
export function installStandins(pyodide: StandinFileSystem, sitePackages: string): void {
  const root = sitePackages.replace(/\/+$/, '');
  for (const file of STANDIN_FILES) {
    const target = `${root}/${file.path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, file.source);
  }
}
