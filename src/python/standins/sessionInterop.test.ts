// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentReferencePython } from '../../../tests/support/currentReference.ts';
import { warnSkipped } from '../../../tests/support/referencePython.ts';
import { installStandins } from './index.ts';

/*
 * Flask's session cookie carries the time it was signed, so its text differs from run to run
 * and no fidelity program can print it. Instead, cookies cross over: one signed by the
 * stand-ins must open in real Flask 3.1.3 with the same SECRET_KEY, and one signed by real
 * Flask must open on the stand-ins; a wrong key must be refused on both sides.
 */

const SECRET = 'interop-secret-key';
const SESSION = { user: 'alice', roles: ['reader', 'writer'], pair: [1, 2], blob: 'bytes', n: 3 };

// Signs SESSION with the app's session interface (tuple and bytes go through Flask's tags).
const SIGN = `
from flask import Flask
app = Flask("interop")
app.secret_key = ${JSON.stringify(SECRET)}
value = ${JSON.stringify(SESSION)}
value["pair"] = tuple(value["pair"])
value["blob"] = value["blob"].encode()
print(app.session_interface.get_signing_serializer(app).dumps(value))
`;

// Opens a cookie through a request, as a browser would send it back, and prints the session.
const open = (cookie: string, secret: string) => `
from flask import Flask, session
app = Flask("interop")
app.secret_key = ${JSON.stringify(secret)}
@app.get("/")
def index():
    return repr(sorted(session.items()))
client = app.test_client()
client.set_cookie("session", ${JSON.stringify(cookie)})
print(client.get("/").get_data(as_text=True))
`;

const EXPECTED = "[('blob', b'bytes'), ('n', 3), ('pair', (1, 2)), ('roles', ['reader', 'writer']), ('user', 'alice')]";

let pyodide: PyodideInterface;

function runStandins(code: string): string {
  pyodide.runPython('import io, sys; _out = io.StringIO(); sys.stdout = _out');
  try {
    pyodide.runPython(code);
    return (pyodide.runPython('_out.getvalue()') as string).trim();
  } finally {
    pyodide.runPython('sys.stdout = sys.__stdout__');
  }
}

const reference = currentReferencePython({ install: false });
if ('missing' in reference) {
  warnSkipped('the session cookie interop between the stand-ins and real Flask', reference.missing);
}

function runReal(code: string): string {
  if ('missing' in reference) throw new Error(reference.missing);
  return execFileSync(reference.python, ['-s', '-c', code], {
    encoding: 'utf8',
    env: { ...process.env, ...reference.env },
    timeout: 60_000,
  }).trim();
}

describe.skipIf('missing' in reference)('Flask session cookies, between the stand-ins and real Flask', () => {
  beforeAll(async () => {
    pyodide = await loadPyodide();
    const sitePackages = pyodide.runPython('import site; site.getsitepackages()[0]') as string;
    installStandins(pyodide, sitePackages);
  }, 60_000);

  it('a cookie the stand-ins sign opens in real Flask with the same key', () => {
    const cookie = runStandins(SIGN);
    expect(cookie).toMatch(/^\.?[\w-]+\.[\w-]+\.[\w-]{27}$/);
    expect(runReal(open(cookie, SECRET))).toBe(EXPECTED);
    expect(runReal(open(cookie, 'another-key'))).toBe('[]');
  });

  it('a cookie real Flask signs opens on the stand-ins with the same key', () => {
    const cookie = runReal(SIGN);
    expect(runStandins(open(cookie, SECRET))).toBe(EXPECTED);
    expect(runStandins(open(cookie, 'another-key'))).toBe('[]');
  });

  it('the session cookie a login sets on the stand-ins is accepted by real Flask', () => {
    const cookie = runStandins(`
from flask import Flask, session
app = Flask("interop")
app.secret_key = ${JSON.stringify(SECRET)}
@app.post("/login")
def login():
    session["user"] = "alice"
    session.permanent = True
    return "ok"
client = app.test_client()
client.post("/login")
print(client.get_cookie("session").value)
`);
    expect(runReal(open(cookie, SECRET))).toBe("[('_permanent', True), ('user', 'alice')]");
  });
});
