/**
 * Errors of the route simulator. Each one stands for the Python exception the
 * real stack (Flask, Werkzeug, Flask-JWT-Extended) would raise, named in
 * `pythonName`, so a lesson can say what Python would say; `code` is for
 * programs and tests. PyJWT's errors come from the JWT engine (`../jwt`).
 */
import { InvalidTokenError } from '../jwt';

export const FLASK_SIM_ERROR_CODES = [
  'ERR_HTTP', // werkzeug.exceptions.HTTPException: answered with its error page
  'ERR_ROUTE_DEFINITION', // a URL rule or method list that cannot be registered
  'ERR_VIEW_RESULT', // a view returned something Flask cannot turn into a response
  'ERR_JSON_SERIALIZE', // a value Flask's JSON provider cannot write
  'ERR_PYTHON_EXCEPTION', // another Python exception the real code would raise (IndexError...)
  'ERR_NO_JWT_MANAGER', // @jwt_required() on an app without a JWTManager
  'ERR_JWT_SECRET_MISSING', // neither JWT_SECRET_KEY nor SECRET_KEY is set
  'ERR_FJE_NO_AUTHORIZATION', // no usable Authorization header
  'ERR_FJE_INVALID_HEADER', // a Bearer field that is not exactly `Bearer <JWT>`
  'ERR_FJE_DECODE', // a verified token without the claims FJE needs
  'ERR_FJE_WRONG_TOKEN', // refresh token where an access token is expected, or the reverse
  'ERR_FJE_REVOKED', // the blocklist callback said yes
  'ERR_FJE_FRESH_REQUIRED', // fresh=True and the token is not fresh
] as const;

export type FlaskSimErrorCode = (typeof FLASK_SIM_ERROR_CODES)[number];

/** The base of every error the simulator throws. */
export class FlaskSimError extends Error {
  override name = 'FlaskSimError';
  readonly code: FlaskSimErrorCode;
  /** The Python exception this stands for, e.g. `flask_jwt_extended.exceptions.NoAuthorizationError`. */
  readonly pythonName: string;
  constructor(code: FlaskSimErrorCode, pythonName: string, message: string) {
    super(message);
    this.code = code;
    this.pythonName = pythonName;
  }
  /** The line Python would print for it. */
  toPython(): string {
    return `${this.pythonName}: ${this.message}`;
  }
}

/** A URL rule or method list that Flask would refuse at registration (ValueError, LookupError). */
export class RouteDefinitionError extends FlaskSimError {
  override name = 'RouteDefinitionError';
  readonly rule: string;
  constructor(rule: string, message: string, pythonName = 'ValueError') {
    super('ERR_ROUTE_DEFINITION', pythonName, message);
    this.rule = rule;
  }
}

/** Flask's TypeError for a view result it cannot use (None, a number, a 4-tuple...). */
export class ViewResultError extends FlaskSimError {
  override name = 'ViewResultError';
  constructor(message: string) {
    super('ERR_VIEW_RESULT', 'TypeError', message);
  }
}

/** What `json.dumps` raises: TypeError for an unknown type, ValueError for a cycle. */
export class JsonSerializationError extends FlaskSimError {
  override name = 'JsonSerializationError';
  constructor(message: string, pythonName: 'TypeError' | 'ValueError' = 'TypeError') {
    super('ERR_JSON_SERIALIZE', pythonName, message);
  }
}

/** Any other exception the real Python code would raise at that point (it ends in a 500). */
export class PythonException extends FlaskSimError {
  override name = 'PythonException';
  constructor(pythonName: string, message: string) {
    super('ERR_PYTHON_EXCEPTION', pythonName, message);
  }
}

/** werkzeug.exceptions.HTTPException: `abort(404)`, a failed `get_json()`, routing failures. */
export class HttpException extends FlaskSimError {
  override name = 'HttpException';
  readonly statusCode: number;
  /** The text of the page's paragraph (Werkzeug's `description`). */
  readonly description: string;
  /** Headers the error page carries, e.g. `Allow` on a 405. */
  readonly headers: Readonly<Record<string, string>>;
  /** The reason phrase, e.g. `Not Found`. */
  readonly reason: string;
  constructor(
    statusCode: number,
    options: { reason: string; description: string; pythonClass: string; headers?: Record<string, string> },
  ) {
    // str(NotFound()) in Python: "404 Not Found: The requested URL was not found..."
    super(
      'ERR_HTTP',
      `werkzeug.exceptions.${options.pythonClass}`,
      `${statusCode} ${options.reason}: ${options.description}`,
    );
    this.statusCode = statusCode;
    this.reason = options.reason;
    this.description = options.description;
    this.headers = options.headers ?? {};
  }
}

/**
 * werkzeug.routing.RequestRedirect: a rule ending in `/` was requested without
 * it (strict slashes), so Werkzeug answers 308 pointing at the slashed URL.
 */
export class RequestRedirect extends HttpException {
  override name = 'RequestRedirect';
  readonly location: string;
  constructor(location: string) {
    super(308, {
      reason: 'Permanent Redirect',
      description: location,
      pythonClass: 'RequestRedirect',
      headers: { Location: location },
    });
    this.location = location;
  }
}

/** RuntimeError from `@jwt_required()` when no JWTManager was set up on the app. */
export class NoJwtManagerError extends FlaskSimError {
  override name = 'NoJwtManagerError';
  constructor() {
    super(
      'ERR_NO_JWT_MANAGER',
      'RuntimeError',
      'You must initialize a JWTManager with this flask application before using this method',
    );
  }
}

/** RuntimeError from Flask-JWT-Extended when there is no secret to sign or verify with. */
export class MissingSecretError extends FlaskSimError {
  override name = 'MissingSecretError';
  constructor() {
    super(
      'ERR_JWT_SECRET_MISSING',
      'RuntimeError',
      'JWT_SECRET_KEY or flask SECRET_KEY must be set when using symmetric algorithm "HS256"',
    );
  }
}

const FJE = 'flask_jwt_extended.exceptions';

/** No token in the request: answered 401 by default, and let through by `optional=True`. */
export class NoAuthorizationError extends FlaskSimError {
  override name = 'NoAuthorizationError';
  constructor(message: string) {
    super('ERR_FJE_NO_AUTHORIZATION', `${FJE}.NoAuthorizationError`, message);
  }
}

/** A Bearer field that is not exactly two parts: answered 422. */
export class InvalidHeaderError extends FlaskSimError {
  override name = 'InvalidHeaderError';
  constructor(message: string) {
    super('ERR_FJE_INVALID_HEADER', `${FJE}.InvalidHeaderError`, message);
  }
}

/** A verified token that lacks a claim FJE needs (`Missing claim: sub`): answered 422. */
export class JwtDecodeError extends FlaskSimError {
  override name = 'JwtDecodeError';
  constructor(message: string) {
    super('ERR_FJE_DECODE', `${FJE}.JWTDecodeError`, message);
  }
}

/**
 * PyJWT's `InvalidJTIError`: since PyJWT 2.10, `jwt.decode` refuses a `jti` claim that
 * is not a string (`verify_jti`, on by default), which Flask-JWT-Extended answers 422.
 * The JWT engine does not check `jti`, so the simulator's decoding does.
 */
export class InvalidJtiError extends InvalidTokenError {
  override name = 'InvalidJTIError';
  constructor() {
    super('ERR_JWT_DECODE', 'JWT ID must be a string');
  }
}

/** The token's `type` is not the one the route wants: answered 422. */
export class WrongTokenError extends FlaskSimError {
  override name = 'WrongTokenError';
  constructor(message: string) {
    super('ERR_FJE_WRONG_TOKEN', `${FJE}.WrongTokenError`, message);
  }
}

/** The blocklist callback reported the token: answered 401 `Token has been revoked`. */
export class RevokedTokenError extends FlaskSimError {
  override name = 'RevokedTokenError';
  readonly jwtHeader: Record<string, unknown>;
  readonly jwtData: Record<string, unknown>;
  constructor(jwtHeader: Record<string, unknown>, jwtData: Record<string, unknown>) {
    super('ERR_FJE_REVOKED', `${FJE}.RevokedTokenError`, 'Token has been revoked');
    this.jwtHeader = jwtHeader;
    this.jwtData = jwtData;
  }
}

/** `@jwt_required(fresh=True)` and the token is not fresh: answered 401. */
export class FreshTokenRequired extends FlaskSimError {
  override name = 'FreshTokenRequired';
  constructor() {
    super('ERR_FJE_FRESH_REQUIRED', `${FJE}.FreshTokenRequired`, 'Fresh token required');
  }
}

/** A plain `{ pythonName, code, message }` describing the exception behind a response. */
export interface RaisedErrorInfo {
  pythonName: string;
  code: string;
  message: string;
}

/**
 * Describes any thrown value for a response's `raisedError`. Errors that are
 * not the simulator's or the engine's were bugs in a view (a 500).
 */
export function describeRaisedError(error: unknown): RaisedErrorInfo {
  if (error instanceof FlaskSimError) return { pythonName: error.pythonName, code: error.code, message: error.message };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // The JWT engine's errors carry PyJWT names and ERR_JWT_* codes.
    if (typeof code === 'string' && code.startsWith('ERR_JWT_')) {
      const pythonName = error.name === 'TypeError' ? 'TypeError' : `jwt.exceptions.${error.name}`;
      return { pythonName, code, message: error.message };
    }
    return { pythonName: error.name || 'Error', code: 'ERR_UNEXPECTED', message: error.message };
  }
  let message: string;
  try {
    message = String(error);
  } catch {
    // An object whose toString throws: still describe it rather than fail.
    message = Object.prototype.toString.call(error);
  }
  return { pythonName: 'Error', code: 'ERR_UNEXPECTED', message };
}
