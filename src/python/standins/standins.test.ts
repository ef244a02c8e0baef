// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  REFERENCE_PYTHON,
  referencePythonHas,
  runReferencePython,
  warnSkipped,
} from '../../../tests/support/referencePython.ts';
import { installStandins, STANDIN_FILES, STANDIN_PACKAGES } from './index.ts';

/*
 * Fidelity tests: every snippet in tests/fidelity/snippets and every example of the JWT
 * lesson runs in Pyodide on the stand-ins, and must print exactly what the real libraries
 * print. The oracle for each file:
 * - a sibling `<name>.expected.txt`, for what Debian's Flask 2.2 / PyJWT 2.6 cannot show:
 *   Flask-JWT-Extended (not packaged there; the expected text follows the reference table and
 *   was checked by hand against Flask-JWT-Extended 4.7.4) and behaviour that changed since
 *   (Flask 3's 415, PyJWT 2.10+'s string sub...); each such snippet says why in its docstring;
 * - otherwise the reference interpreter (/usr/bin/python3 with python3-flask and python3-jwt);
 * - for the lesson's examples, also the output block that lesson.md shows under each one.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const snippetsDir = path.join(root, 'tests/fidelity/snippets');
const lessonDir = path.join(root, 'lessons/jwt-auth');
const examplesDir = path.join(lessonDir, 'examples');

/** Files starting with `_` are helpers the snippets import, not snippets. */
const snippetNames = readdirSync(snippetsDir)
  .filter((name) => name.endsWith('.py') && !name.startsWith('_'))
  .sort();
const exampleNames = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.py'))
  .sort();

const REFERENCE_MODULES = ['flask', 'jwt'] as const;
const referenceInterpreterExists = referencePythonHas();
const referenceAvailable = referenceInterpreterExists && referencePythonHas(...REFERENCE_MODULES);
if (!referenceAvailable) {
  warnSkipped(
    'the comparisons of the stand-ins with real Flask 2.2 / PyJWT 2.6',
    `${REFERENCE_PYTHON} cannot import ${REFERENCE_MODULES.join(' and ')} (apt-get install python3-flask python3-jwt); the *.expected.txt and lesson.md comparisons still run`,
  );
}

interface SnippetRun {
  stdout: string;
  stderr: string;
  /** The Python exception that ended the run, e.g. `NotImplementedError: ...`, or null. */
  error: string | null;
}

// Runs one file as `python file.py` would (as __main__, its folder first on sys.path),
// with stdout and stderr captured, and forgets the snippets' helper modules afterwards.
const RUNNER = `
import io, json, os, runpy, sys, traceback

def _fidelity_run(path, source=None):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, list(sys.path)
    sys.stdout, sys.stderr = out, err
    sys.path.insert(0, os.path.dirname(path))
    error = None
    try:
        if source is None:
            runpy.run_path(path, run_name="__main__")
        else:
            exec(compile(source, path, "exec"), {"__name__": "__main__"})
    except BaseException as exc:
        error = f"{type(exc).__name__}: {exc}"
        traceback.print_exc()
    finally:
        sys.stdout, sys.stderr, sys.path[:] = saved[0], saved[1], saved[2]
        for name in [name for name in sys.modules if name.startswith("_fje_app")]:
            del sys.modules[name]
    return json.dumps({"stdout": out.getvalue(), "stderr": err.getvalue(), "error": error})
`;

let pyodide: PyodideInterface;
let fidelityRun: (file: string, source?: string) => string;

beforeAll(async () => {
  pyodide = await loadPyodide();
  const sitePackages = pyodide.runPython('import site; site.getsitepackages()[0]') as string;
  installStandins(pyodide, sitePackages);
  pyodide.FS.mkdirTree('/fidelity/snippets');
  pyodide.FS.mkdirTree('/fidelity/examples');
  for (const name of readdirSync(snippetsDir).filter((file) => file.endsWith('.py'))) {
    pyodide.FS.writeFile(`/fidelity/snippets/${name}`, readFileSync(path.join(snippetsDir, name), 'utf8'));
  }
  for (const name of exampleNames) {
    pyodide.FS.writeFile(`/fidelity/examples/${name}`, readFileSync(path.join(examplesDir, name), 'utf8'));
  }
  pyodide.runPython(RUNNER);
  fidelityRun = pyodide.globals.get('_fidelity_run') as typeof fidelityRun;
}, 60_000);

function runInPyodide(file: string, source?: string): SnippetRun {
  return JSON.parse(source === undefined ? fidelityRun(file) : fidelityRun(file, source)) as SnippetRun;
}

/** Runs Python code on the stand-ins and returns the exception it ended with. */
function raisedBy(code: string): string | null {
  return runInPyodide('/fidelity/inline.py', code).error;
}

/** The `output` block lesson.md shows under each `:::example{... src="..."}`, by src. */
function lessonOutputs(): Map<string, string> {
  const markdown = readFileSync(path.join(lessonDir, 'lesson.md'), 'utf8');
  const outputs = new Map<string, string>();
  for (const match of markdown.matchAll(/^:::example\{([^}]*)\}\n```output\n([\s\S]*?)\n```/gm)) {
    const src = /src="([^"]+)"/.exec(match[1] ?? '')?.[1];
    if (src) outputs.set(src, `${match[2] ?? ''}\n`);
  }
  return outputs;
}

/** The third-party modules a Python file imports at top level. */
function importedLibraries(source: string): string[] {
  const names = [...source.matchAll(/^(?:from|import)\s+([A-Za-z_]\w*)/gm)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => ['flask', 'flask_jwt_extended', 'jwt', 'werkzeug'].includes(name)))];
}

describe('STANDIN_FILES', () => {
  it('lists every stand-in package with paths relative to site-packages', () => {
    const paths = STANDIN_FILES.map((file) => file.path);
    for (const name of STANDIN_PACKAGES) expect(paths).toContain(`${name}/__init__.py`);
    expect(paths).toEqual(expect.arrayContaining(['flask/json/__init__.py', 'jwt/exceptions.py', 'jwt/api_jwt.py']));
    for (const file of STANDIN_FILES) {
      expect(file.path).toMatch(/^[a-z_]+(\/[a-z_]+)*\.py$/);
      expect(file.source.length).toBeGreaterThan(0);
    }
  });

  it('says in each public module docstring that it is an in-browser stand-in', () => {
    for (const name of ['flask', 'flask_jwt_extended', 'jwt']) {
      const init = STANDIN_FILES.find((file) => file.path === `${name}/__init__.py`);
      expect(init?.source).toMatch(/^"""A lightweight in-browser stand-in for /);
      expect(init?.source).toContain('This is NOT the real');
    }
  });

  it('installs into site-packages so that the packages import', () => {
    const modules = pyodide.runPython(
      'import flask, flask_jwt_extended, jwt, werkzeug; ",".join(m.__file__.split("site-packages/")[1] for m in (flask, flask_jwt_extended, jwt))',
    ) as string;
    expect(modules).toBe('flask/__init__.py,flask_jwt_extended/__init__.py,jwt/__init__.py');
  });
});

describe('fidelity snippets', () => {
  it('has at least 25 snippets, each compared with an oracle', () => {
    expect(snippetNames.length).toBeGreaterThanOrEqual(25);
    // Every Flask-JWT-Extended snippet needs an expected file: Debian has no Flask-JWT-Extended.
    for (const name of snippetNames.filter((file) => file.startsWith('fje_'))) {
      expect(existsSync(path.join(snippetsDir, name.replace(/\.py$/, '.expected.txt'))), name).toBe(true);
    }
  });

  const expectedFileOf = (name: string) => path.join(snippetsDir, name.replace(/\.py$/, '.expected.txt'));
  const withExpected = snippetNames.filter((name) => existsSync(expectedFileOf(name)));
  const withReference = snippetNames.filter((name) => !withExpected.includes(name));

  it.each(withExpected)('%s prints what its .expected.txt says the real libraries print', (name) => {
    const run = runInPyodide(`/fidelity/snippets/${name}`);
    expect(run.error, run.stderr).toBeNull();
    expect(run.stdout).toBe(readFileSync(expectedFileOf(name), 'utf8'));
  });

  // Without the reference interpreter these are skipped (and said so above), never passed.
  it.skipIf(!referenceAvailable).each(withReference)('%s prints what the real libraries print', (name) => {
    const run = runInPyodide(`/fidelity/snippets/${name}`);
    expect(run.error, run.stderr).toBeNull();
    expect(run.stdout).toBe(runReferencePython(name, snippetsDir));
  });
});

describe('the JWT lesson examples', () => {
  const outputs = lessonOutputs();

  it('shows an output block for every example file', () => {
    expect([...outputs.keys()].sort()).toEqual(exampleNames.map((name) => `examples/${name}`));
  });

  it.each(exampleNames)('%s prints the output lesson.md shows', (name) => {
    const run = runInPyodide(`/fidelity/examples/${name}`);
    expect(run.error, run.stderr).toBeNull();
    expect(run.stdout).toBe(outputs.get(`examples/${name}`));
  });

  const librariesOf = (name: string) => importedLibraries(readFileSync(path.join(examplesDir, name), 'utf8'));
  // Flask-JWT-Extended is not in Debian: for those examples lesson.md's output block is the
  // oracle (test above), so they have no comparison here.
  const comparable = exampleNames.filter((name) => !librariesOf(name).includes('flask_jwt_extended'));
  const plainPython = comparable.filter((name) => librariesOf(name).length === 0);
  const withLibraries = comparable.filter((name) => librariesOf(name).length > 0);
  if (!referenceInterpreterExists) {
    warnSkipped('the lesson examples against real Python', `${REFERENCE_PYTHON} does not exist`);
  }

  // Without the reference interpreter (or its libraries) these are skipped, never passed.
  it.skipIf(!referenceInterpreterExists).each(plainPython)('%s prints what real Python prints', (name) => {
    const run = runInPyodide(`/fidelity/examples/${name}`);
    expect(run.stdout).toBe(runReferencePython(name, examplesDir));
  });

  it.skipIf(!referenceAvailable).each(withLibraries)('%s prints what real Flask / PyJWT print', (name) => {
    const run = runInPyodide(`/fidelity/examples/${name}`);
    expect(run.stdout).toBe(runReferencePython(name, examplesDir));
  });
});

describe('features the stand-ins do not have', () => {
  const flask = 'in the in-browser Flask stand-in';
  const cases: [string, string, string][] = [
    ['blueprints', 'from flask import Blueprint\nBlueprint("api", __name__)', `Blueprint is not available ${flask}`],
    ['app.run()', 'from flask import Flask\nFlask(__name__).run(debug=True)', `app.run() is not available ${flask}`],
    [
      'templates',
      'from flask import render_template\nrender_template("index.html")',
      `render_template (templates) is not available ${flask}`,
    ],
    ['url_for', 'from flask import url_for\nurl_for("index")', `url_for is not available ${flask}`],
    [
      'before_request',
      'from flask import Flask\napp = Flask(__name__)\n@app.before_request\ndef hook():\n    pass',
      `app.before_request is not available ${flask}`,
    ],
    [
      'sessions, even inside a view (not hidden behind a 500 page)',
      'from flask import Flask, session\napp = Flask(__name__)\n@app.get("/")\ndef index():\n    return {"user": session.get("user")}\napp.test_client().get("/")',
      `session is not available ${flask}`,
    ],
    [
      'cookies in the test client',
      'from flask import Flask\nFlask(__name__).test_client().set_cookie("a", "b")',
      `Cookies in the test client is not available ${flask}`,
    ],
    [
      'RS256 in PyJWT',
      'import jwt\njwt.encode({"sub": "a"}, "key", algorithm="RS256")',
      "Algorithm 'RS256' is not available in the in-browser PyJWT stand-in (it needs the cryptography package)",
    ],
    [
      'an RS256 token accepted by the caller',
      'import jwt\ntoken = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2ln"\njwt.decode(token, "key", algorithms=["RS256"])',
      "Algorithm 'RS256' is not available in the in-browser PyJWT stand-in (it needs the cryptography package)",
    ],
    [
      'JWK clients',
      'import jwt\njwt.PyJWKClient("https://example.com/jwks")',
      'PyJWKClient is not available in the in-browser PyJWT stand-in',
    ],
    [
      'tokens in cookies',
      'from flask import Flask\nfrom flask_jwt_extended import JWTManager, jwt_required\napp = Flask(__name__)\napp.config["JWT_SECRET_KEY"] = "k" * 40\napp.config["JWT_TOKEN_LOCATION"] = ["cookies"]\nJWTManager(app)\n@app.get("/")\n@jwt_required()\ndef index():\n    return "x"\napp.test_client().get("/")',
      "JWT_TOKEN_LOCATION 'cookies' is not available in the in-browser Flask-JWT-Extended stand-in",
    ],
    [
      'set_access_cookies',
      'from flask_jwt_extended import set_access_cookies\nset_access_cookies(None, "token")',
      'set_access_cookies (tokens in cookies) is not available in the in-browser Flask-JWT-Extended stand-in',
    ],
  ];

  it.each(cases)('%s raise NotImplementedError saying so', (_feature, code, message) => {
    expect(raisedBy(code)).toBe(`NotImplementedError: ${message}`);
  });

  it('still lets a view that raises NotImplementedError itself end in a 500, as Flask does', () => {
    const run = runInPyodide(
      '/fidelity/inline.py',
      'from flask import Flask\napp = Flask(__name__)\n@app.get("/")\ndef index():\n    raise NotImplementedError("todo")\nprint(app.test_client().get("/").status)',
    );
    expect(run.error).toBeNull();
    expect(run.stdout).toBe('500 INTERNAL SERVER ERROR\n');
    expect(run.stderr).toContain('ERROR in app: Exception on / [GET]');
  });
});
