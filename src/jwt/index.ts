// The JWT engine: HMAC JSON Web Tokens on Web Crypto, behaving like PyJWT.
export { HMAC_ALGORITHM_NAMES, type HmacAlgorithm, isHmacAlgorithm } from './algorithms';
export {
  base64urlDecode,
  base64urlEncode,
  base64urlEncodeText,
  base64urlProblem,
  utf8Decode,
  utf8Encode,
} from './base64url';
export { type DecodedToken, decodeBytes, decodeToken, parsePayload, type SplitToken, splitToken } from './decode';
export {
  DecodeError,
  type DecodeProblem,
  ExpiredSignatureError,
  ImmatureSignatureError,
  InvalidAlgorithmError,
  InvalidInputError,
  InvalidIssuedAtError,
  InvalidKeyError,
  InvalidSignatureError,
  InvalidSubjectError,
  InvalidTokenError,
  JWT_ERROR_CODES,
  type JwtErrorCode,
  MissingRequiredClaimError,
  PyJWTError,
} from './errors';
export { constantTimeEqual, hmac, type JwtKey, keyBytes } from './keys';
export { decodeJsonBytes, detectJsonEncoding, PythonUnicodeDecodeError } from './pythonCodecs';
export { compareCodePoints, pythonJsonDumps } from './pythonJson';
export {
  type PythonErrorType,
  PythonJsonError,
  type PythonJsonOptions,
  pythonJsonLoads,
  pythonJsonLoadsBytes,
} from './pythonJsonLoads';
export { type SignOptions, signatureFor, signSegments, signToken } from './sign';
export {
  type Clock,
  checkAlgorithm,
  checkClaims,
  systemClock,
  type VerifiedToken,
  type VerifyOptions,
  verifyToken,
} from './verify';
