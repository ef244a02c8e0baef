/**
 * Errors of the JWT engine. Names, hierarchy and messages follow PyJWT
 * (`jwt.exceptions`), so the sandbox says what Python would say; `code` and
 * the structured fields are for programs (tests, the inspector's verdict).
 */
export const JWT_ERROR_CODES = [
  'ERR_JWT_DECODE', // malformed token: segments, base64url, JSON
  'ERR_JWT_INVALID_SIGNATURE',
  'ERR_JWT_EXPIRED',
  'ERR_JWT_IMMATURE', // nbf or iat in the future
  'ERR_JWT_INVALID_ALGORITHM',
  'ERR_JWT_MISSING_CLAIM',
  'ERR_JWT_INVALID_ISSUED_AT',
  'ERR_JWT_INVALID_SUBJECT',
  'ERR_JWT_INVALID_KEY',
  'ERR_JWT_INVALID_INPUT', // what the caller asked to sign cannot be a JWT
] as const;

export type JwtErrorCode = (typeof JWT_ERROR_CODES)[number];

/** Which part of a token a decoding problem is in. */
export type TokenPart = 'token' | 'header' | 'payload' | 'signature';

/** What exactly is wrong with a malformed token, for a precise verdict. */
export type DecodeProblem =
  | { kind: 'segments'; count: number }
  | { kind: 'base64url'; part: 'header' | 'payload' | 'signature'; detail: string }
  | { kind: 'json'; part: 'header' | 'payload'; detail: string }
  | { kind: 'not-object'; part: 'header' | 'payload' }
  | { kind: 'claim-type'; claim: 'exp' | 'nbf' };

/** `jwt.exceptions.PyJWTError`: the base of every error the engine throws. */
export class PyJWTError extends Error {
  override name = 'PyJWTError';
  readonly code: JwtErrorCode;
  constructor(code: JwtErrorCode, message: string) {
    super(message);
    this.code = code;
  }
  /** The line Python would print: `jwt.exceptions.DecodeError: Not enough segments`. */
  toPython(): string {
    return `jwt.exceptions.${this.name}: ${this.message}`;
  }
}

export class InvalidTokenError extends PyJWTError {
  override name = 'InvalidTokenError';
}

export class DecodeError extends InvalidTokenError {
  override name = 'DecodeError';
  readonly problem: DecodeProblem | undefined;
  constructor(message: string, problem?: DecodeProblem, code: JwtErrorCode = 'ERR_JWT_DECODE') {
    super(code, message);
    this.problem = problem;
  }
}

export class InvalidSignatureError extends DecodeError {
  override name = 'InvalidSignatureError';
  constructor() {
    super('Signature verification failed', undefined, 'ERR_JWT_INVALID_SIGNATURE');
  }
}

export class ExpiredSignatureError extends InvalidTokenError {
  override name = 'ExpiredSignatureError';
  /** How long ago the token expired, in seconds (0 at the very second of `exp`). */
  readonly expiredSecondsAgo: number;
  constructor(expiredSecondsAgo: number) {
    super('ERR_JWT_EXPIRED', 'Signature has expired');
    this.expiredSecondsAgo = expiredSecondsAgo;
  }
}

export class ImmatureSignatureError extends InvalidTokenError {
  override name = 'ImmatureSignatureError';
  readonly claim: 'nbf' | 'iat';
  /** Seconds until the token becomes valid. */
  readonly validInSeconds: number;
  constructor(claim: 'nbf' | 'iat', validInSeconds: number) {
    super('ERR_JWT_IMMATURE', `The token is not yet valid (${claim})`);
    this.claim = claim;
    this.validInSeconds = validInSeconds;
  }
}

export class InvalidAlgorithmError extends InvalidTokenError {
  override name = 'InvalidAlgorithmError';
  /** The `alg` the token named, if any. */
  readonly algorithm: unknown;
  constructor(message: string, algorithm: unknown) {
    super('ERR_JWT_INVALID_ALGORITHM', message);
    this.algorithm = algorithm;
  }
}

export class MissingRequiredClaimError extends InvalidTokenError {
  override name = 'MissingRequiredClaimError';
  readonly claim: string;
  constructor(claim: string) {
    super('ERR_JWT_MISSING_CLAIM', `Token is missing the "${claim}" claim`);
    this.claim = claim;
  }
}

export class InvalidIssuedAtError extends InvalidTokenError {
  override name = 'InvalidIssuedAtError';
  constructor() {
    super('ERR_JWT_INVALID_ISSUED_AT', 'Issued At claim (iat) must be an integer.');
  }
}

export class InvalidSubjectError extends InvalidTokenError {
  override name = 'InvalidSubjectError';
  constructor() {
    super('ERR_JWT_INVALID_SUBJECT', 'Subject must be a string');
  }
}

/** `jwt.exceptions.InvalidKeyError`: the key cannot be used (empty, not base64url). */
export class InvalidKeyError extends PyJWTError {
  override name = 'InvalidKeyError';
  constructor(message: string) {
    super('ERR_JWT_INVALID_KEY', message);
  }
}

/** What was handed to `signToken` cannot be a JWT (not a JSON object, NaN, a cycle...). */
export class InvalidInputError extends PyJWTError {
  override name = 'TypeError';
  constructor(message: string) {
    super('ERR_JWT_INVALID_INPUT', message);
  }
}
