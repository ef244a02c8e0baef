import { InvalidHeaderError, NoAuthorizationError, PythonException } from './errors';
import { pythonSplitOnCommas, pythonSplitWhitespace, pythonStrip } from './pythonText';

/** Flask-JWT-Extended's defaults: `JWT_HEADER_NAME` and `JWT_HEADER_TYPE`. */
export const JWT_HEADER_NAME = 'Authorization';
export const JWT_HEADER_TYPE = 'Bearer';

/**
 * Takes the token out of an Authorization header value exactly as
 * Flask-JWT-Extended 4.x's `_decode_jwt_from_headers` does:
 *
 * 1. strip whitespace, then commas; nothing left: NoAuthorizationError
 *    `Missing Authorization Header` (401);
 * 2. split on `,\s*`; skip empty fields; keep the fields whose first word is
 *    exactly `Bearer` (case-sensitive); not exactly one: NoAuthorizationError
 *    `Missing 'Bearer' type...` (401);
 * 3. that field split on whitespace must be exactly two words, else
 *    InvalidHeaderError `Bad Authorization header...` (422).
 *
 * A field left empty between commas (`Basic x,,Bearer t`) is skipped, as FJE
 * 4.7 does (`if s and s.split()[0] == ...`). A field of whitespace alone, which
 * only the first can be (`,\x1c,Bearer t`), makes `s.split()[0]` raise
 * IndexError, a 500 in Flask; that is kept too.
 *
 * @example readBearerToken('Basic x, Bearer abc.def.ghi') // 'abc.def.ghi'
 */
export function readBearerToken(headerValue: string | null): string {
  const value = pythonStrip(pythonStrip(headerValue ?? ''), ',');
  if (value === '') throw new NoAuthorizationError(`Missing ${JWT_HEADER_NAME} Header`);
  const bearerFields = pythonSplitOnCommas(value).filter((field) => {
    if (field === '') return false;
    const words = pythonSplitWhitespace(field);
    if (words.length === 0) throw new PythonException('IndexError', 'list index out of range');
    return words[0] === JWT_HEADER_TYPE;
  });
  const [field] = bearerFields;
  if (bearerFields.length !== 1 || field === undefined) {
    throw new NoAuthorizationError(
      `Missing '${JWT_HEADER_TYPE}' type in '${JWT_HEADER_NAME}' header. Expected '${JWT_HEADER_NAME}: ${JWT_HEADER_TYPE} <JWT>'`,
    );
  }
  const parts = pythonSplitWhitespace(field);
  const token = parts[1];
  if (parts.length !== 2 || token === undefined) {
    throw new InvalidHeaderError(
      `Bad ${JWT_HEADER_NAME} header. Expected '${JWT_HEADER_NAME}: ${JWT_HEADER_TYPE} <JWT>'`,
    );
  }
  return token;
}
