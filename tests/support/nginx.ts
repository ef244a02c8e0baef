import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
/** Debian's libnginx-mod-http-brotli-static. */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The shipped server block (hosting/nginx.conf) with only its address and root changed: it
 * listens on 127.0.0.1:port and serves `root`. Throws if those lines are not where expected,
 * so the test never serves a config other than the one shipped.
 */
export function siteConfig(shipped: string, port: number, root: string, withBrotli: boolean): string {
  const edits: [RegExp, string][] = [
    [/^ {4}listen 80;$/m, `    listen 127.0.0.1:${port};`],
    [/^ {4}listen \[::\]:80;\n/m, ''],
    [/^ {4}root \/var\/www\/flask-course;$/m, `    root ${root};`],
    ...(withBrotli ? [] : ([[/^ {4}brotli_static on;\n/m, '']] as [RegExp, string][])),
  ];
  let config = shipped;
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(config)) throw new Error(`hosting/nginx.conf has no line matching ${pattern}`);
    config = config.replace(pattern, replacement);
  }
  return config;
}

export interface Nginx {
  url: string;
  /** What nginx wrote to stderr (its error log). */
  log: () => string;
  close: () => Promise<void>;
}

/**
 * Runs Debian's nginx in the foreground (a child of this process, its files in a temp
 * folder) serving `root` with the shipped hosting/nginx.conf on a free port.
 */
export async function startNginx(root: string, shippedConfig: string): Promise<Nginx> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'nginx-test-'));
  const port = await freePort();
  const withBrotli = existsSync(BROTLI_MODULE);
  writeFileSync(path.join(prefix, 'site.conf'), siteConfig(shippedConfig, port, root, withBrotli));
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`;
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `${withBrotli ? `load_module ${BROTLI_MODULE};\n` : ''}daemon off;
worker_processes 1;
pid ${path.join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 64; }
http {
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    include ${path.join(prefix, 'site.conf')};
}
`,
  );
  let stderr = '';
  const child: ChildProcess = spawn(NGINX_PATH, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', 'stderr'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGQUIT');
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`nginx exited (${child.exitCode}):\n${stderr}`);
    }
    try {
      await fetch(`${url}/robots.txt`);
      break;
    } catch {
      if (attempt > 100) {
        await close();
        throw new Error(`nginx did not answer on ${url}:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, log: () => stderr, close };
}

export const shippedNginxConfig = () => readFileSync(new URL('../../hosting/nginx.conf', import.meta.url), 'utf8');
