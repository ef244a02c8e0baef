import type { RouteHandler } from './app';
import { type JwtRequiredOptions, verifyJwtInRequest } from './verifyJwtInRequest';

/**
 * `@jwt_required()`: the view runs only for a valid token, and receives it as
 * `context.jwt` (`identity` is `get_jwt_identity()`, `claims` is `get_jwt()`).
 * Failures become FJE's default responses through the handlers the app's
 * JwtManager registered, e.g. 401 `{"msg":"Missing Authorization Header"}`.
 * OPTIONS requests pass unchecked, as in FJE.
 *
 * @example app.get('/protected', jwtRequired(({ jwt }) => ({ logged_in_as: jwt?.identity })))
 */
export function jwtRequired(handler: RouteHandler, options: JwtRequiredOptions = {}): RouteHandler {
  const guarded: RouteHandler = async (context) => {
    const jwt = await verifyJwtInRequest(context, options);
    return handler(jwt === undefined ? context : { ...context, jwt });
  };
  // functools.wraps: the endpoint keeps the view's name.
  Object.defineProperty(guarded, 'name', { value: handler.name });
  return guarded;
}
