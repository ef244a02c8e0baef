import { describe, expect, it } from 'vitest';
import { CLAIM_GLOSSARY, claimNames, explainClaim } from './claimGlossary';
import { MINIMUM_KEY_BYTES, weakKeyWarning } from './keyStrength';
import { stripBearerPrefix } from './pastedToken';
import { highlightPieces } from './tokenHighlight';

describe('stripBearerPrefix', () => {
  it('takes "Bearer " off in any case, with any whitespace, and after "Authorization:"', () => {
    expect(stripBearerPrefix('Bearer a.b.c')).toEqual({ token: 'a.b.c', removedPrefix: 'Bearer ' });
    expect(stripBearerPrefix('  bEaReR\t a.b.c \n')).toEqual({ token: 'a.b.c', removedPrefix: 'bEaReR ' });
    expect(stripBearerPrefix('Authorization: Bearer a.b.c').token).toBe('a.b.c');
  });

  it('leaves everything else alone', () => {
    expect(stripBearerPrefix('a.b.c')).toEqual({ token: 'a.b.c' });
    expect(stripBearerPrefix('Bearer')).toEqual({ token: 'Bearer' });
    expect(stripBearerPrefix('Bearer ')).toEqual({ token: 'Bearer ' });
    expect(stripBearerPrefix('Bearertoken')).toEqual({ token: 'Bearertoken' });
  });
});

describe('weakKeyWarning', () => {
  it('warns below the hash size, as PyJWT does: 32, 48 and 64 bytes', () => {
    expect(MINIMUM_KEY_BYTES).toEqual({ HS256: 32, HS384: 48, HS512: 64 });
    expect(weakKeyWarning('abc', 'text', 'HS256')?.message).toBe(
      'The HMAC key is 3 bytes long, which is below the minimum recommended length of 32 bytes for SHA256.',
    );
    expect(weakKeyWarning('x'.repeat(31), 'text', 'HS256')?.bytes).toBe(31);
    expect(weakKeyWarning('x'.repeat(32), 'text', 'HS256')).toBeUndefined();
    expect(weakKeyWarning('x'.repeat(32), 'text', 'HS384')?.minimum).toBe(48);
    expect(weakKeyWarning('x'.repeat(63), 'text', 'HS512')?.message).toContain('64 bytes for SHA512');
  });

  it('counts bytes, not characters, and decodes base64url keys', () => {
    expect(weakKeyWarning('é'.repeat(16), 'text', 'HS256')).toBeUndefined(); // 32 bytes in UTF-8
    expect(weakKeyWarning('AAAA', 'base64url', 'HS256')?.bytes).toBe(3);
    expect(weakKeyWarning('not base64url!', 'base64url', 'HS256')).toBeUndefined();
    expect(weakKeyWarning('', 'text', 'HS256')).toBeUndefined();
  });
});

describe('claim explanations', () => {
  it('covers every registered claim and every Flask-JWT-Extended claim', () => {
    const covered = CLAIM_GLOSSARY.map((entry) => entry.claim);
    for (const claim of ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'type', 'fresh', 'csrf']) {
      expect(covered).toContain(claim);
    }
    expect(explainClaim('role')).toBeUndefined();
  });

  it('lists the payload claims in order, and none for broken JSON', () => {
    expect(claimNames('{"fresh": false, "iat": 1, "jti": "x"}')).toEqual(['fresh', 'iat', 'jti']);
    expect(claimNames('[1]')).toEqual([]);
    expect(claimNames('{')).toEqual([]);
    expect(claimNames(undefined)).toEqual([]);
  });
});

describe('highlightPieces', () => {
  it('keeps every character, in order, so the overlay lines up with the field', () => {
    for (const text of ['a.b.c', ' a.b.c\n', 'a..c', 'a.b.c.d.e', '', '...', 'no-dots']) {
      expect(
        highlightPieces(text)
          .map((piece) => piece.text)
          .join(''),
      ).toBe(text);
    }
    expect(highlightPieces('h.p.s.x').map((piece) => piece.kind)).toEqual([
      'header',
      'dot',
      'payload',
      'dot',
      'signature',
      'extra',
      'extra',
    ]);
  });
});
