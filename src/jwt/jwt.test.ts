import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { REFERENCE_PYTHON, referencePythonHas, warnSkipped } from '../../tests/support/referencePython';
import {
  base64urlDecode,
  base64urlEncode,
  DecodeError,
  decodeToken,
  ExpiredSignatureError,
  HMAC_ALGORITHM_NAMES,
  type HmacAlgorithm,
  ImmatureSignatureError,
  InvalidAlgorithmError,
  InvalidIssuedAtError,
  InvalidKeyError,
  InvalidSignatureError,
  InvalidSubjectError,
  MissingRequiredClaimError,
  PyJWTError,
  pythonJsonDumps,
  signSegments,
  signToken,
  verifyToken,
} from './index';

const NOW = 1_700_000_000;
const clock = () => NOW;

// RFC 7515, Appendix A.1: work nobody here wrote.
const RFC_KEY = { base64url: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' };
const RFC_TOKEN =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

async function expectJwtError<E extends PyJWTError>(
  promise: Promise<unknown>,
  type: new (...args: never[]) => E,
  code: string,
  message: string,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(type);
  expect(error).toMatchObject({ code, message });
  return error as E;
}

describe('RFC 7515 Appendix A.1', () => {
  it('verifies the test vector (its exp is 2011: frozen clock before it)', async () => {
    const { payload, header } = await verifyToken(RFC_TOKEN, RFC_KEY, { clock: () => 1_300_819_000 });
    expect(header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
  });

  it('reports it expired with a real clock, and how long ago', async () => {
    const error = await expectJwtError(
      verifyToken(RFC_TOKEN, RFC_KEY),
      ExpiredSignatureError,
      'ERR_JWT_EXPIRED',
      'Signature has expired',
    );
    expect(error.expiredSecondsAgo).toBeGreaterThan(400_000_000);
  });

  it('signs the exact header and payload texts of the RFC to the same signature', async () => {
    const header = '{"typ":"JWT",\r\n "alg":"HS256"}';
    const payload = '{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}';
    expect(await signSegments(header, payload, RFC_KEY, 'HS256')).toBe(RFC_TOKEN);
  });
});

describe('interoperability with jose, for every algorithm', () => {
  const secret = new TextEncoder().encode('a-secret-of-at-least-64-bytes-for-hs512-keys-......................');
  for (const algorithm of HMAC_ALGORITHM_NAMES) {
    it(`${algorithm}: jose verifies our tokens`, async () => {
      const token = await signToken({ sub: 'alice', n: 1.5, iat: NOW }, secret, { algorithm });
      const { payload, protectedHeader } = await jwtVerify(token, secret, {
        algorithms: [algorithm],
        currentDate: new Date(NOW * 1000),
      });
      expect(protectedHeader).toEqual({ alg: algorithm, typ: 'JWT' });
      expect(payload).toEqual({ sub: 'alice', n: 1.5, iat: NOW });
    });

    it(`${algorithm}: we verify jose's tokens`, async () => {
      const token = await new SignJWT({ role: 'reader', ü: 'ç' })
        .setProtectedHeader({ alg: algorithm, kid: 'k1' })
        .setSubject('bob')
        .setIssuedAt(NOW)
        .setExpirationTime(NOW + 60)
        .sign(secret);
      const { payload, header } = await verifyToken(token, secret, { algorithms: [algorithm], clock });
      expect(header).toEqual({ alg: algorithm, kid: 'k1' });
      expect(payload).toEqual({ role: 'reader', ü: 'ç', sub: 'bob', iat: NOW, exp: NOW + 60 });
    });
  }
});

describe('byte-identical to PyJWT', () => {
  it('writes the header PyJWT writes: sorted keys, compact', async () => {
    const token = await signToken({ sub: 'alice' }, 'secret');
    expect(token.split('.')[0]).toBe('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
  });

  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"b":1,"a":[true,null,"x"]}'],
    [{ s: 'é😀\n"\\\u007f\u0001' }, '{"s":"\\u00e9\\ud83d\\ude00\\n\\"\\\\\\u007f\\u0001"}'],
    [
      { f: 1.5, g: 1e-5, h: 1e16, i: 123456789012.25, j: -0.0001, k: 2.5e-300, l: 1e21 },
      '{"f":1.5,"g":1e-05,"h":10000000000000000,"i":123456789012.25,"j":-0.0001,"k":2.5e-300,"l":1e+21}',
    ],
  ])('serialises %j as Python json.dumps does', (value, expected) => {
    expect(pythonJsonDumps(value)).toBe(expected);
  });

  const pyjwt = referencePythonHas('jwt');
  if (!pyjwt) warnSkipped('comparing signToken with real PyJWT', `${REFERENCE_PYTHON} cannot import jwt`);
  it.skipIf(!pyjwt)('matches real PyJWT token for token (Debian python3-jwt)', async () => {
    const cases: { payload: Record<string, unknown>; algorithm: HmacAlgorithm; headers?: Record<string, unknown> }[] = [
      { payload: { sub: 'alice', iat: NOW, exp: NOW + 900 }, algorithm: 'HS256' },
      { payload: { name: 'Zoë 😀', tags: ['a', 'b'], nested: { z: 1, a: 2 } }, algorithm: 'HS384' },
      {
        payload: { x: 0.1, y: 1e-7, z: 12345678901234567000, w: -2.5e300 },
        algorithm: 'HS512',
        headers: { kid: 'k-1', cty: 'x' },
      },
    ];
    const script = `import json, sys, jwt\nfor c in json.load(sys.stdin):\n    print(jwt.encode(c["payload"], "s3cret-ünïcode", algorithm=c["algorithm"], headers=c.get("headers")))`;
    const expected = execFileSync(REFERENCE_PYTHON, ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' })
      .trim()
      .split('\n');
    const ours = await Promise.all(
      cases.map((c) => signToken(c.payload, 's3cret-ünïcode', { algorithm: c.algorithm, headers: c.headers ?? {} })),
    );
    expect(ours).toEqual(expected);
  });
});

describe('verifyToken: every check, with PyJWT names and messages', () => {
  const key = 'secret-key';
  const sign = (payload: Record<string, unknown>, headers?: Record<string, unknown>) =>
    signToken(payload, key, headers ? { headers } : {});

  it('returns header and payload of a valid token', async () => {
    const token = await sign({ sub: 'alice', iat: NOW, nbf: NOW, exp: NOW + 1 });
    await expect(verifyToken(token, key, { clock })).resolves.toMatchObject({
      payload: { sub: 'alice' },
      algorithm: 'HS256',
    });
  });

  it.each([
    ['', 'Not enough segments', 1],
    ['abc', 'Not enough segments', 1],
    ['a.b', 'Not enough segments', 2],
  ])('%j → DecodeError %s', async (token, message, count) => {
    const error = await expectJwtError(verifyToken(token, key), DecodeError, 'ERR_JWT_DECODE', message);
    expect(error.problem).toEqual({ kind: 'segments', count });
  });

  it('cuts a token of more than three pieces as PyJWT does: extra dots go to the payload', async () => {
    const token = await sign({ a: 1 });
    const [header, payload, signature] = token.split('.');
    // rsplit(".", 1) then split(".", 1): the payload segment is "<payload>.x", which base64url refuses.
    const error = await expectJwtError(
      verifyToken(`${header}.${payload}.x.${signature}`, key),
      DecodeError,
      'ERR_JWT_DECODE',
      'Invalid payload padding',
    );
    expect(error.problem).toMatchObject({ kind: 'base64url', part: 'payload' });
    // The header is read first: a bad one is what PyJWT names.
    await expectJwtError(verifyToken('a.b.c.d', key), DecodeError, 'ERR_JWT_DECODE', 'Invalid header padding');
    // With b64 false the payload segment must be empty, before any base64.
    const unencoded = base64urlEncode(new TextEncoder().encode('{"alg":"HS256","b64":false}'));
    await expectJwtError(
      verifyToken(`${unencoded}.a.b.c`, key),
      DecodeError,
      'ERR_JWT_DECODE',
      "Payload segment must be empty when 'b64' is false.",
    );
  });

  it('accepts up to two "=" of padding on a length that is a multiple of 4, as PyJWT 2.15 does', async () => {
    const token = await signSegments('{"alg": "HS256"}', '{"a":1}', key, 'HS256');
    const [header, payload, signature] = token.split('.');
    expect(`${header}`.length % 4).toBe(2);
    await expect(verifyToken(`${header}==.${payload}.${signature}`, key)).rejects.toMatchObject({
      name: 'InvalidSignatureError', // the signing input changed; the padding itself was accepted
    });
    await expectJwtError(
      verifyToken(`${header}=.${payload}.${signature}`, key),
      DecodeError,
      'ERR_JWT_DECODE',
      'Invalid header padding',
    );
    await expectJwtError(
      verifyToken(`${header}===.${payload}.${signature}`, key),
      DecodeError,
      'ERR_JWT_DECODE',
      'Invalid header padding',
    );
  });

  it('names the part with bad base64url, as PyJWT does', async () => {
    const token = await sign({ a: 1 });
    const [header, payload, signature] = token.split('.');
    await expectJwtError(
      verifyToken(`${header}=.${payload}.${signature}`, key),
      DecodeError,
      'ERR_JWT_DECODE',
      'Invalid header padding',
    );
    await expectJwtError(
      verifyToken(`${header}.${payload}*.${signature}`, key),
      DecodeError,
      'ERR_JWT_DECODE',
      'Invalid payload padding',
    );
    const error = await expectJwtError(
      verifyToken(`${header}.${payload}.${signature}$`, key),
      DecodeError,
      'ERR_JWT_DECODE',
      'Invalid crypto padding',
    );
    expect(error.problem).toMatchObject({ kind: 'base64url', part: 'signature' });
  });

  it('refuses a header that is not JSON, or not an object', async () => {
    const notJson = `${base64urlEncode(new TextEncoder().encode('{oops'))}.e30.`;
    await expectJwtError(
      verifyToken(notJson, key),
      DecodeError,
      'ERR_JWT_DECODE',
      'Invalid header string: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)',
    );
    const notUtf8 = `${base64urlEncode(Uint8Array.of(0xff, 0x7b))}.e30.`;
    await expectJwtError(
      verifyToken(notUtf8, key),
      DecodeError,
      'ERR_JWT_DECODE',
      "Invalid header string: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
    );
    const array = `${base64urlEncode(new TextEncoder().encode('[1]'))}.e30.`;
    await expectJwtError(
      verifyToken(array, key),
      DecodeError,
      'ERR_JWT_DECODE',
      'Invalid header string: must be a json object',
    );
  });

  it('refuses alg none always, algorithms off the allow-list, and a missing alg', async () => {
    const token = await sign({ a: 1 });
    const [, payload] = token.split('.');
    const none = `${base64urlEncode(new TextEncoder().encode('{"alg":"none","typ":"JWT"}'))}.${payload}.`;
    await expectJwtError(
      verifyToken(none, key, { algorithms: ['HS256', 'HS384', 'HS512'] }),
      InvalidAlgorithmError,
      'ERR_JWT_INVALID_ALGORITHM',
      'The specified alg value is not allowed',
    );
    const hs512 = await signToken({ a: 1 }, key, { algorithm: 'HS512' });
    await expectJwtError(
      verifyToken(hs512, key),
      InvalidAlgorithmError,
      'ERR_JWT_INVALID_ALGORITHM',
      'The specified alg value is not allowed',
    );
    const noAlg = `${base64urlEncode(new TextEncoder().encode('{"typ":"JWT"}'))}.${payload}.`;
    await expectJwtError(
      verifyToken(noAlg, key),
      InvalidAlgorithmError,
      'ERR_JWT_INVALID_ALGORITHM',
      'Algorithm not specified',
    );
  });

  it('detects another secret and a changed payload', async () => {
    const token = await sign({ role: 'reader' });
    await expectJwtError(
      verifyToken(token, 'other'),
      InvalidSignatureError,
      'ERR_JWT_INVALID_SIGNATURE',
      'Signature verification failed',
    );
    const [header, , signature] = token.split('.');
    const forged = `${header}.${base64urlEncode(new TextEncoder().encode('{"role":"admin"}'))}.${signature}`;
    const error = await expectJwtError(
      verifyToken(forged, key),
      InvalidSignatureError,
      'ERR_JWT_INVALID_SIGNATURE',
      'Signature verification failed',
    );
    expect(error).toBeInstanceOf(DecodeError); // PyJWT's hierarchy
  });

  it('checks the signature before reading the payload JSON (PyJWT order)', async () => {
    const header = base64urlEncode(new TextEncoder().encode('{"alg":"HS256","typ":"JWT"}'));
    const badPayload = base64urlEncode(new TextEncoder().encode('not json'));
    await expectJwtError(
      verifyToken(`${header}.${badPayload}.AAAA`, key),
      InvalidSignatureError,
      'ERR_JWT_INVALID_SIGNATURE',
      'Signature verification failed',
    );
    const signed = await signSegments('{"alg":"HS256","typ":"JWT"}', 'not json', key, 'HS256');
    await expect(verifyToken(signed, key)).rejects.toMatchObject({
      code: 'ERR_JWT_DECODE',
      message: expect.stringMatching(/^Invalid payload string: /),
    });
  });

  it('rules exp expired at the very second of exp, with leeway', async () => {
    const token = await sign({ exp: NOW });
    const error = await expectJwtError(
      verifyToken(token, key, { clock }),
      ExpiredSignatureError,
      'ERR_JWT_EXPIRED',
      'Signature has expired',
    );
    expect(error.expiredSecondsAgo).toBe(0);
    await expect(verifyToken(token, key, { clock: () => NOW - 1 })).resolves.toBeDefined();
    await expect(verifyToken(token, key, { clock, leeway: 1 })).resolves.toBeDefined();
    await expect(verifyToken(token, key, { clock: () => NOW + 42.9 })).rejects.toMatchObject({ expiredSecondsAgo: 42 });
  });

  it('rules nbf and iat in the future immature', async () => {
    const nbf = await sign({ nbf: NOW + 10 });
    await expectJwtError(
      verifyToken(nbf, key, { clock }),
      ImmatureSignatureError,
      'ERR_JWT_IMMATURE',
      'The token is not yet valid (nbf)',
    );
    await expect(verifyToken(nbf, key, { clock, leeway: 10 })).resolves.toBeDefined();
    const iat = await sign({ iat: NOW + 5 });
    await expectJwtError(
      verifyToken(iat, key, { clock }),
      ImmatureSignatureError,
      'ERR_JWT_IMMATURE',
      'The token is not yet valid (iat)',
    );
  });

  it('checks claim types and required claims', async () => {
    await expectJwtError(
      verifyToken(await sign({ iat: 'soon' }), key, { clock }),
      InvalidIssuedAtError,
      'ERR_JWT_INVALID_ISSUED_AT',
      'Issued At claim (iat) must be an integer.',
    );
    await expectJwtError(
      verifyToken(await sign({ exp: 'never' }), key, { clock }),
      DecodeError,
      'ERR_JWT_DECODE',
      'Expiration Time claim (exp) must be an integer.',
    );
    await expect(verifyToken(await sign({ exp: String(NOW + 5) }), key, { clock })).resolves.toBeDefined();
    // PyJWT reads time claims with int(), so integer strings pass.
    await expect(verifyToken(await sign({ iat: String(NOW - 5) }), key, { clock })).resolves.toBeDefined();
    await expectJwtError(
      verifyToken(await sign({ sub: 1 }), key, { clock }),
      InvalidSubjectError,
      'ERR_JWT_INVALID_SUBJECT',
      'Subject must be a string',
    );
    await expectJwtError(
      verifyToken(await sign({ a: 1 }), key, { require: ['exp'] }),
      MissingRequiredClaimError,
      'ERR_JWT_MISSING_CLAIM',
      'Token is missing the "exp" claim',
    );
  });

  it('takes keys as text, bytes or base64url, and refuses empty or bad keys', async () => {
    const bytes = new TextEncoder().encode('secret-key');
    const token = await signToken({ a: 1 }, bytes);
    await expect(verifyToken(token, 'secret-key')).resolves.toBeDefined();
    await expect(verifyToken(token, { base64url: base64urlEncode(bytes) })).resolves.toBeDefined();
    await expectJwtError(verifyToken(token, ''), InvalidKeyError, 'ERR_JWT_INVALID_KEY', 'The secret key is empty');
    await expect(verifyToken(token, { base64url: 'a+b' })).rejects.toMatchObject({ code: 'ERR_JWT_INVALID_KEY' });
  });

  it('decodes without verifying, in order', async () => {
    const token = await sign({ sub: 'alice', role: 'reader' });
    const decoded = decodeToken(token);
    expect(Object.keys(decoded.payload)).toEqual(['sub', 'role']);
    expect(decoded.signingInput).toBe(token.slice(0, token.lastIndexOf('.')));
    expect(decoded.signature).toHaveLength(32);
  });
});

describe('properties (fast-check)', () => {
  it('base64url round-trips any bytes, and only canonical strings decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = base64urlEncode(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(base64urlDecode(text)).toEqual(bytes);
        expect(Buffer.from(bytes).toString('base64url')).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let decoded: Uint8Array | undefined;
        try {
          decoded = base64urlDecode(text);
        } catch {
          return;
        }
        expect(base64urlEncode(decoded)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  const jsonObject = fc.dictionary(
    fc.string({ maxLength: 8 }),
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    ),
    { maxKeys: 6 },
  );

  it('verify(sign(x)) returns x for every algorithm and key', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonObject,
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.constantFrom(...HMAC_ALGORITHM_NAMES),
        async (payload, key, algorithm) => {
          const token = await signToken(payload, key, { algorithm });
          const { payload: verified } = await verifyToken(token, key, {
            algorithms: [algorithm],
            verifySub: false,
            verifyIat: false,
            verifyExp: false,
            verifyNbf: false,
          });
          expect(verified).toEqual(JSON.parse(JSON.stringify(payload)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('detects a change to any character of any segment', async () => {
    const token = await signToken({ sub: 'alice', role: 'reader', exp: NOW + 60 }, 'k');
    for (let index = 0; index < token.length; index++) {
      if (token[index] === '.') continue;
      for (const replacement of ['A', 'B', '_', '-', 'z']) {
        if (replacement === token[index]) continue;
        const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
        await expect(
          verifyToken(tampered, 'k', { clock }),
          `position ${index} → ${replacement}`,
        ).rejects.toBeInstanceOf(PyJWTError);
      }
    }
  });

  it('detects a flip of any bit of any decoded byte of any segment', async () => {
    const token = await signToken({ sub: 'alice' }, 'k');
    const segments = token.split('.');
    for (const [part, segment] of segments.entries()) {
      const bytes = base64urlDecode(segment ?? '');
      for (let index = 0; index < bytes.length; index++) {
        for (let bit = 0; bit < 8; bit++) {
          const copy = bytes.slice();
          copy[index] = (copy[index] ?? 0) ^ (1 << bit);
          const parts = [...segments];
          parts[part] = base64urlEncode(copy);
          await expect(verifyToken(parts.join('.'), 'k')).rejects.toBeInstanceOf(PyJWTError);
        }
      }
    }
  });
});

describe('fuzz: 10,000 random and mutated tokens', () => {
  it('decode and verify only ever throw the engine’s own errors', async () => {
    const valid = await signToken({ sub: 'alice', exp: NOW + 60, nbf: NOW, iat: NOW }, 'k');
    const pieces = ['.', '=', '+', '/', 'eyJ', 'e30', '{', '}', '\u0000', '😀', ' ', '\n', 'A', '_', '-', '%', 'ey'];
    const mutated = fc
      .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 12 }), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }))
      .map(([at, cut, inserts]) => valid.slice(0, at) + inserts.join('') + valid.slice(at + cut));
    const arbitraryToken = fc.oneof(
      mutated,
      fc.string({ maxLength: 60 }),
      fc
        .array(fc.oneof(fc.base64String({ maxLength: 30 }), fc.string({ maxLength: 10 })), { maxLength: 5 })
        .map((parts) => parts.join('.')),
      fc
        .tuple(fc.jsonValue(), fc.jsonValue())
        .map(
          ([h, p]) =>
            `${base64urlEncode(new TextEncoder().encode(JSON.stringify(h) ?? ''))}.${base64urlEncode(new TextEncoder().encode(JSON.stringify(p) ?? ''))}.${valid.split('.')[2]}`,
        ),
    );
    let count = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryToken, async (token) => {
        count++;
        try {
          decodeToken(token);
        } catch (error) {
          expect(error).toBeInstanceOf(PyJWTError);
        }
        try {
          await verifyToken(token, 'k', { clock, algorithms: ['HS256', 'HS512'] });
        } catch (error) {
          expect(error).toBeInstanceOf(PyJWTError);
        }
      }),
      { numRuns: 10_000 },
    );
    expect(count).toBeGreaterThanOrEqual(10_000);
  });
});
