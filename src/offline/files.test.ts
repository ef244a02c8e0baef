import { describe, expect, it } from 'vitest';
import { classifyBuild, EDITOR_MODULE, type ViteManifest } from './files';

// The shape of the real build's manifest, trimmed.
const manifest: ViteManifest = {
  index: {
    file: 'assets/index-1.js',
    isEntry: true,
    imports: ['_helper', '_python'],
    dynamicImports: [EDITOR_MODULE, 'src/quiz/QuizEmbed.tsx'],
    css: ['assets/index-1.css'],
  },
  _helper: { file: 'assets/helper-1.js' },
  _python: { file: 'assets/python-1.js', assets: ['assets/worker-1.js'] },
  'src/quiz/QuizEmbed.tsx': { file: 'assets/QuizEmbed-1.js', imports: ['_helper'] },
  [EDITOR_MODULE]: {
    file: 'assets/monaco-1.js',
    imports: ['_editor.api', '_helper'],
    dynamicImports: ['monaco/python.js'],
    css: ['assets/monaco-1.css'],
    assets: ['assets/editor.worker-1.js', 'assets/codicon-1.ttf'],
  },
  '_editor.api': { file: 'assets/editor.api-1.js', css: ['assets/editor-1.css'] },
  'monaco/python.js': { file: 'assets/python-2.js', imports: ['_editor.api'] },
};

describe('classifyBuild', () => {
  it('gives the editor what only its loader reaches, and leaves shared chunks with the shell', () => {
    const { editor, editorTrigger, otherWorkers } = classifyBuild(manifest);
    expect(editor.sort()).toEqual(
      [
        '/assets/codicon-1.ttf',
        '/assets/editor-1.css',
        '/assets/editor.api-1.js',
        '/assets/editor.worker-1.js',
        '/assets/monaco-1.css',
        '/assets/monaco-1.js',
        '/assets/python-2.js',
      ].sort(),
    );
    expect(editor).not.toContain('/assets/helper-1.js');
    expect(editorTrigger).toBe('/assets/monaco-1.js');
    expect(otherWorkers).toEqual(['/assets/worker-1.js']);
  });

  it('fails the build when the editor is no longer loaded where it was', () => {
    const { [EDITOR_MODULE]: _, ...without } = manifest;
    expect(() => classifyBuild(without)).toThrow(/no src\/exercise\/editor\/monaco\.ts/);
  });
});
