// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentReferencePython } from '../../../tests/support/currentReference.ts';
import { warnSkipped } from '../../../tests/support/referencePython.ts';
import { pbkdf2Sha256, registerStandinHashing } from './hashing.ts';
import { installStandins } from './index.ts';

/*
 * werkzeug.security on the stand-ins: hashes must interoperate both ways with the real
 * Werkzeug 3.1.9 (a stored hash survives moving the app between the page and a server),
 * and bad methods must fail with the real module's errors.
 */

let pyodide: PyodideInterface;

beforeAll(async () => {
  pyodide = await loadPyodide();
  registerStandinHashing(pyodide);
  installStandins(pyodide, pyodide.runPython('import site; site.getsitepackages()[0]') as string);
}, 60_000);

const PASSWORDS = ['correct horse battery staple', 'pässwörd ✓ 🔑', ''];

/** Every method, once with a password of each kind (the slow defaults with one password only). */
const METHODS = [
  'scrypt',
  'scrypt:16384:8:1',
  'scrypt:1024:1:1',
  'scrypt:128:8:2',
  'pbkdf2',
  'pbkdf2:sha512:1000',
  'pbkdf2:sha256:1000',
  'pbkdf2:sha1:1000',
  'pbkdf2:md5:10',
  'pbkdf2:sha224:10',
  'pbkdf2:sha384:10',
  'pbkdf2:sha512_224:10',
  'pbkdf2:sha512_256:10',
  'pbkdf2:sha3_224:10',
  'pbkdf2:sha3_256:10',
  'pbkdf2:sha3_384:10',
  'pbkdf2:sha3_512:10',
  'pbkdf2:blake2b:10',
  'pbkdf2:blake2s:10',
  'pbkdf2:ripemd160:10',
  'pbkdf2:SHA256:10',
  'pbkdf2:sha-512:10',
  'pbkdf2:sha3-384:10',
  'pbkdf2:BLAKE2b512:10',
];
const SLOW = new Set(['scrypt', 'pbkdf2']);
const CASES = METHODS.flatMap((method) =>
  (SLOW.has(method) ? PASSWORDS.slice(0, 1) : PASSWORDS).map((password, index) => ({
    method,
    password,
    // Salt lengths 16 (the default), 1 and 40.
    saltLength: [16, 1, 40][index % 3] as number,
  })),
);

/** Bad methods and arguments, each ending in an exception the stand-in must copy. */
const BAD_CALLS = [
  ['pw', 'sha256'],
  ['pw', 'plain'],
  ['pw', ''],
  ['pw', 'scrypt:'],
  ['pw', 'scrypt:1024:8'],
  ['pw', 'scrypt:a:b:c'],
  ['pw', 'scrypt:1024:8:1:1'],
  ['pw', 'scrypt:1000:8:1'],
  ['pw', 'scrypt:1:8:1'],
  ['pw', 'scrypt:0:8:1'],
  ['pw', 'scrypt:-2:8:1'],
  ['pw', 'scrypt:1024:-1:1'],
  ['pw', 'scrypt:1024:8:-1'],
  ['pw', 'scrypt:1024:0:1'],
  ['pw', 'scrypt:1024:8:0'],
  ['pw', 'scrypt:16:8:1'],
  ['pw', 'scrypt:64:2:1'],
  ['pw', 'scrypt:4:1:1'],
  ['pw', 'scrypt:65536:1:1'],
  ['pw', 'scrypt:2097152:8:1'],
  ['pw', 'scrypt:1024:8:100000'],
  ['pw', 'scrypt:99999999999999999999:8:1'],
  ['pw', 'pbkdf2:sha256:0'],
  ['pw', 'pbkdf2:sha256:-5'],
  ['pw', 'pbkdf2:sha256:x'],
  ['pw', 'pbkdf2:sha256:1.5'],
  ['pw', 'pbkdf2:sha256:1:2'],
  ['pw', 'pbkdf2:sha256:2147483648'],
  ['pw', 'pbkdf2:sha256:99999999999999999999'],
  ['pw', 'pbkdf2::1'],
  ['pw', 'pbkdf2:foo:1'],
  ['pw', 'pbkdf2:SHA3_256:1'],
  ['pw', 'pbkdf2:shake_128:1'],
  ['pw', 'pbkdf2:shake_256:0'],
  ['pw', 'pbkdf2:whirlpool:1'],
  ['pw', 'scrypt', 0],
  ['pw', 'pbkdf2:sha256:1', -3],
  [null, 'scrypt'],
  [b`pw`, 'scrypt'],
] as const;

// Python literals for the calls above (`b\`pw\`` marks a bytes password).
function b(strings: TemplateStringsArray): { bytes: string } {
  return { bytes: strings.join('') };
}
const pythonLiteral = (value: unknown): string =>
  value === null
    ? 'None'
    : typeof value === 'object' && value !== null && 'bytes' in value
      ? `b${JSON.stringify(value.bytes)}`
      : JSON.stringify(value);
const badCallsSource = `[${BAD_CALLS.map((call) => `(${call.map(pythonLiteral).join(', ')},)`).join(', ')}]`;

const MAKE_HASHES = `
import json
from werkzeug.security import generate_password_hash
cases = json.loads(CASES)
json.dumps([generate_password_hash(c["password"], c["method"], c["saltLength"]) for c in cases])
`;
const CHECK_HASHES = `
import json
from werkzeug.security import check_password_hash
cases, hashes = json.loads(CASES), json.loads(HASHES)
json.dumps([[check_password_hash(h, c["password"]), check_password_hash(h, c["password"] + "x")] for c, h in zip(cases, hashes)])
`;
const BAD = `
import json
from werkzeug.security import generate_password_hash
def attempt(args):
    try:
        return repr(generate_password_hash(*args))
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
json.dumps([attempt(args) for args in ${badCallsSource}])
`;

/** Runs code in Pyodide with CASES / HASHES bound to JSON text; the last expression's value. */
function inPyodide(code: string, hashes?: string): string {
  const globals = pyodide.globals.get('dict')();
  try {
    globals.set('CASES', JSON.stringify(CASES));
    if (hashes !== undefined) globals.set('HASHES', hashes);
    return pyodide.runPython(code, { globals }) as string;
  } finally {
    globals.destroy();
  }
}

const reference = currentReferencePython({ install: false });
if ('missing' in reference) warnSkipped('werkzeug.security against the real Werkzeug 3.1.9', reference.missing);

/** The same code run by CPython with the real Werkzeug (the last line printed). */
function inReference(code: string, hashes?: string): string {
  if ('missing' in reference) throw new Error(reference.missing);
  const lines = code.trim().split('\n');
  const script = `${[...lines.slice(0, -1), `print(${lines.at(-1)})`].join('\n')}\n`;
  return execFileSync(reference.python, ['-s', '-c', script], {
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...reference.env, CASES: JSON.stringify(CASES), HASHES: hashes ?? '' },
  }).trim();
}
// The reference reads its inputs from the environment.
const fromEnvironment = (code: string) =>
  code.replace('import json\n', 'import json, os\nCASES, HASHES = os.environ["CASES"], os.environ["HASHES"]\n');

describe('pbkdf2Sha256', () => {
  it.each([
    ['a short password', 'pw', 'salt', 1],
    ['two iterations', 'pw', 'salt', 2],
    ['a 64-byte password', 'p'.repeat(64), 'NaCl', 1000],
    ['a password longer than a block', 'p'.repeat(65), 'NaCl', 1000],
    ['an empty password and salt', '', '', 3],
    ['a long salt', 'password', 's'.repeat(100), 7],
  ])('agrees with noble’s pbkdf2 for %s', (_what, password, salt, iterations) => {
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(bytesToHex(pbkdf2Sha256(encode(password), encode(salt), iterations))).toBe(
      bytesToHex(pbkdf2(sha256, encode(password), encode(salt), { c: iterations })),
    );
  });

  it('gives RFC 7914’s PBKDF2-HMAC-SHA256 test vector', () => {
    const key = pbkdf2Sha256(new TextEncoder().encode('passwd'), new TextEncoder().encode('salt'), 1);
    expect(bytesToHex(key)).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });
});

describe('werkzeug.security on the stand-ins', () => {
  it('writes the real formats and verifies its own hashes', () => {
    const hashes = JSON.parse(inPyodide(MAKE_HASHES)) as string[];
    expect(hashes[0]).toMatch(/^scrypt:32768:8:1\$[A-Za-z0-9]{16}\$[0-9a-f]{128}$/);
    expect(hashes[CASES.findIndex((c) => c.method === 'pbkdf2')]).toMatch(
      /^pbkdf2:sha256:1000000\$[A-Za-z0-9]{16}\$[0-9a-f]{64}$/,
    );
    const checks = JSON.parse(inPyodide(CHECK_HASHES, JSON.stringify(hashes))) as [boolean, boolean][];
    expect(checks).toEqual(CASES.map(() => [true, false]));
  }, 60_000);

  it.skipIf('missing' in reference)(
    'verifies hashes the real Werkzeug made',
    () => {
      const hashes = inReference(fromEnvironment(MAKE_HASHES));
      const checks = JSON.parse(inPyodide(CHECK_HASHES, hashes)) as [boolean, boolean][];
      expect(checks.map((check, index) => `${CASES[index]?.method}: ${check}`)).toEqual(
        CASES.map((c) => `${c.method}: true,false`),
      );
    },
    120_000,
  );

  it.skipIf('missing' in reference)(
    'makes hashes the real Werkzeug verifies',
    () => {
      const hashes = inPyodide(MAKE_HASHES);
      const checks = JSON.parse(inReference(fromEnvironment(CHECK_HASHES), hashes)) as [boolean, boolean][];
      expect(checks.map((check, index) => `${CASES[index]?.method}: ${check}`)).toEqual(
        CASES.map((c) => `${c.method}: true,false`),
      );
    },
    120_000,
  );

  it.skipIf('missing' in reference)('fails on bad methods and arguments as the real Werkzeug does', () => {
    const ours = JSON.parse(inPyodide(BAD)) as string[];
    const theirs = JSON.parse(inReference(fromEnvironment(BAD))) as string[];
    expect(ours.map((result, index) => `${BAD_CALLS[index]?.[1]}: ${result}`)).toEqual(
      theirs.map((result, index) => `${BAD_CALLS[index]?.[1]}: ${result}`),
    );
  });
});
