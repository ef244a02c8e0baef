import { describe, expect, it } from 'vitest';
import { signToken } from '../jwt';
import { duration, type InspectionInput, inspectToken } from './inspectToken';
import {
  changeClaimWithoutResigning,
  freshToken,
  replaceJsonPart,
  resign,
  signWithAnotherSecret,
  switchAlgToNone,
  truncateSignature,
} from './tamper';

const NOW = 1_700_000_000;
const SECRET = 'demo-secret';
const base = { secret: SECRET, secretEncoding: 'text', algorithm: 'HS256', clock: () => NOW } satisfies Omit<
  InspectionInput,
  'token'
>;
const inspect = (token: string, extra: Partial<InspectionInput> = {}) => inspectToken({ ...base, token, ...extra });
const valid = () => signToken({ sub: 'alice', role: 'reader', iat: NOW, exp: NOW + 900 }, SECRET);

describe('inspectToken verdicts name the check that failed', () => {
  it('accepts a valid token and says when it expires', async () => {
    const result = await inspect(await valid());
    expect(result.verdict).toMatchObject({ ok: true, summary: 'valid: signature matches, expires in 15 min' });
    expect(result.steps?.matches).toBe(true);
    expect(result.steps?.hmacHex).toMatch(/^[0-9a-f]{64}$/);
    expect(result.times.map((time) => time.claim)).toEqual(['iat', 'exp']);
  });

  it.each([
    ['', 'empty: paste a token'],
    ['one', 'malformed: 1 part (a JWT has 3)'],
    ['a.b', 'malformed: 2 parts (a JWT has 3)'],
    [
      Array(10).fill('a').join('.'),
      'malformed: 10 parts (a JWT has 3); header is not valid base64url (length 1 cannot come from whole bytes)',
    ],
    [
      'eyJhbGciOiJIUzI1NiJ9.e30.e30.sig',
      'malformed: 4 parts (a JWT has 3); payload is not valid base64url (character "." at position 4 is not base64url)',
    ],
    [
      'eyJhbGciOiJIUzI1NiJ9.e3=.sig',
      'payload is not valid base64url ("=" padding on a length (3) that is not a multiple of 4)',
    ],
    ['bm90IGpzb24.e30.c2ln', 'header is not valid JSON (Expecting value: line 1 column 1 (char 0))'],
    ['WzFd.e30.c2ln', 'header is JSON but not an object'],
    ['😀.😀.😀', 'header is not valid base64url (character "😀" at position 1 is not base64url)'],
  ])('%j → %s', async (token, summary) => {
    expect((await inspect(token)).verdict).toMatchObject({ ok: false, summary });
  });

  it('shows a token of more than three pieces cut as PyJWT cuts it', async () => {
    const [header, payload, signature] = (await valid()).split('.');
    const result = await inspect(`${header}.${payload}.x.${signature}`);
    expect(result.parts.count).toBe(4);
    expect(result.parts.header?.json).toContain('HS256');
    expect(result.parts.payload).toMatchObject({
      segment: `${payload}.x`,
      problem: expect.stringMatching(/^not valid base64url: character "\."/),
    });
    expect(result.parts.signature?.segment).toBe(signature);
    expect(result.verdict.python).toMatch(/raises jwt\.exceptions\.DecodeError: Invalid payload padding$/);
  });

  it('explains each tamper action', async () => {
    const token = await valid();
    expect((await inspect(changeClaimWithoutResigning(token, 'role', 'admin'))).verdict.summary).toBe(
      'signature does not match',
    );
    expect((await inspect(switchAlgToNone(token))).verdict.summary).toBe(
      'alg "none" is always refused: an unsigned token proves nothing',
    );
    expect((await inspect(await signWithAnotherSecret(token, 'other', 'HS256'))).verdict.summary).toBe(
      'signature does not match',
    );
    expect((await inspect(truncateSignature(token))).verdict).toMatchObject({
      ok: false,
      check: expect.stringMatching(/signature/),
    });
    const resigned = await resign(changeClaimWithoutResigning(token, 'role', 'admin'), SECRET, 'HS256');
    expect((await inspect(resigned)).verdict.ok).toBe(true);
  });

  it('says how long ago a token expired, and when an nbf starts', async () => {
    const expired = await signToken({ exp: NOW - 42 }, SECRET);
    expect((await inspect(expired)).verdict.summary).toBe('expired 42 s ago');
    expect((await inspect(expired)).verdict.python).toBe(
      'jwt.decode(token, secret, algorithms=["HS256"]) raises jwt.exceptions.ExpiredSignatureError: Signature has expired',
    );
    const early = await signToken({ nbf: NOW + 3600 }, SECRET);
    expect((await inspect(early)).verdict.summary).toBe('not valid yet: nbf is in 1 h');
  });

  it('handles the secret: empty, base64url, wrong algorithm', async () => {
    const token = await valid();
    expect((await inspect(token, { secret: '' })).verdict.summary).toBe('enter the secret key to check the signature');
    expect((await inspect(token, { secret: 'a+b', secretEncoding: 'base64url' })).verdict.summary).toMatch(
      /^secret key: the key is not valid base64url/,
    );
    expect((await inspect(token, { secret: 'ZGVtby1zZWNyZXQ', secretEncoding: 'base64url' })).verdict.ok).toBe(true);
    expect((await inspect(token, { algorithm: 'HS512' })).verdict.summary).toBe(
      'alg "HS256" is not allowed (the server accepts HS512)',
    );
  });

  it('survives a megabyte of text and unknown algorithms without throwing', async () => {
    const huge = 'x'.repeat(1_000_000);
    expect((await inspect(huge)).verdict.summary).toBe('malformed: 1 part (a JWT has 3)');
    const hugeToken = `${huge}.${huge}.${huge}`;
    const result = await inspect(hugeToken);
    expect(result.verdict.ok).toBe(false);
    expect(result.parts.header?.segment.length).toBeLessThan(30_000);
    const rs = replaceJsonPart(await valid(), 'header', '{"alg":"RS256","typ":"JWT"}');
    expect((await inspect(rs)).verdict.summary).toBe('alg "RS256" is not allowed (the server accepts HS256)');
  });

  it('makes a fresh token with exp 15 minutes ahead', async () => {
    const fresh = await freshToken(await signToken({ sub: 'a', exp: 1 }, SECRET), SECRET, 'HS256', NOW);
    expect((await inspect(fresh)).verdict).toMatchObject({
      ok: true,
      summary: 'valid: signature matches, expires in 15 min',
    });
  });

  it('formats durations', () => {
    expect([0, 59, 60, 303, 3600, 7260, 86_400, 200_000].map(duration)).toEqual([
      '0 s',
      '59 s',
      '1 min',
      '5 min 3 s',
      '1 h',
      '2 h 1 min',
      '1 day',
      '2 days',
    ]);
  });
});
