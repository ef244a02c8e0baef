import { describe, expect, it } from 'vitest';
import { base64urlEncodeText, signToken } from '../jwt';
import { createApp } from './app';
import { createJwtManager, type TokenInBlocklist } from './jwtManager';
import { jwtRequired } from './jwtRequired';
import type { TestRequestOptions } from './testClient';
import { verifyJwtInRequest } from './verifyJwtInRequest';

const NOW = 1_700_000_000;
const SECRET = 'test-secret';

/** The exact bytes Flask sends for FJE's `{"msg": ...}` answers. */
const msgBody = (msg: string) => `${JSON.stringify({ msg })}\n`;

const MISSING_BEARER = "Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'";
const BAD_HEADER = "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'";

function bearer(token: string): TestRequestOptions {
  return { headers: { Authorization: `Bearer ${token}` } };
}

function setup(options: { tokenInBlocklist?: TokenInBlocklist } = {}) {
  let now = NOW;
  const app = createApp();
  const manager = createJwtManager({
    secretKey: SECRET,
    clock: () => now,
    randomUUID: () => '11111111-1111-4111-8111-111111111111',
    app,
    ...(options.tokenInBlocklist ? { tokenInBlocklist: options.tokenInBlocklist } : {}),
  });
  app.get(
    '/protected',
    jwtRequired(({ jwt }) => ({ logged_in_as: jwt?.identity ?? null })),
  );
  app.get(
    '/claims',
    jwtRequired(({ jwt }) => ({ claims: jwt?.claims ?? null, header: jwt?.header ?? null })),
  );
  app.get(
    '/optional',
    jwtRequired(({ jwt }) => ({ identity: jwt?.identity ?? null, claims: jwt?.claims ?? null }), { optional: true }),
  );
  app.post(
    '/refresh',
    jwtRequired(({ jwt }) => ({ refreshed_for: jwt?.identity ?? null }), { refresh: true }),
  );
  app.get(
    '/fresh',
    jwtRequired(({ jwt }) => ({ identity: jwt?.identity ?? null }), { fresh: true }),
  );
  // Listing OPTIONS turns off Flask's automatic answer, so the view itself sees the preflight.
  app.route(
    ['GET', 'OPTIONS'],
    '/preflight',
    jwtRequired(({ request, jwt }) => ({ method: request.method, has_jwt: jwt !== undefined })),
  );
  return {
    app,
    manager,
    client: app.testClient(),
    setNow(seconds: number) {
      now = seconds;
    },
  };
}

describe("jwtRequired: every row of the reference's failure table", () => {
  it('no Authorization header: 401 Missing Authorization Header', async () => {
    const { client } = setup();
    const response = await client.get('/protected');
    expect(response.statusCode).toBe(401);
    expect(response.status).toBe('401 UNAUTHORIZED');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).toBe('{"msg":"Missing Authorization Header"}\n');
    expect(response.json).toEqual({ msg: 'Missing Authorization Header' });
    expect(response.raisedError).toMatchObject({
      pythonName: 'flask_jwt_extended.exceptions.NoAuthorizationError',
      code: 'ERR_FJE_NO_AUTHORIZATION',
    });
  });

  it.each(['Token abc', 'Basic x', 'bearer abc.def.ghi'])(
    'header %j of another type: 401 Missing Bearer type',
    async (value) => {
      const { client } = setup();
      const response = await client.get('/protected', { headers: { Authorization: value } });
      expect(response.statusCode).toBe(401);
      expect(response.body).toBe(
        `{"msg":"Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'"}\n`,
      );
    },
  );

  it.each(['Bearer', 'Bearer ', 'Bearer a b'])('%j: 422 Bad Authorization header', async (value) => {
    const { client } = setup();
    const response = await client.get('/protected', { headers: { Authorization: value } });
    expect(response.statusCode).toBe(422);
    expect(response.status).toBe('422 UNPROCESSABLE ENTITY');
    expect(response.body).toBe(`{"msg":"Bad Authorization header. Expected 'Authorization: Bearer <JWT>'"}\n`);
    expect(response.raisedError?.code).toBe('ERR_FJE_INVALID_HEADER');
  });

  it.each(['abc', 'abc.def'])('Bearer %s: 422 Not enough segments', async (token) => {
    const { client } = setup();
    const response = await client.get('/protected', bearer(token));
    expect(response.statusCode).toBe(422);
    expect(response.body).toBe('{"msg":"Not enough segments"}\n');
    expect(response.raisedError).toMatchObject({ pythonName: 'jwt.exceptions.DecodeError', code: 'ERR_JWT_DECODE' });
  });

  it('a token signed with another secret: 422 Signature verification failed', async () => {
    const { client } = setup();
    const other = createJwtManager({ secretKey: 'another-secret', clock: () => NOW });
    const response = await client.get('/protected', bearer(await other.createAccessToken('alice')));
    expect(response.statusCode).toBe(422);
    expect(response.body).toBe('{"msg":"Signature verification failed"}\n');
    expect(response.raisedError?.code).toBe('ERR_JWT_INVALID_SIGNATURE');
  });

  it('a tampered payload: 422 Signature verification failed', async () => {
    const { client, manager } = setup();
    const [header, , signature] = (await manager.createAccessToken('alice')).split('.');
    const forged = await manager.createAccessToken('admin');
    const tampered = `${header}.${forged.split('.')[1]}.${signature}`;
    const response = await client.get('/protected', bearer(tampered));
    expect(response.statusCode).toBe(422);
    expect(response.body).toBe('{"msg":"Signature verification failed"}\n');
  });

  it('exp passed: 401 Token has expired', async () => {
    const { client, manager, setNow } = setup();
    const token = await manager.createAccessToken('alice');
    setNow(NOW + 3600);
    const response = await client.get('/protected', bearer(token));
    expect(response.statusCode).toBe(401);
    expect(response.body).toBe('{"msg":"Token has expired"}\n');
    expect(response.raisedError).toMatchObject({ pythonName: 'jwt.exceptions.ExpiredSignatureError' });
  });

  it('nbf in the future: 422 The token is not yet valid (nbf)', async () => {
    const { client, manager } = setup();
    const token = await manager.createAccessToken('alice', { additionalClaims: { nbf: NOW + 60 } });
    const response = await client.get('/protected', bearer(token));
    expect(response.statusCode).toBe(422);
    expect(response.body).toBe('{"msg":"The token is not yet valid (nbf)"}\n');
  });

  it('a refresh token on a plain jwtRequired: 422 Only non-refresh tokens are allowed', async () => {
    const { client, manager } = setup();
    const response = await client.get('/protected', bearer(await manager.createRefreshToken('alice')));
    expect(response.statusCode).toBe(422);
    expect(response.body).toBe('{"msg":"Only non-refresh tokens are allowed"}\n');
    expect(response.raisedError?.code).toBe('ERR_FJE_WRONG_TOKEN');
  });

  it('a revoked token: 401 Token has been revoked, asking the blocklist with the payload and header', async () => {
    const seen: Array<[Record<string, unknown>, Record<string, unknown>]> = [];
    const { client, manager } = setup({
      tokenInBlocklist: async (payload, header) => {
        seen.push([payload, header]);
        return payload.sub === 'mallory';
      },
    });
    const revoked = await client.get('/protected', bearer(await manager.createAccessToken('mallory')));
    expect(revoked.statusCode).toBe(401);
    expect(revoked.body).toBe('{"msg":"Token has been revoked"}\n');
    expect(revoked.raisedError?.code).toBe('ERR_FJE_REVOKED');
    const allowed = await client.get('/protected', bearer(await manager.createAccessToken('alice')));
    expect(allowed.statusCode).toBe(200);
    expect(seen.map(([payload, header]) => [payload.sub, payload.jti, header.alg])).toEqual([
      ['mallory', '11111111-1111-4111-8111-111111111111', 'HS256'],
      ['alice', '11111111-1111-4111-8111-111111111111', 'HS256'],
    ]);
  });

  it('the blocklist can be set later with tokenInBlocklistLoader', async () => {
    const { client, manager } = setup();
    const token = await manager.createAccessToken('alice');
    expect((await client.get('/protected', bearer(token))).statusCode).toBe(200);
    manager.tokenInBlocklistLoader(() => true);
    expect((await client.get('/protected', bearer(token))).body).toBe(msgBody('Token has been revoked'));
  });
});

describe('jwtRequired: what gets through, and what the view sees', () => {
  it('a valid token reaches the view with get_jwt_identity() and get_jwt()', async () => {
    const { client, manager } = setup();
    const token = await manager.createAccessToken('alice', { additionalClaims: { role: 'reader' } });
    const response = await client.get('/protected', bearer(token));
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('{"logged_in_as":"alice"}\n');
    const claims = await client.get('/claims', bearer(token));
    expect(claims.json).toEqual({
      claims: {
        fresh: false,
        iat: NOW,
        jti: '11111111-1111-4111-8111-111111111111',
        type: 'access',
        sub: 'alice',
        nbf: NOW,
        csrf: '11111111-1111-4111-8111-111111111111',
        exp: NOW + 900,
        role: 'reader',
      },
      header: { alg: 'HS256', typ: 'JWT' },
    });
  });

  it('reads the header name case-insensitively and tolerates other schemes around Bearer', async () => {
    const { client, manager } = setup();
    const token = await manager.createAccessToken('alice');
    expect((await client.get('/protected', { headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect(
      (await client.get('/protected', { headers: { AUTHORIZATION: ` Basic x, Bearer ${token} ` } })).statusCode,
    ).toBe(200);
    expect((await client.get('/protected', { headers: { Authorization: `Bearer   ${token}` } })).statusCode).toBe(200);
  });

  it('skips an empty field between commas, as FJE 4.7 does', async () => {
    const { client, manager } = setup();
    const token = await manager.createAccessToken('alice');
    const response = await client.get('/protected', { headers: { Authorization: `Basic x,,Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
  });

  it('a first field of whitespace alone is a 500, as the IndexError in FJE is', async () => {
    const { client, manager } = setup();
    const token = await manager.createAccessToken('alice');
    const response = await client.get('/protected', { headers: { Authorization: `,\u001c,Bearer ${token}` } });
    expect(response.statusCode).toBe(500);
    expect(response.raisedError).toMatchObject({ pythonName: 'IndexError', message: 'list index out of range' });
  });

  it('expires at the very second of exp: 200 one second before, 401 at iat + 900', async () => {
    const { client, manager, setNow } = setup();
    const token = await manager.createAccessToken('alice');
    setNow(NOW + 899);
    expect((await client.get('/protected', bearer(token))).statusCode).toBe(200);
    setNow(NOW + 900);
    const response = await client.get('/protected', bearer(token));
    expect(response.statusCode).toBe(401);
    expect(response.body).toBe('{"msg":"Token has expired"}\n');
  });

  it('lives 15 minutes by the clock: fine after 14:59, expired at 15:00 and after', async () => {
    const { client, manager, setNow } = setup();
    const token = await manager.createAccessToken('alice');
    for (const [elapsed, status] of [
      [0, 200],
      [60, 200],
      [14 * 60 + 59, 200],
      [15 * 60, 401],
      [24 * 3600, 401],
    ] as const) {
      setNow(NOW + elapsed);
      expect((await client.get('/protected', bearer(token))).statusCode, `after ${elapsed}s`).toBe(status);
    }
  });

  it('accepts an expires_delta of its own: 60 seconds', async () => {
    const { client, manager, setNow } = setup();
    const token = await manager.createAccessToken('alice', { expiresDeltaSeconds: 60 });
    setNow(NOW + 60);
    expect((await client.get('/protected', bearer(token))).body).toBe(msgBody('Token has expired'));
  });

  it('a rotated secret makes old tokens fail with 422 Signature verification failed, new ones work', async () => {
    const { client, manager } = setup();
    const old = await manager.createAccessToken('alice');
    expect((await client.get('/protected', bearer(old))).statusCode).toBe(200);
    manager.setSecretKey('a-brand-new-secret');
    const response = await client.get('/protected', bearer(old));
    expect(response.statusCode).toBe(422);
    expect(response.body).toBe('{"msg":"Signature verification failed"}\n');
    const fresh = await manager.createAccessToken('alice');
    expect((await client.get('/protected', bearer(fresh))).statusCode).toBe(200);
  });

  it('identity=1: the token is created, the route answers 422 Subject must be a string', async () => {
    const { client, manager } = setup();
    const token = await manager.createAccessToken(1);
    const response = await client.get('/protected', bearer(token));
    expect(response.statusCode).toBe(422);
    expect(response.body).toBe('{"msg":"Subject must be a string"}\n');
    expect(response.raisedError?.code).toBe('ERR_JWT_INVALID_SUBJECT');
  });

  it('an expired token with a non-string sub says Subject must be a string (FJE decodes it again)', async () => {
    const { client, manager, setNow } = setup();
    const token = await manager.createAccessToken(1);
    setNow(NOW + 901);
    expect((await client.get('/protected', bearer(token))).body).toBe(msgBody('Subject must be a string'));
  });

  it('an expired token without sub says Missing claim: sub (FJE decodes it again)', async () => {
    const { client } = setup();
    const token = await signToken({ iat: NOW - 1000, exp: NOW - 100 }, SECRET);
    const response = await client.get('/protected', bearer(token));
    expect([response.statusCode, response.body]).toEqual([422, msgBody('Missing claim: sub')]);
  });

  it('a jti that is not a string: 422 JWT ID must be a string (PyJWT 2.10+), expired or not', async () => {
    const { client } = setup();
    for (const claims of [
      { sub: 'alice', jti: 123 },
      { sub: 'alice', jti: null },
      { sub: 'alice', jti: 123, exp: NOW - 100 },
    ]) {
      const response = await client.get('/protected', bearer(await signToken(claims, SECRET)));
      expect([response.statusCode, response.body], JSON.stringify(claims)).toEqual([
        422,
        msgBody('JWT ID must be a string'),
      ]);
      expect(response.raisedError?.pythonName).toBe('jwt.exceptions.InvalidJTIError');
    }
    // sub is checked before jti, as PyJWT does.
    const both = await signToken({ sub: 1, jti: 123 }, SECRET);
    expect((await client.get('/protected', bearer(both))).body).toBe(msgBody('Subject must be a string'));
  });

  it('a token issued in the future: 422 The token is not yet valid (iat)', async () => {
    const { client, manager, setNow } = setup();
    setNow(NOW + 600);
    const token = await manager.createAccessToken('alice');
    setNow(NOW);
    expect((await client.get('/protected', bearer(token))).body).toBe(msgBody('The token is not yet valid (iat)'));
  });

  it('passes other engine errors through as 422 with their message', async () => {
    const { client } = setup();
    const hs512 = await signToken({ sub: 'alice' }, SECRET, { algorithm: 'HS512' });
    const noSub = await signToken({ iat: NOW }, SECRET);
    for (const [token, msg] of [
      [hs512, 'The specified alg value is not allowed'],
      [noSub, 'Missing claim: sub'],
      ['e30.e30.e30.AA', 'Invalid payload padding'], // PyJWT reads "e30.e30" as the payload
      [`${base64urlEncodeText('nope')}.e30.AA`, 'Invalid header string: Expecting value: line 1 column 1 (char 0)'],
      ['!!!.e30.AA', 'Invalid header padding'],
    ] as const) {
      const response = await client.get('/protected', bearer(token));
      expect(response.statusCode, msg).toBe(422);
      expect(response.body).toBe(msgBody(msg));
    }
  });

  it('OPTIONS is exempt: a view that lists OPTIONS runs without a token and without jwt', async () => {
    const { client } = setup();
    const response = await client.options('/preflight');
    expect(response.statusCode).toBe(200);
    expect(response.json).toEqual({ has_jwt: false, method: 'OPTIONS' });
    expect((await client.get('/preflight')).statusCode).toBe(401);
  });

  it("OPTIONS on an ordinary protected route gets Flask's automatic answer; the view never runs", async () => {
    const { client } = setup();
    const response = await client.options('/protected');
    expect(response.statusCode).toBe(200);
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.body).toBe('');
  });

  it('HEAD is not exempt: 401 with the length of the body it does not send', async () => {
    const { client } = setup();
    const response = await client.head('/protected');
    expect(response.statusCode).toBe(401);
    expect(response.body).toBe('');
    expect(response.headers.get('Content-Length')).toBe('39');
  });

  it('optional=True lets requests without a token through, with no identity', async () => {
    const { client, manager } = setup();
    const anonymous = await client.get('/optional');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json).toEqual({ identity: null, claims: {} });
    // "Missing 'Bearer' type" is also a NoAuthorizationError, so it passes too, as in FJE.
    expect((await client.get('/optional', { headers: { Authorization: 'Basic x' } })).json).toEqual({
      identity: null,
      claims: {},
    });
    const named = await client.get('/optional', bearer(await manager.createAccessToken('alice')));
    expect(named.json).toMatchObject({ identity: 'alice' });
  });

  it('optional=True still refuses a bad header or a bad token', async () => {
    const { client } = setup();
    expect((await client.get('/optional', { headers: { Authorization: 'Bearer' } })).body).toBe(msgBody(BAD_HEADER));
    expect((await client.get('/optional', bearer('abc'))).body).toBe(msgBody('Not enough segments'));
  });

  it('refresh=True wants a refresh token: 200 for one, 422 Only refresh tokens are allowed for an access token', async () => {
    const { client, manager, setNow } = setup();
    const refresh = await manager.createRefreshToken('alice');
    const ok = await client.post('/refresh', bearer(refresh));
    expect(ok.statusCode).toBe(200);
    expect(ok.json).toEqual({ refreshed_for: 'alice' });
    const wrong = await client.post('/refresh', bearer(await manager.createAccessToken('alice')));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toBe('{"msg":"Only refresh tokens are allowed"}\n');
    setNow(NOW + 29 * 24 * 3600);
    expect((await client.post('/refresh', bearer(refresh))).statusCode).toBe(200);
    setNow(NOW + 30 * 24 * 3600);
    expect((await client.post('/refresh', bearer(refresh))).body).toBe(msgBody('Token has expired'));
  });

  it('fresh=True: 401 Fresh token required for a non-fresh token, 200 for a fresh one', async () => {
    const { client, manager } = setup();
    const stale = await client.get('/fresh', bearer(await manager.createAccessToken('alice')));
    expect(stale.statusCode).toBe(401);
    expect(stale.body).toBe('{"msg":"Fresh token required"}\n');
    const fresh = await client.get('/fresh', bearer(await manager.createAccessToken('alice', { fresh: true })));
    expect(fresh.statusCode).toBe(200);
  });

  it('without a JwtManager on the app, the route fails with a 500 (RuntimeError)', async () => {
    const app = createApp().get(
      '/protected',
      jwtRequired(() => ({ ok: true })),
    );
    const response = await app.testClient().get('/protected', bearer('a.b.c'));
    expect(response.statusCode).toBe(500);
    expect(response.raisedError).toMatchObject({ pythonName: 'RuntimeError', code: 'ERR_NO_JWT_MANAGER' });
  });

  it('with an empty secret, verification fails with a 500 (RuntimeError), not a 422', async () => {
    const { client, manager } = setup();
    const token = await manager.createAccessToken('alice');
    manager.setSecretKey('');
    const response = await client.get('/protected', bearer(token));
    expect(response.statusCode).toBe(500);
    expect(response.raisedError?.code).toBe('ERR_JWT_SECRET_MISSING');
  });

  it('verifyJwtInRequest works inside a view, like verify_jwt_in_request()', async () => {
    const { app, client, manager } = setup();
    app.get('/maybe', async (context) => {
      const jwt = await verifyJwtInRequest(context, { optional: true });
      return { hello: jwt?.identity ?? 'stranger' };
    });
    expect((await client.get('/maybe')).json).toEqual({ hello: 'stranger' });
    expect((await client.get('/maybe', bearer(await manager.createAccessToken('bob')))).json).toEqual({ hello: 'bob' });
    expect((await client.get('/maybe', bearer('abc'))).statusCode).toBe(422);
  });

  it('keeps the view name as the endpoint, like functools.wraps', () => {
    const guarded = jwtRequired(function protectedView() {
      return {};
    });
    expect(guarded.name).toBe('protectedView');
  });
});

// The helper is exercised above; this keeps its shape honest.
it('msgBody writes what jsonify writes for ASCII messages', () => {
  expect(msgBody(MISSING_BEARER)).toBe(
    `{"msg":"Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'"}\n`,
  );
});
