import { describe, expect, it } from 'vitest';
import { readBearerToken } from './authorizationHeader';
import { FlaskSimError, InvalidHeaderError, NoAuthorizationError, PythonException } from './errors';

const MISSING_HEADER = 'Missing Authorization Header';
const MISSING_BEARER = "Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'";
const BAD_HEADER = "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'";

type Outcome = 'missing-header' | 'missing-bearer' | 'bad-header' | 'index-error' | { token: string };

function outcomeOf(value: string | null): Outcome {
  try {
    return { token: readBearerToken(value) };
  } catch (error) {
    if (!(error instanceof FlaskSimError)) throw error;
    if (error instanceof NoAuthorizationError) {
      return error.message === MISSING_HEADER ? 'missing-header' : 'missing-bearer';
    }
    if (error instanceof InvalidHeaderError) return 'bad-header';
    if (error instanceof PythonException && error.pythonName === 'IndexError') return 'index-error';
    throw error;
  }
}

describe('readBearerToken (FJE 4.x _decode_jwt_from_headers)', () => {
  it('takes the token from a well-formed header', () => {
    expect(readBearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it.each([
    [null, 'missing-header'],
    ['', 'missing-header'],
    ['   ', 'missing-header'],
    [',,,', 'missing-header'],
    [' , ', 'missing-header'],
    ['Token abc', 'missing-bearer'],
    ['Basic x', 'missing-bearer'],
    ['bearer x', 'missing-bearer'], // the type is case-sensitive
    ['BEARER x', 'missing-bearer'],
    ['Bearerx y', 'missing-bearer'], // the first word must be exactly Bearer
    ['Bearer a, Bearer b', 'missing-bearer'], // two Bearer fields
    ['Bearer', 'bad-header'],
    ['Bearer   ', 'bad-header'],
    ['Bearer a b', 'bad-header'],
    ['a,,b', 'missing-bearer'], // empty fields are skipped (FJE 4.7: `if s and ...`)
    [', , \u2003BEARERx', 'index-error'], // a first field of whitespace alone: `s.split()[0]` raises
    [',\u001c,Bearer t', 'index-error'],
  ] as const)('%j -> %s', (value, expected) => {
    expect(outcomeOf(value)).toBe(expected);
  });

  it.each([
    ['Basic x, Bearer tok', 'tok'],
    ['Basic x,Bearer tok', 'tok'],
    ['Bearer tok, Basic x', 'tok'],
    ['  Bearer tok  ', 'tok'],
    ['Bearer    tok', 'tok'],
    ['Bearer\ttok', 'tok'],
    [',Bearer tok,', 'tok'],
    ['Bearer tok, ', 'tok'],
    ['Basic x,,Bearer tok', 'tok'],
    ['Basic x, ,Bearer tok', 'tok'],
    ['Bearer tok,\u001c,x', 'tok'],
    ['Bearer a.b.c.d', 'a.b.c.d'], // the header only splits; the token is checked later
  ])('%j -> token %j', (value, token) => {
    expect(readBearerToken(value)).toBe(token);
  });

  it('throws classes with codes: 401 for a missing token, 422 for a bad header', () => {
    expect(() => readBearerToken(null)).toThrow(
      expect.objectContaining({ code: 'ERR_FJE_NO_AUTHORIZATION', message: MISSING_HEADER }),
    );
    expect(() => readBearerToken('Basic x')).toThrow(
      expect.objectContaining({ code: 'ERR_FJE_NO_AUTHORIZATION', message: MISSING_BEARER }),
    );
    expect(() => readBearerToken('Bearer')).toThrow(
      expect.objectContaining({ code: 'ERR_FJE_INVALID_HEADER', message: BAD_HEADER }),
    );
    expect(() => readBearerToken(',\u001c,Bearer t')).toThrow(
      expect.objectContaining({ code: 'ERR_PYTHON_EXCEPTION', pythonName: 'IndexError' }),
    );
  });

  // Produced by running FJE's _decode_jwt_from_headers on random strings, the outcomes
  // checked again against Flask-JWT-Extended 4.7.4 itself; they pin Python's notion of whitespace
  // (U+001C..U+001F and U+0085 are whitespace, U+FEFF is not).
  const PYTHON_VECTORS: ReadonlyArray<readonly [string, string]> = [
    ['\u001c\u2003Bearer\t  \u001f\u0085\ufeff', '\ufeff'],
    ['\u3000Bearer\tBEARER\u0085\u001c\n\n', 'BEARER'],
    ['\u3000\n\u00a0Bearer\t\u2003Bearer \n', 'Bearer'],
    ['\tBearer\t\ufeff\u001f\u001c', '\ufeff'],
    ['\u001c\n\u001fBearer\u3000\u001cx', 'x'],
    ['\u3000Bearer\t\u3000\t\u001ca.b.c', 'a.b.c'],
    ['Bearer\t\ufeff', '\ufeff'],
    [' Bearer \u00e9\u001c,,,', '\u00e9'],
    [' Bearer\tx', 'x'],
    ['Bearer\tbearer\u001c \u00a0', 'bearer'],
    ['  Bearer\tBearer\t', 'Bearer'],
    ['Bearer a.b.c\u00e9bearerxtok', 'a.b.c\u00e9bearerxtok'],
    ['\u00a0\t\u001f\u001f\u3000\u001c,', 'missing-header'],
    ['\n, \u0085\u2003\u2003\u0085\t', 'missing-header'],
    ['\u2003\u001f\u001f\u0085\u001c', 'missing-header'],
    ['', 'missing-header'],
    ['', 'missing-header'],
    ['', 'missing-header'],
    ['\u2003\u001f\u3000\u001f\ufeff\n', 'missing-bearer'],
    ['\u2003\n\u001c\u001c\u2003\u00e9\ufeff', 'missing-bearer'],
    ['\u00a0  \u001f\ufeff\u0085\n\u001c', 'missing-bearer'],
    ['\u00a0\u00a0\u001fbearer\u3000\u00a0\ufeff', 'missing-bearer'],
    ['\u00a0a.b.c\u001cBEARER\u0085', 'missing-bearer'],
    ['\ufeffBEARER\u001c\u0085\u001f,', 'missing-bearer'],
    ['BasicBEARER ', 'missing-bearer'],
    ['\u3000  tok', 'missing-bearer'],
    ['\u2003\nBearer\t\u0085\u0085\u00a0', 'bad-header'],
    ['Bearer\t\u00a0\u001c\u001c \u001c\u001f', 'bad-header'],
    ['\u001fBearer\t\tBEARERBearer\t\ufeff\u3000', 'bad-header'],
    ['Bearer Bearer\t\u2003Bearer\t\u3000\u2003\u001f', 'bad-header'],
    ['\u00a0 Bearer', 'bad-header'],
    ['\u001fBearer\t', 'bad-header'],
    ['Bearer\ttok\n bearer Bearer\ufeff', 'bad-header'],
    ['Bearer', 'bad-header'],
    ['Bearer\t, \u2003\n\u00a0, \u3000', 'bad-header'],
    ['\ufeff\u3000\u00a0,,\ufeff', 'missing-bearer'],
    ['\ufeff\u0085,,\u001cBearer\t', 'bad-header'],
    [', , \u2003BEARERx', 'index-error'],
    [',,Bearer , , \u001cx', 'bad-header'],
    ['x,, \u001f,,bearer  ', 'missing-bearer'],
  ];

  it.each(PYTHON_VECTORS)('agrees with Python on %j', (value, expected) => {
    const outcome = outcomeOf(value);
    expect(typeof outcome === 'string' ? outcome : outcome.token).toBe(expected);
  });
});
