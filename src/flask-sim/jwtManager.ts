import {
  type Clock,
  ExpiredSignatureError,
  type JwtKey,
  decodeToken as readTokenStructure,
  signToken,
  systemClock,
  type VerifyOptions,
  verifyToken,
} from '../jwt';
import type { FlaskSimApp } from './app';
import { InvalidJtiError, JwtDecodeError, MissingSecretError } from './errors';
import { registerJwtErrorHandlers } from './jwtErrorHandlers';

/** Where the manager registers itself in `app.extensions`, as FJE does. */
export const JWT_MANAGER_EXTENSION = 'flask-jwt-extended';

/** FJE's `JWT_ACCESS_TOKEN_EXPIRES`: 15 minutes. */
export const DEFAULT_ACCESS_EXPIRES_SECONDS = 15 * 60;
/** FJE's `JWT_REFRESH_TOKEN_EXPIRES`: 30 days. */
export const DEFAULT_REFRESH_EXPIRES_SECONDS = 30 * 24 * 60 * 60;

/** `@jwt.token_in_blocklist_loader`: true means the token was revoked. */
export type TokenInBlocklist = (
  payload: Record<string, unknown>,
  header: Record<string, unknown>,
) => boolean | Promise<boolean>;

export interface JwtManagerOptions {
  /** `JWT_SECRET_KEY`. Empty means unset: signing and verifying then fail as FJE does (RuntimeError). */
  secretKey: JwtKey;
  /** Seconds since the epoch; freeze it in tests and lessons. */
  clock?: Clock;
  /** The `jti` maker (uuid4 in FJE). */
  randomUUID?: () => string;
  /** `JWT_ACCESS_TOKEN_EXPIRES` in seconds, or false for tokens that never expire. */
  accessTokenExpiresSeconds?: number | false;
  /** `JWT_REFRESH_TOKEN_EXPIRES` in seconds, or false. */
  refreshTokenExpiresSeconds?: number | false;
  /** `JWT_COOKIE_CSRF_PROTECT` (true by default): writes the `csrf` claim. */
  cookieCsrfProtect?: boolean;
  tokenInBlocklist?: TokenInBlocklist;
  /** `JWTManager(app)`: registers on the app at once (or call `initApp` later). */
  app?: FlaskSimApp;
}

export interface CreateTokenOptions {
  /** Merged over the standard claims, as `additional_claims=` (same key: same place, new value). */
  additionalClaims?: Record<string, unknown>;
  /** Extra JOSE header fields, as `additional_headers=`. */
  additionalHeaders?: Record<string, unknown>;
  /**
   * `expires_delta=` in seconds; false for no `exp`. Like FJE, 0 also means
   * no `exp` (a zero timedelta is falsy in Python).
   */
  expiresDeltaSeconds?: number | false;
}

export interface CreateAccessTokenOptions extends CreateTokenOptions {
  /** The `fresh` claim: true for a token made from a password login just now. */
  fresh?: boolean;
}

/** A token FJE accepted: its JOSE header and its claims with FJE's defaults filled in. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/**
 * Flask-JWT-Extended's `JWTManager` with its defaults: HS256, tokens in the
 * `Authorization: Bearer` header, identity in `sub`, access tokens for 15
 * minutes, refresh tokens for 30 days, leeway 0.
 */
export class JwtManager {
  private secret: JwtKey;
  readonly clock: Clock;
  private readonly randomUUID: () => string;
  private readonly accessExpires: number | false;
  private readonly refreshExpires: number | false;
  private readonly cookieCsrfProtect: boolean;
  private blocklist: TokenInBlocklist;

  constructor(options: JwtManagerOptions) {
    this.secret = options.secretKey;
    this.clock = options.clock ?? systemClock;
    this.randomUUID = options.randomUUID ?? (() => crypto.randomUUID());
    this.accessExpires = options.accessTokenExpiresSeconds ?? DEFAULT_ACCESS_EXPIRES_SECONDS;
    this.refreshExpires = options.refreshTokenExpiresSeconds ?? DEFAULT_REFRESH_EXPIRES_SECONDS;
    this.cookieCsrfProtect = options.cookieCsrfProtect ?? true;
    this.blocklist = options.tokenInBlocklist ?? (() => false);
    if (options.app) this.initApp(options.app);
  }

  /** `JWTManager.init_app(app)`: registers the manager and FJE's default error responses. */
  initApp(app: FlaskSimApp): this {
    app.extensions.set(JWT_MANAGER_EXTENSION, this);
    registerJwtErrorHandlers(app);
    return this;
  }

  get secretKey(): JwtKey {
    return this.secret;
  }

  /**
   * Changes `JWT_SECRET_KEY` at run time, as a redeploy with a new key does:
   * tokens signed before then fail with `Signature verification failed`.
   */
  setSecretKey(secretKey: JwtKey): void {
    this.secret = secretKey;
  }

  /** `@jwt.token_in_blocklist_loader`. */
  tokenInBlocklistLoader(callback: TokenInBlocklist): this {
    this.blocklist = callback;
    return this;
  }

  /** Asks the blocklist callback about a token. */
  isTokenRevoked(payload: Record<string, unknown>, header: Record<string, unknown>): Promise<boolean> {
    return Promise.resolve(this.blocklist(payload, header));
  }

  /**
   * `create_access_token(identity, ...)`: claims in FJE's order `fresh`, `iat`,
   * `jti`, `type`, `sub`, `nbf`, `csrf`, `exp`, then the additional claims.
   *
   * @example await manager.createAccessToken('alice') // payload {fresh:false, iat, jti, type:'access', sub:'alice', nbf:iat, csrf, exp:iat+900}
   */
  createAccessToken(identity: unknown, options: CreateAccessTokenOptions = {}): Promise<string> {
    return this.encode(
      identity,
      'access',
      options.fresh ?? false,
      options.expiresDeltaSeconds ?? this.accessExpires,
      options,
    );
  }

  /** `create_refresh_token(identity, ...)`: as an access token, with `type` "refresh", never fresh, 30 days. */
  createRefreshToken(identity: unknown, options: CreateTokenOptions = {}): Promise<string> {
    return this.encode(identity, 'refresh', false, options.expiresDeltaSeconds ?? this.refreshExpires, options);
  }

  /**
   * FJE's `decode_token`: the token's structure and payload are read first
   * (so a malformed token says what is malformed before any signature check),
   * then `jwt.decode` with the secret, HS256 only, leeway 0 and the clock
   * (PyJWT 2.10+ also wants `sub` and `jti`, when present, to be strings),
   * then FJE's own checks (`sub` present) and defaults (`type`, `fresh`, `jti`).
   * An expired token is decoded again without the exp check, as FJE does: an
   * error there (no `sub`, a bad `jti`) is what the caller gets.
   */
  async decodeToken(token: string, options: { allowExpired?: boolean } = {}): Promise<DecodedJwt> {
    readTokenStructure(token);
    const secret = this.requireSecret();
    const verifyOptions: VerifyOptions = {
      algorithms: ['HS256'],
      leeway: 0,
      clock: this.clock,
      verifySub: true,
    };
    // FJE's `_decode_jwt`: PyJWT's decode (iat, nbf, exp, sub, then jti), then FJE's own checks.
    const decode = async (verifyExp: boolean): Promise<DecodedJwt> => {
      const verified = await verifyToken(token, secret, { ...verifyOptions, verifyExp });
      const claims: Record<string, unknown> = { ...verified.payload };
      if (Object.hasOwn(claims, 'jti') && typeof claims.jti !== 'string') throw new InvalidJtiError();
      if (!Object.hasOwn(claims, 'sub')) throw new JwtDecodeError('Missing claim: sub');
      if (!Object.hasOwn(claims, 'type')) claims.type = 'access';
      if (!Object.hasOwn(claims, 'fresh')) claims.fresh = false;
      if (!Object.hasOwn(claims, 'jti')) claims.jti = null;
      return { header: verified.header, claims };
    };
    try {
      return await decode(!options.allowExpired);
    } catch (error) {
      // FJE decodes an expired token again without the exp check (to hand its data to the
      // callback); a failure there, such as a non-string sub or no sub at all, wins.
      if (error instanceof ExpiredSignatureError) await decode(false);
      throw error;
    }
  }

  private requireSecret(): JwtKey {
    const secret = this.secret;
    const empty =
      typeof secret === 'string' ? secret === '' : secret instanceof Uint8Array ? secret.length === 0 : !secret;
    if (empty) throw new MissingSecretError();
    return secret;
  }

  private async encode(
    identity: unknown,
    type: 'access' | 'refresh',
    fresh: boolean,
    expiresDeltaSeconds: number | false,
    options: CreateTokenOptions,
  ): Promise<string> {
    const secret = this.requireSecret();
    const now = this.clock();
    // PyJWT writes datetimes as whole seconds, rounded down.
    const iat = Math.floor(now);
    const claims: Record<string, unknown> = {
      fresh,
      iat,
      jti: this.randomUUID(),
      type,
      sub: identity === undefined ? null : identity,
      nbf: iat,
    };
    // FJE 4.x writes a csrf claim whenever JWT_COOKIE_CSRF_PROTECT is on (the default),
    // even when tokens are read from headers only (checked against FJE 4.7.4).
    if (this.cookieCsrfProtect) claims.csrf = this.randomUUID();
    if (expiresDeltaSeconds !== false && expiresDeltaSeconds !== 0) claims.exp = Math.floor(now + expiresDeltaSeconds);
    for (const [name, value] of Object.entries(options.additionalClaims ?? {})) {
      // defineProperty, not assignment: a claim named "__proto__" is still just a claim.
      Object.defineProperty(claims, name, { value, enumerable: true, writable: true, configurable: true });
    }
    return signToken(claims, secret, {
      algorithm: 'HS256',
      ...(options.additionalHeaders ? { headers: options.additionalHeaders } : {}),
    });
  }
}

/**
 * `JWTManager(app)` with `JWT_SECRET_KEY` set.
 *
 * @example const manager = createJwtManager({ secretKey: 'dev-secret', clock: () => 1_700_000_000, app })
 */
export function createJwtManager(options: JwtManagerOptions): JwtManager {
  return new JwtManager(options);
}
