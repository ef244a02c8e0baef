// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  currentReferenceOutputs,
  currentReferencePython,
  fidelityPrograms,
  readExpected,
} from '../../../tests/support/currentReference.ts';
import {
  REFERENCE_PYTHON,
  referencePythonHas,
  runReferencePython,
  warnSkipped,
} from '../../../tests/support/referencePython.ts';
import { registerStandinHashing } from './hashing.ts';
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

const exampleNames = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.py'))
  .sort();

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
/** tests/fidelity/runner.py's `fidelity_run`: the same runner as for the real libraries. */
let fidelityRunner: (file: string) => string;

beforeAll(async () => {
  pyodide = await loadPyodide();
  const sitePackages = pyodide.runPython('import site; site.getsitepackages()[0]') as string;
  registerStandinHashing(pyodide);
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
  pyodide.FS.writeFile('/fidelity/runner.py', readFileSync(path.join(root, 'tests/fidelity/runner.py'), 'utf8'));
  fidelityRunner = pyodide.runPython(
    'import runpy; runpy.run_path("/fidelity/runner.py", run_name="fidelity_runner")["fidelity_run"]',
  ) as typeof fidelityRunner;
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

describe('fidelity programs, against the current releases', () => {
  const programs = fidelityPrograms();

  it('has at least 100 programs, each with the output of the real current libraries committed beside it', () => {
    expect(programs.length).toBeGreaterThanOrEqual(100);
    const missing = programs.filter((program) => readExpected(program) === undefined).map((program) => program.name);
    expect(missing, 'run: npx tsx scripts/fidelity-expected.ts').toEqual([]);
  });

  it.each(programs.map((program) => [program.name, program] as const))(
    '%s shows on the stand-ins what it shows on the real libraries',
    (_name, program) => {
      expect(fidelityRunner(`/fidelity/snippets/${program.name}`)).toBe(readExpected(program));
    },
  );

  // Where the current releases can be had (Debian sid's packages, unpacked by
  // scripts/reference-python.sh), the committed files are checked against them too.
  const reference = currentReferencePython({ install: false });
  if ('missing' in reference) {
    warnSkipped('the check of the committed .expected.txt files against the real current libraries', reference.missing);
  }
  it.skipIf('missing' in reference)('committed expected files are what the real current libraries print', () => {
    const outputs = currentReferenceOutputs(
      programs.map((program) => program.file),
      { install: false },
    );
    const stale = programs.filter((program) => outputs[program.file] !== readExpected(program)).map((p) => p.name);
    expect(stale, 'regenerate with: npx tsx scripts/fidelity-expected.ts').toEqual([]);
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
  const plainPython = exampleNames.filter((name) => librariesOf(name).length === 0);
  const withLibraries = exampleNames.filter((name) => librariesOf(name).length > 0);
  const referenceExists = referencePythonHas();
  if (!referenceExists) warnSkipped('the lesson examples against real Python', `${REFERENCE_PYTHON} does not exist`);
  const current = currentReferencePython({ install: false });
  if ('missing' in current) {
    warnSkipped('the lesson examples against the real current Flask / PyJWT / Flask-JWT-Extended', current.missing);
  }

  // Without the reference interpreter (or the current libraries) these are skipped, never passed.
  it.skipIf(!referenceExists).each(plainPython)('%s prints what real Python prints', (name) => {
    const run = runInPyodide(`/fidelity/examples/${name}`);
    expect(run.stdout).toBe(runReferencePython(name, examplesDir));
  });

  it.skipIf('missing' in current).each(withLibraries)('%s prints what the real current libraries print', (name) => {
    const file = path.join(examplesDir, name);
    expect(fidelityRunner(`/fidelity/examples/${name}`)).toBe(
      currentReferenceOutputs([file], { install: false })[file],
    );
  });
});

describe('features the stand-ins do not have', () => {
  const flask = 'in the in-browser Flask stand-in';
  const cases: [string, string, string][] = [
    ['app.run()', 'from flask import Flask\nFlask(__name__).run(debug=True)', `app.run() is not available ${flask}`],
    [
      'templates',
      'from flask import render_template\nrender_template("index.html")',
      `render_template (templates) is not available ${flask}`,
    ],
    ['url_for', 'from flask import url_for\nurl_for("index")', `url_for is not available ${flask}`],
    [
      'flash messages',
      'from flask import Flask, flash\napp = Flask(__name__)\napp.secret_key = "k"\nwith app.test_request_context():\n    flash("hi")',
      `flash (sessions) is not available ${flask}`,
    ],
    [
      'the development server in werkzeug.serving',
      'from werkzeug.serving import run_simple',
      'werkzeug.serving.run_simple (the development server (run_simple)) is not available in the in-browser Werkzeug stand-in',
    ],
    [
      'ProxyFix',
      'from werkzeug.middleware.proxy_fix import ProxyFix',
      'werkzeug.middleware.proxy_fix.ProxyFix (ProxyFix (WSGI middleware)) is not available in the in-browser Werkzeug stand-in',
    ],
    [
      'the user agent of a request',
      'from flask import Flask, request\napp = Flask(__name__)\nwith app.test_request_context():\n    request.user_agent',
      `request.user_agent is not available ${flask}`,
    ],
    [
      'caching headers on a response',
      'from flask import Flask\napp = Flask(__name__)\nwith app.app_context():\n    app.response_class("x").cache_control',
      `Response.cache_control is not available ${flask}`,
    ],
    [
      'app attributes Flask has and the stand-in lacks',
      'from flask import Flask\nFlask(__name__).jinja_options',
      `app.jinja_options is not available ${flask}`,
    ],
    ['signals', 'from flask import request_started', `flask.request_started (signals) is not available ${flask}`],
    [
      'multipart bodies in the test client',
      'from flask import Flask\nFlask(__name__).test_client().post("/", data={"f": "x"}, content_type="multipart/form-data")',
      'Multipart form data in the test client is not available in the in-browser Werkzeug stand-in',
    ],
    [
      'host matching',
      'from flask import Flask\nFlask(__name__, host_matching=True, static_host="example.com")',
      `Host and subdomain matching is not available ${flask}`,
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
      'current_user in templates (Flask-JWT-Extended)',
      'from flask import Flask\nfrom flask_jwt_extended import JWTManager\nJWTManager(Flask(__name__), add_context_processor=True)',
      'add_context_processor (templates) is not available in the in-browser Flask-JWT-Extended stand-in',
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
