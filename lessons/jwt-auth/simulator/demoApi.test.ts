import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../../src/jwt/index.ts';
import { createDemoApi, DEMO_API_ROUTES, DEMO_SECRET_KEY, DEMO_USERS } from './demoApi.ts';

const NOW = 1_700_000_000;
const BAD_CREDENTIALS = '{"msg":"Bad username or password"}\n';

function demo(options: { secretKey?: string } = {}) {
  let now = NOW;
  const api = createDemoApi({ ...options, clock: () => now, randomUUID: () => '22222222-2222-4222-8222-222222222222' });
  return {
    ...api,
    setNow(seconds: number) {
      now = seconds;
    },
    async login(username: unknown, password: unknown, path = '/login'): Promise<string> {
      const response = await api.client.post(path, { json: { username, password } });
      expect(response.statusCode).toBe(200);
      const token = (response.json as { access_token?: unknown }).access_token;
      if (typeof token !== 'string') throw new Error('no access_token in the login response');
      return token;
    },
  };
}

const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe('the demo API (the lesson flow)', () => {
  it('login -> Bearer -> /protected answers 200 naming alice', async () => {
    const { client, login } = demo();
    expect((await client.get('/protected')).body).toBe('{"msg":"Missing Authorization Header"}\n');
    const token = await login('alice', 'wonderland');
    const response = await client.get('/protected', auth(token));
    expect(response.statusCode).toBe(200);
    expect(response.status).toBe('200 OK');
    expect(response.body).toBe('{"message":"Hello, alice!","user":"alice"}\n');
  });

  it('signs alice\'s token with the lesson\'s fallback key, sub "alice", 15 minutes', async () => {
    const { login, manager } = demo();
    expect(manager.secretKey).toBe(DEMO_SECRET_KEY);
    const payload = decodeToken(await login('alice', 'wonderland')).payload;
    expect(payload).toEqual({
      fresh: false,
      iat: NOW,
      jti: '22222222-2222-4222-8222-222222222222',
      type: 'access',
      sub: 'alice',
      nbf: NOW,
      csrf: '22222222-2222-4222-8222-222222222222',
      exp: NOW + 900,
    });
  });

  it('answers 401 Bad username or password for a wrong password or an unknown user', async () => {
    const { client } = demo();
    for (const json of [
      { username: 'alice', password: 'builder' },
      { username: 'mallory', password: 'wonderland' },
      { username: 'ALICE', password: 'wonderland' },
      { username: 'alice', password: ['wonderland'] },
    ]) {
      const response = await client.post('/login', { json });
      expect(response.statusCode, JSON.stringify(json)).toBe(401);
      expect(response.body).toBe(BAD_CREDENTIALS);
    }
  });

  it('answers bad credentials with 401, and a body that is not JSON as Flask does (400 / 415)', async () => {
    const { client } = demo();
    for (const response of [
      await client.post('/login', { json: {} }),
      await client.post('/login', { json: { username: 'alice' } }),
      await client.post('/login', { json: { username: 'alice', password: 'nope' } }),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(response.body).toBe(BAD_CREDENTIALS);
    }
    const invalid = await client.post('/login', { headers: { 'Content-Type': 'application/json' }, body: '{bad json' });
    expect(invalid.status).toBe('400 BAD REQUEST');
    expect(invalid.mimetype).toBe('text/html');
    const form = await client.post('/login', { body: 'username=alice&password=wonderland' });
    expect(form.status).toBe('415 UNSUPPORTED MEDIA TYPE');
    expect((await client.post('/login')).status).toBe('415 UNSUPPORTED MEDIA TYPE');
    const zero = await client.post('/login', { json: 0 });
    expect(zero.raisedError).toMatchObject({
      pythonName: 'AttributeError',
      message: "'int' object has no attribute 'get'",
    });
  });

  it("fails with a 500 where the lesson's Python would: a JSON body that is not an object, a list as username", async () => {
    const { client } = demo();
    const list = await client.post('/login', { json: ['alice', 'wonderland'] });
    expect(list.statusCode).toBe(500);
    expect(list.raisedError).toMatchObject({
      pythonName: 'AttributeError',
      message: "'list' object has no attribute 'get'",
    });
    const unhashable = await client.post('/login', { json: { username: ['alice'], password: 'x' } });
    expect(unhashable.raisedError).toMatchObject({ pythonName: 'TypeError', message: "unhashable type: 'list'" });
  });

  it('GET /me gives the username and the role stored on the server', async () => {
    const { client, login } = demo();
    const alice = await client.get('/me', auth(await login('alice', 'wonderland')));
    expect(alice.body).toBe('{"role":"reader","username":"alice"}\n');
    const bob = await client.get('/me', auth(await login('bob', 'builder')));
    expect(bob.json).toEqual({ username: 'bob', role: DEMO_USERS.bob.role });
    expect((await client.get('/me')).statusCode).toBe(401);
  });

  it('GET /me answers 404 for a validly signed token naming nobody it knows', async () => {
    const { client, manager } = demo();
    const response = await client.get('/me', auth(await manager.createAccessToken('mallory')));
    expect(response.statusCode).toBe(404);
    expect(response.body).toBe('{"msg":"User not found"}\n');
  });

  it('the leaky login puts the password in the payload, readable without the secret', async () => {
    const { client, login } = demo();
    const token = await login('alice', 'wonderland', '/login-leaky');
    const [, payloadPart = ''] = token.split('.');
    const readable = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(readable.password).toBe('wonderland');
    expect(Object.keys(readable)).toEqual(['fresh', 'iat', 'jti', 'type', 'sub', 'nbf', 'csrf', 'exp', 'password']);
    // The token still works: the leak is silent.
    expect((await client.get('/protected', auth(token))).statusCode).toBe(200);
    expect((await client.post('/login-leaky', { json: { username: 'alice', password: 'nope' } })).statusCode).toBe(401);
  });

  it('the token expires after 15 minutes', async () => {
    const { client, login, setNow } = demo();
    const token = await login('alice', 'wonderland');
    setNow(NOW + 15 * 60);
    const response = await client.get('/protected', auth(token));
    expect(response.statusCode).toBe(401);
    expect(response.body).toBe('{"msg":"Token has expired"}\n');
  });

  it('a changed secret key rejects every older token with 422 Signature verification failed', async () => {
    const { client, login, manager } = demo({ secretKey: 'first-key' });
    const token = await login('alice', 'wonderland');
    manager.setSecretKey('second-key');
    const response = await client.get('/protected', auth(token));
    expect(response.statusCode).toBe(422);
    expect(response.body).toBe('{"msg":"Signature verification failed"}\n');
    expect((await client.get('/protected', auth(await login('alice', 'wonderland')))).statusCode).toBe(200);
  });

  it('routes other methods and paths as Flask would', async () => {
    const { client } = demo();
    const getLogin = await client.get('/login');
    expect(getLogin.statusCode).toBe(405);
    expect(getLogin.headers.get('Allow')).toBe('OPTIONS, POST');
    expect((await client.get('/nowhere')).statusCode).toBe(404);
  });

  it('lists its routes, and every listed route exists', async () => {
    const { app } = demo();
    const registered = app.urlMap.map((route) => route.rule);
    for (const route of DEMO_API_ROUTES) expect(registered).toContain(route.path);
  });
});
