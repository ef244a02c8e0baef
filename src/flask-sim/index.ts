// The Flask-style route simulator: Flask, Werkzeug and Flask-JWT-Extended 4.x
// behaviour in plain TypeScript, on top of the JWT engine (../jwt).
export {
  createApp,
  type ErrorClass,
  type ErrorHandler,
  FlaskSimApp,
  type RouteContext,
  type RouteHandler,
  type RouteInfo,
} from './app';
export { JWT_HEADER_NAME, JWT_HEADER_TYPE, readBearerToken } from './authorizationHeader';
export {
  describeRaisedError,
  FLASK_SIM_ERROR_CODES,
  FlaskSimError,
  type FlaskSimErrorCode,
  FreshTokenRequired,
  HttpException,
  InvalidHeaderError,
  InvalidJtiError,
  JsonSerializationError,
  JwtDecodeError,
  MissingSecretError,
  NoAuthorizationError,
  NoJwtManagerError,
  PythonException,
  type RaisedErrorInfo,
  RequestRedirect,
  RevokedTokenError,
  RouteDefinitionError,
  ViewResultError,
  WrongTokenError,
} from './errors';
export { type FlaskJsonOptions, flaskJsonDumps, flaskJsonLoads } from './flaskJson';
export {
  contentTypeFor,
  HTTP_STATUS_CODES,
  isJsonMimetype,
  mimetypeOf,
  parseStatus,
  reasonPhrase,
  SimHeaders,
  type SimHeadersInit,
  statusLine,
} from './http';
export { abort, escapeHtml, HTTP_ERRORS, httpError, httpErrorResponse } from './httpErrors';
export { registerJwtErrorHandlers } from './jwtErrorHandlers';
export {
  type CreateAccessTokenOptions,
  type CreateTokenOptions,
  createJwtManager,
  DEFAULT_ACCESS_EXPIRES_SECONDS,
  DEFAULT_REFRESH_EXPIRES_SECONDS,
  type DecodedJwt,
  JWT_MANAGER_EXTENSION,
  JwtManager,
  type JwtManagerOptions,
  type TokenInBlocklist,
} from './jwtManager';
export { jwtRequired } from './jwtRequired';
export { isViewTuple, makeResponse, responseFromView, type ViewResult } from './makeResponse';
export { pythonTypeName } from './pythonText';
export { type GetJsonOptions, percentDecode, requestHeaders, SimRequest, type SimRequestInit } from './request';
export { jsonify, SimResponse, type SimResponseInit } from './response';
export { compileRule, type RouteParams } from './routing';
export { type RequestHandler, TestClient, type TestRequestOptions } from './testClient';
export {
  JWT_EXEMPT_METHODS,
  type JwtContext,
  type JwtRequiredOptions,
  verifyJwtInRequest,
} from './verifyJwtInRequest';
