import { describe, expect, it } from 'vitest';
import { decodeToken, InvalidSignatureError } from '../jwt';
import { MissingSecretError } from './errors';
import { createJwtManager, DEFAULT_REFRESH_EXPIRES_SECONDS } from './jwtManager';

const NOW = 1_700_000_000;
const clock = () => NOW;
const JTI = '00000000-0000-4000-8000-000000000000';
const randomUUID = () => JTI;

function payloadOf(token: string): Record<string, unknown> {
  return decodeToken(token).payload;
}

describe('createAccessToken (FJE create_access_token)', () => {
  it("writes FJE's claims in FJE's order, with exp = iat + 900 and nbf = iat", async () => {
    const manager = createJwtManager({ secretKey: 'test-secret', clock, randomUUID });
    const payload = payloadOf(await manager.createAccessToken('alice'));
    expect(Object.keys(payload)).toEqual(['fresh', 'iat', 'jti', 'type', 'sub', 'nbf', 'csrf', 'exp']);
    expect(payload).toEqual({
      fresh: false,
      iat: NOW,
      jti: JTI,
      type: 'access',
      sub: 'alice',
      nbf: NOW,
      csrf: JTI,
      exp: NOW + 900,
    });
  });

  it('is byte for byte what PyJWT 2.6 signs for those claims', async () => {
    // jwt.encode({"fresh": False, "iat": 1700000000, "jti": "0000...0000", "type": "access",
    //             "sub": "alice", "nbf": 1700000000, "csrf": "0000...0000", "exp": 1700000900},
    //            "test-secret", algorithm="HS256")
    const manager = createJwtManager({ secretKey: 'test-secret', clock, randomUUID });
    expect(await manager.createAccessToken('alice')).toBe(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJmcmVzaCI6ZmFsc2UsImlhdCI6MTcwMDAwMDAwMCwianRpIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAwIiwidHlwZSI6ImFjY2VzcyIsInN1YiI6ImFsaWNlIiwibmJmIjoxNzAwMDAwMDAwLCJjc3JmIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAwIiwiZXhwIjoxNzAwMDAwOTAwfQ.Umn81aJuGFlqNYk8QTYsLKYDnFyJDybNsNB9HLfwuCk',
    );
  });

  it('writes iat and exp as whole seconds, rounded down like PyJWT', async () => {
    const manager = createJwtManager({ secretKey: 's', clock: () => NOW + 0.75, randomUUID });
    const payload = payloadOf(await manager.createAccessToken('alice'));
    expect(payload.iat).toBe(NOW);
    expect(payload.nbf).toBe(NOW);
    expect(payload.exp).toBe(NOW + 900);
  });

  it('puts additional claims after the standard ones, overriding in place', async () => {
    const manager = createJwtManager({ secretKey: 's', clock, randomUUID });
    const payload = payloadOf(
      await manager.createAccessToken('alice', { additionalClaims: { role: 'reader', type: 'custom' } }),
    );
    expect(Object.keys(payload)).toEqual(['fresh', 'iat', 'jti', 'type', 'sub', 'nbf', 'csrf', 'exp', 'role']);
    expect(payload.type).toBe('custom');
  });

  it('keeps a claim named __proto__ as a plain claim', async () => {
    const manager = createJwtManager({ secretKey: 's', clock, randomUUID });
    const claims = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const token = await manager.createAccessToken('alice', { additionalClaims: claims });
    expect(decodeToken(token).payloadJson).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('honours fresh, expires_delta, additional headers, and no exp for false or 0', async () => {
    const manager = createJwtManager({ secretKey: 's', clock, randomUUID });
    expect(payloadOf(await manager.createAccessToken('a', { fresh: true })).fresh).toBe(true);
    expect(payloadOf(await manager.createAccessToken('a', { expiresDeltaSeconds: 60 })).exp).toBe(NOW + 60);
    expect(payloadOf(await manager.createAccessToken('a', { expiresDeltaSeconds: false }))).not.toHaveProperty('exp');
    // timedelta(0) is falsy in Python, so FJE writes no exp for it either.
    expect(payloadOf(await manager.createAccessToken('a', { expiresDeltaSeconds: 0 }))).not.toHaveProperty('exp');
    const withKid = await manager.createAccessToken('a', { additionalHeaders: { kid: 'k1' } });
    expect(decodeToken(withKid).headerJson).toBe('{"alg":"HS256","kid":"k1","typ":"JWT"}');
  });

  it('writes a non-string identity as it is (identity=1 gives "sub": 1), and None for undefined', async () => {
    const manager = createJwtManager({ secretKey: 's', clock, randomUUID });
    expect(payloadOf(await manager.createAccessToken(1)).sub).toBe(1);
    expect(payloadOf(await manager.createAccessToken(undefined)).sub).toBeNull();
  });

  it('uses crypto.randomUUID (uuid4) for jti by default', async () => {
    const manager = createJwtManager({ secretKey: 's', clock });
    const first = payloadOf(await manager.createAccessToken('a')).jti;
    const second = payloadOf(await manager.createAccessToken('a')).jti;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first).not.toBe(second);
  });

  it('refuses to sign without a secret, as FJE does (RuntimeError)', async () => {
    const manager = createJwtManager({ secretKey: '', clock });
    await expect(manager.createAccessToken('a')).rejects.toBeInstanceOf(MissingSecretError);
    await expect(manager.createAccessToken('a')).rejects.toMatchObject({ code: 'ERR_JWT_SECRET_MISSING' });
  });
});

describe('createRefreshToken (FJE create_refresh_token)', () => {
  it('has type "refresh", is never fresh, and lasts 30 days', async () => {
    const manager = createJwtManager({ secretKey: 's', clock, randomUUID });
    const payload = payloadOf(await manager.createRefreshToken('alice'));
    expect(Object.keys(payload)).toEqual(['fresh', 'iat', 'jti', 'type', 'sub', 'nbf', 'csrf', 'exp']);
    expect(payload).toMatchObject({ fresh: false, type: 'refresh', exp: NOW + DEFAULT_REFRESH_EXPIRES_SECONDS });
    expect(DEFAULT_REFRESH_EXPIRES_SECONDS).toBe(2_592_000);
  });
});

describe('decodeToken (FJE decode_token)', () => {
  it('returns the claims with the JOSE header', async () => {
    const manager = createJwtManager({ secretKey: 's', clock, randomUUID });
    const decoded = await manager.decodeToken(await manager.createAccessToken('alice'));
    expect(decoded.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decoded.claims.sub).toBe('alice');
  });

  it('fails old tokens after the secret is rotated', async () => {
    const manager = createJwtManager({ secretKey: 'first', clock, randomUUID });
    const token = await manager.createAccessToken('alice');
    manager.setSecretKey('second');
    expect(manager.secretKey).toBe('second');
    await expect(manager.decodeToken(token)).rejects.toBeInstanceOf(InvalidSignatureError);
    expect(payloadOf(await manager.createAccessToken('alice')).sub).toBe('alice');
  });
});
