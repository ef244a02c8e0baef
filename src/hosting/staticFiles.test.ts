import { describe, expect, it } from 'vitest';
import { isFileRequest, sourceMapReferences, stripSourceMapComment } from './staticFiles';

describe('isFileRequest', () => {
  it('treats paths with an extension, or under /assets/ and /pyodide/, as files', () => {
    expect(isFileRequest('/pyodide/pyodide.mjs.map')).toBe(true);
    expect(isFileRequest('/assets/index-abc.js')).toBe(true);
    expect(isFileRequest('/assets/no-extension')).toBe(true);
    expect(isFileRequest('/pyodide/')).toBe(true);
    expect(isFileRequest('/favicon.ico')).toBe(true);
    expect(isFileRequest('/lessons/jwt-auth.html')).toBe(true);
  });

  it('treats pages as pages', () => {
    expect(isFileRequest('/')).toBe(false);
    expect(isFileRequest('/lessons/jwt-auth')).toBe(false);
    expect(isFileRequest('/lessons/no-such-lesson')).toBe(false);
    expect(isFileRequest('/v1.2/lessons')).toBe(false);
  });
});

describe('source-map comments', () => {
  it('strips the trailing comment and nothing else', () => {
    expect(stripSourceMapComment('code();\n//# sourceMappingURL=pyodide.mjs.map\n')).toBe('code();');
    expect(stripSourceMapComment('code();\n//# sourceMappingURL=a.map')).toBe('code();');
    const untouched = 'const s = "//# sourceMappingURL=x.map in a string";\nmore();\n';
    expect(stripSourceMapComment(untouched)).toBe(untouched);
  });

  it('finds every reference, in JS and CSS syntax', () => {
    expect(sourceMapReferences('a\n//# sourceMappingURL=a.js.map\n')).toEqual(['a.js.map']);
    expect(sourceMapReferences('a{}\n/*# sourceMappingURL=a.css.map */')).toEqual(['a.css.map']);
    expect(sourceMapReferences('nothing here')).toEqual([]);
  });
});
