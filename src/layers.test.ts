// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The import rule: dependencies point down, app → lesson → features → services → engines
 * and shared helpers. A module may import its own folder and any folder of a lower layer;
 * features do not import one another (what two features share moves down, into src/lib).
 * Tests are exempt: they may reach across to set things up.
 */
const LAYERS: Record<string, number> = {
  // How the built site is served (headers, host configs): read by the build and vite.config, above the app.
  hosting: 6,
  app: 5,
  lesson: 4,
  exercise: 3,
  quiz: 3,
  sandbox: 3,
  offline: 2,
  progress: 2,
  python: 2,
  ui: 1,
  'flask-sim': 1,
  jwt: 1,
  lib: 0,
};
/** Within the engines layer, the simulator runs on the JWT engine. */
const ALSO_ALLOWED = new Set(['flask-sim -> jwt']);
/**
 * Known exceptions, each with the change that removes it. Keep this list shrinking: a new
 * entry needs a reason here.
 */
const KNOWN_EXCEPTIONS = new Set<string>([]);

const src = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Every import of one folder of src/ by another: "from -> to" with where it is. */
function crossImports() {
  const found: { edge: string; where: string }[] = [];
  for (const file of sourceFiles(src)) {
    const from = path.relative(src, file).split(path.sep)[0] ?? '';
    if (!(from in LAYERS)) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.relative(src, path.resolve(path.dirname(file), match[1] ?? ''));
      const to = target.split(path.sep)[0] ?? '';
      if (to === from || to.startsWith('..')) continue;
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ edge: `${from} -> ${to}`, where: `${path.relative(src, file)}:${line}` });
    }
  }
  return found;
}

describe('the import rule', () => {
  const imports = crossImports();

  it('gives every folder of src/ a layer', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !(folder in LAYERS))).toEqual([]);
  });

  it('has every import point down a layer (or to the shared helpers), never across or up', () => {
    const wrong = imports.filter(({ edge }) => {
      if (ALSO_ALLOWED.has(edge) || KNOWN_EXCEPTIONS.has(edge)) return false;
      const [from = '', to = ''] = edge.split(' -> ');
      return !(to in LAYERS) || (LAYERS[to] ?? 99) >= (LAYERS[from] ?? 0);
    });
    expect(wrong.map(({ edge, where }) => `${where}: ${edge}`)).toEqual([]);
  });

  it('lists no known exception that no longer occurs', () => {
    const edges = new Set(imports.map(({ edge }) => edge));
    expect([...KNOWN_EXCEPTIONS].filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
