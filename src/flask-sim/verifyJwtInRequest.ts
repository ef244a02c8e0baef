import type { RouteContext } from './app';
import { readBearerToken } from './authorizationHeader';
import {
  FreshTokenRequired,
  NoAuthorizationError,
  NoJwtManagerError,
  PythonException,
  RevokedTokenError,
  WrongTokenError,
} from './errors';
import { JWT_MANAGER_EXTENSION, JwtManager } from './jwtManager';
import { pythonTypeName } from './pythonText';

/** What a protected view knows about the caller. */
export interface JwtContext {
  /** `get_jwt_identity()`: the `sub` claim (null when `optional` let a request without a token through). */
  identity: unknown;
  /** `get_jwt()`: every claim, with FJE's defaults for `type`, `fresh` and `jti` (empty without a token). */
  claims: Record<string, unknown>;
  /** `get_jwt_header()`. */
  header: Record<string, unknown>;
  /** The encoded token, or null when there was none. */
  token: string | null;
}

export interface JwtRequiredOptions {
  /** Let a request with no token through (identity null); a bad token is still refused. */
  optional?: boolean;
  /** Require a refresh token instead of an access token. */
  refresh?: boolean;
  /** Require a fresh access token. */
  fresh?: boolean;
  /** Check the token's `type` (default true). */
  verifyType?: boolean;
  skipRevocationCheck?: boolean;
}

/** FJE's `JWT_EXEMPT_METHODS`: CORS preflight requests carry no token. */
export const JWT_EXEMPT_METHODS: readonly string[] = ['OPTIONS'];

/**
 * FJE's `verify_jwt_in_request()`: finds the app's JwtManager, reads the
 * Bearer token, decodes and checks it (type, freshness, blocklist), and
 * throws the exception FJE raises on failure (the manager's error handlers
 * turn it into the `{"msg": ...}` response). Resolves to undefined for an
 * exempt method (OPTIONS), whose view then has no `jwt`.
 */
export async function verifyJwtInRequest(
  context: Pick<RouteContext, 'app' | 'request'>,
  options: JwtRequiredOptions = {},
): Promise<JwtContext | undefined> {
  if (JWT_EXEMPT_METHODS.includes(context.request.method)) return undefined;
  const manager = context.app.extensions.get(JWT_MANAGER_EXTENSION);
  if (!(manager instanceof JwtManager)) throw new NoJwtManagerError();

  let token: string;
  try {
    token = readBearerToken(context.request.headers.get('Authorization'));
  } catch (error) {
    if (options.optional && error instanceof NoAuthorizationError) {
      return { identity: null, claims: {}, header: {}, token: null };
    }
    throw error;
  }

  const { header, claims } = await manager.decodeToken(token);
  if (options.verifyType ?? true) {
    if (!options.refresh && claims.type === 'refresh') throw new WrongTokenError('Only non-refresh tokens are allowed');
    if (options.refresh && claims.type !== 'refresh') throw new WrongTokenError('Only refresh tokens are allowed');
  }
  if (options.fresh) checkFresh(claims.fresh, manager.clock());
  if (!options.skipRevocationCheck && (await manager.isTokenRevoked(claims, header))) {
    throw new RevokedTokenError(header, claims);
  }
  return { identity: claims.sub, claims, header, token };
}

/** FJE's `_verify_token_is_fresh`: a boolean, or a timestamp the token stays fresh until. */
function checkFresh(fresh: unknown, now: number): void {
  if (typeof fresh === 'boolean') {
    if (!fresh) throw new FreshTokenRequired();
    return;
  }
  if (typeof fresh !== 'number') {
    throw new PythonException(
      'TypeError',
      `'<' not supported between instances of '${pythonTypeName(fresh)}' and 'float'`,
    );
  }
  if (fresh < now) throw new FreshTokenRequired();
}
