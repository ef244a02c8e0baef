// Which built files belong to which part of offline use, read from Vite's manifest (build side,
// pure: no file system). The editor (Monaco) is what only its loader reaches; the Python worker's
// script marks Python in use.

/** The part of `.vite/manifest.json` this reads. */
export type ViteManifest = Record<
  string,
  { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; assets?: string[]; isEntry?: boolean }
>;

/** The only module that imports monaco-editor (src/exercise/editor/monaco.ts). */
export const EDITOR_MODULE = 'src/exercise/editor/monaco.ts';

/** Every output file the chunks reach (their code, styles, fonts, workers), following static and dynamic imports. */
function reachable(manifest: ViteManifest, roots: string[], avoid?: string): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key) || key === avoid) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  for (const root of roots) visit(root);
  return files;
}

const fromRoot = (file: string) => `/${file}`;

export interface EditorAndWorkers {
  /** The editor's files: what only the editor's loader reaches (paths from the site's root). */
  editor: string[];
  /** Its loader's chunk: downloaded exactly when an editor is shown. */
  editorTrigger: string;
  /** Worker scripts outside the editor (the Python worker's): downloaded exactly when Python starts. */
  otherWorkers: string[];
}

/**
 * Splits the build by what the editor alone needs: Monaco's chunks, styles, font and
 * worker (4.5 MB, loaded only when an exercise is shown) are cached on first use; what
 * the rest of the site also reaches (shared helpers) stays with the precached shell.
 *
 * @example classifyBuild(manifest).editor // ['/assets/monaco-….js', '/assets/editor.api-….js', …]
 */
export function classifyBuild(manifest: ViteManifest): EditorAndWorkers {
  const loader = manifest[EDITOR_MODULE];
  if (!loader) throw new Error(`Vite's manifest has no ${EDITOR_MODULE}: where is the editor loaded now?`);
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const rest = reachable(manifest, entries, EDITOR_MODULE);
  const editor = [...reachable(manifest, [EDITOR_MODULE])].filter((file) => !rest.has(file));
  const otherWorkers = [...rest].filter((file) =>
    Object.values(manifest).some((chunk) => chunk.assets?.includes(file) && file.endsWith('.js')),
  );
  return {
    editor: editor.map(fromRoot),
    editorTrigger: fromRoot(loader.file),
    otherWorkers: otherWorkers.map(fromRoot),
  };
}
