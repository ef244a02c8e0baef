import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFile, nginxConf } from './configs';
import { CONTENT_SECURITY_POLICY, INLINE_SCRIPTS, sha256Source } from './headers';

const committed = (name: string) => readFileSync(new URL(`../../hosting/${name}`, import.meta.url), 'utf8');

describe('the shipped host configurations', () => {
  it('are what src/hosting/headers.ts generates (run `npm run hosting` after changing it)', () => {
    expect(committed('nginx.conf')).toBe(nginxConf());
    expect(committed('_headers')).toBe(headersFile());
  });

  it('allow each inline script by its hash, and no inline script otherwise', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    for (const script of INLINE_SCRIPTS) expect(scriptSrc).toContain(sha256Source(script));
    expect(nginxConf()).toContain(CONTENT_SECURITY_POLICY);
    expect(headersFile()).toContain(CONTENT_SECURITY_POLICY);
  });
});
