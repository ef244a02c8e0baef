import { ExpiredSignatureError, InvalidTokenError } from '../jwt';
import type { FlaskSimApp } from './app';
import {
  FreshTokenRequired,
  InvalidHeaderError,
  JwtDecodeError,
  NoAuthorizationError,
  RevokedTokenError,
  WrongTokenError,
} from './errors';
import { jsonify, type SimResponse } from './response';

/** FJE's default callbacks all answer `{"msg": ...}` with their status. */
function message(text: string, status: number): SimResponse {
  return jsonify({ msg: text }, status);
}

/**
 * The error handlers `JWTManager(app)` registers, with FJE 4.x's default
 * callbacks: 401 for a missing token, an expired, revoked or non-fresh one;
 * 422 for a bad header and for any token PyJWT or FJE refuses (the message is
 * the exception's text, e.g. `Signature verification failed`).
 */
export function registerJwtErrorHandlers(app: FlaskSimApp): void {
  app
    .errorHandler(NoAuthorizationError, (error) => message(error.message, 401))
    .errorHandler(InvalidHeaderError, (error) => message(error.message, 422))
    .errorHandler(JwtDecodeError, (error) => message(error.message, 422))
    .errorHandler(WrongTokenError, (error) => message(error.message, 422))
    // PyJWT's InvalidTokenError covers DecodeError, InvalidSignatureError,
    // ImmatureSignatureError, InvalidSubjectError...; ExpiredSignatureError has its own.
    .errorHandler(InvalidTokenError, (error) => message(error.message, 422))
    .errorHandler(ExpiredSignatureError, () => message('Token has expired', 401))
    .errorHandler(RevokedTokenError, () => message('Token has been revoked', 401))
    .errorHandler(FreshTokenRequired, () => message('Fresh token required', 401));
}
