// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * An embed's two sides stay apart: the page (the lesson page, its components through embeds/index.tsx) never
 * reaches build code (compile.ts, src/lesson/build, zod, remark, shiki), and the build
 * (build/embedCompilers.ts) never reaches a component. Both share only each embed's embed.ts.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

/** Every module `entry` reaches through static imports, relative files and packages alike. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
      const spec = match[1] ?? '';
      if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const target = [
        base,
        `${base}.ts`,
        `${base}.tsx`,
        path.join(base, 'index.ts'),
        path.join(base, 'index.tsx'),
      ].find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate));
      if (target) visit(target);
    }
  };
  visit(entry);
  return { files, packages };
}

describe("an embed's sides", () => {
  it('keeps build code out of the page', () => {
    const { files, packages } = reach(path.join(here, '..', 'LessonPage.tsx'));
    const build = [...files].filter((file) => /[/\\](compile[^/\\]*\.ts|build[/\\].*)$/.test(file));
    expect(build.map((file) => path.relative(here, file))).toEqual([]);
    // zod/mini is the page's own: the progress records' schemas recover damaged stored data.
    // The full zod, with the build's content schemas, stays out.
    expect(
      [...packages].filter(
        (name) => name !== 'zod/mini' && /^(zod|remark|unified|shiki|node:|mdast|hast|yaml)/.test(name),
      ),
    ).toEqual([]);
  });

  it('keeps components out of the build', () => {
    const { files, packages } = reach(path.join(here, '..', 'build', 'embedCompilers.ts'));
    expect([...files].filter((file) => file.endsWith('.tsx')).map((file) => path.relative(here, file))).toEqual([]);
    expect([...packages].filter((name) => name === 'react' || name.startsWith('react-'))).toEqual([]);
  });
});
