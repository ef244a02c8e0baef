// `npm test`: everything the project checks, in order, stopping at the first failure.
// On a fresh Debian machine run as root it installs what the tests need
// (Chromium; nginx; Flask and PyJWT for the Python references) and says so.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { CHROMIUM_PATH } from '../tests/support/browser.ts';
import { BROTLI_MODULE, NGINX_PATH } from '../tests/support/nginx.ts';
import { REFERENCE_PYTHON, referencePythonHas } from '../tests/support/referencePython.ts';

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function aptInstall(packages: string[], why: string): boolean {
  if (!isRoot || !hasApt) return false;
  console.log(`\n▶ ${why}: installing ${packages.join(' ')} from Debian with apt-get.`);
  const quiet = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], quiet);
    aptUpdated = true;
  }
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], quiet).status === 0;
}

// 1. The browser for the browser tests.
if (!existsSync(CHROMIUM_PATH)) {
  aptInstall(['chromium'], `Chromium is missing at ${CHROMIUM_PATH}`);
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(
      `\n✖ The browser tests need Chromium at ${CHROMIUM_PATH}.\n  Install it with: sudo apt-get update && sudo apt-get install -y chromium\n  (or set CHROMIUM_PATH to a Chromium binary).`,
    );
    process.exit(1);
  }
}

// 1b. Debian's nginx (and its brotli_static module), to serve the build with the shipped
// hosting/nginx.conf in tests/e2e/nginx.test.ts. Without it that file is skipped, loudly.
if (!existsSync(NGINX_PATH) || !existsSync(BROTLI_MODULE)) {
  aptInstall(['nginx', 'libnginx-mod-http-brotli-static'], 'nginx or its brotli module is missing');
  if (!existsSync(NGINX_PATH)) {
    console.warn(
      `\n!!! nginx is not at ${NGINX_PATH}: the tests of the shipped nginx config will be SKIPPED.\n!!! Install it with: sudo apt-get install -y nginx libnginx-mod-http-brotli-static`,
    );
  }
}

// 2. Real Flask and PyJWT, to check the lesson's examples print what the lesson says.
if (!referencePythonHas('flask', 'jwt')) {
  aptInstall(['python3-flask', 'python3-jwt'], `${REFERENCE_PYTHON} lacks Flask or PyJWT`);
  if (!referencePythonHas('flask', 'jwt')) {
    console.warn(
      `\n!!! ${REFERENCE_PYTHON} cannot import flask and jwt: the comparisons with real Python will be SKIPPED.\n!!! Install them with: sudo apt-get install -y python3-flask python3-jwt`,
    );
  }
}

// 2b. Today's Flask, Werkzeug, PyJWT and Flask-JWT-Extended (Debian sid's packages, unpacked
// under .cache/, nothing installed system-wide): the committed fidelity outputs are checked
// against them. Without them that one check is skipped, loudly.
if (isRoot && hasApt && !existsSync('.cache/reference-python/.complete')) {
  console.log('\n▶ The current releases of the libraries the stand-ins imitate: scripts/reference-python.sh');
  if (spawnSync('scripts/reference-python.sh', { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) {
    console.warn('\n!!! scripts/reference-python.sh failed: the check against the current releases will be SKIPPED.');
  }
}

// 3. The checks.
run('Type check', 'npx', ['tsc', '-p', '.']);
run('Lint', 'npx', ['biome', 'check', '.']);
run('Unit, component and browser tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);

const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
};
console.log(
  `\nTests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
);
