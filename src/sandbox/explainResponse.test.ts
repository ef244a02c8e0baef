import { describe, expect, it } from 'vitest';
import { explainReply } from './explainResponse';

const facts = (statusCode: number, json: unknown, authorization?: string) => ({
  statusCode,
  json,
  authorization,
  serverTime: 1_800_000_000,
});

describe('explainReply', () => {
  it('explains each Flask-JWT-Extended failure from its message, leading with the status', () => {
    expect(explainReply(facts(401, { msg: 'Missing Authorization Header' }))).toMatch(
      /^401: the request carried no Authorization header/,
    );
    expect(explainReply(facts(422, { msg: 'Signature verification failed' }, 'Bearer x'))).toMatch(
      /^422: the server recomputed the HMAC/,
    );
    expect(explainReply(facts(422, { msg: 'Not enough segments' }, 'Bearer abc'))).toMatch(/three base64url parts/);
    expect(
      explainReply(
        facts(
          401,
          { msg: "Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'" },
          'Token abc',
        ),
      ),
    ).toContain('("Token …")');
  });

  it('never explains a status it was not given', () => {
    // The same message under another status still leads with the real status.
    expect(explainReply(facts(500, { msg: 'Token has expired' }))).toMatch(/^500: /);
    expect(explainReply(facts(418, { msg: 'something else' }))).toBe(
      '418: the server refused the request with "something else".',
    );
    expect(explainReply(facts(404, undefined))).toBe('404: no route matches this path.');
  });

  it('measures an expiry from the token that was sent and the server clock', () => {
    const payload = Buffer.from(JSON.stringify({ iat: 1_799_999_000, exp: 1_799_999_900 })).toString('base64url');
    expect(explainReply(facts(401, { msg: 'Token has expired' }, `Bearer eyJhbGciOiJIUzI1NiJ9.${payload}.sig`))).toBe(
      "401: the token's exp claim has passed: It lived 15 min (exp − iat); the server's clock is 1 min 40 s past it. The client must log in again (or use a refresh token).",
    );
  });

  it('tells a login apart from a verified call', () => {
    expect(explainReply(facts(200, { access_token: 'not-a-jwt' }))).toMatch(
      /^200: the username and password were right/,
    );
    expect(explainReply(facts(200, { message: 'Hello, alice!', user: 'alice' }, 'Bearer x'))).toBe(
      '200: the server verified the Bearer token (signature, then expiry) and knows the caller: alice.',
    );
  });
});
