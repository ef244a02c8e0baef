import { errorMessage } from '../lib/errorMessage';
import { base64urlDecode, utf8Encode } from './base64url';
import { DecodeError, InvalidTokenError } from './errors';
import { codePointsToString, decodeJsonBytes } from './pythonCodecs';
import { pythonJsonLoadsBytes } from './pythonJsonLoads';

/**
 * A token split into its parts as PyJWT splits it, header decoded, payload still
 * bytes (nothing verified). PyJWT cuts at the last dot (the signature) and then at
 * the first (the header): a token of more than three dot-separated pieces keeps its
 * extra dots in the payload segment, which base64url then refuses.
 */
export interface SplitToken {
  header: Record<string, unknown>;
  headerJson: string;
  payloadBytes: Uint8Array;
  /** Header, payload (everything between the first and the last dot) and signature segments. */
  segments: [header: string, payload: string, signature: string];
  /** How many dot-separated pieces the token has (3 for a well-formed JWT). */
  pieceCount: number;
  /** Everything before the last dot: the exact text the signature covers. */
  signingInput: string;
  signature: Uint8Array;
}

/** A token taken apart without checking its signature. */
export interface DecodedToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** Header, payload and signature segments, as PyJWT cuts them (see SplitToken). */
  segments: [header: string, payload: string, signature: string];
  /** How many dot-separated pieces the token has (3 for a well-formed JWT). */
  pieceCount: number;
  /** Everything before the last dot: the exact text the signature covers. */
  signingInput: string;
  signature: Uint8Array;
  /** The decoded JSON texts, as they were signed. */
  headerJson: string;
  payloadJson: string;
}

const PART_MESSAGE = { header: 'header', payload: 'payload', signature: 'crypto' } as const;

/**
 * Splits and decodes a token, checking its structure only, in PyJWT's order
 * and with its messages: segments, header (base64url, JSON, object), payload,
 * signature, header parameters, then the payload's JSON. Throws DecodeError (or,
 * for a bad header parameter, InvalidTokenError) with PyJWT's message.
 *
 * @example decodeToken(token).payload.sub
 */
export function decodeToken(token: string): DecodedToken {
  const split = splitToken(token);
  const { payload, payloadJson } = parsePayload(split);
  return {
    header: split.header,
    payload,
    segments: split.segments,
    pieceCount: split.pieceCount,
    signingInput: split.signingInput,
    signature: split.signature,
    headerJson: split.headerJson,
    payloadJson,
  };
}

/**
 * The first half of decoding, as PyJWT's JWS layer does it (`PyJWS._load`, then
 * `decode_complete`'s header checks): segments, header, payload and signature
 * bytes, header parameters. The payload's JSON is read only after the signature
 * is checked (see verifyToken), as PyJWT does.
 */
export function splitToken(token: string): SplitToken {
  if (typeof token !== 'string') {
    throw new DecodeError("Invalid token type. Token must be a <class 'bytes'>", { kind: 'segments', count: 0 });
  }
  const pieceCount = token.split('.').length;
  // signing_input, crypto_segment = jwt.rsplit(b".", 1); header, payload = signing_input.split(b".", 1)
  const lastDot = token.lastIndexOf('.');
  const firstDot = token.indexOf('.');
  if (lastDot === -1 || firstDot === lastDot) {
    throw new DecodeError('Not enough segments', { kind: 'segments', count: pieceCount });
  }
  const signingInput = token.slice(0, lastDot);
  const headerSegment = token.slice(0, firstDot);
  const payloadSegment = token.slice(firstDot + 1, lastDot);
  const signatureSegment = token.slice(lastDot + 1);
  const headerBytes = decodeBytes(headerSegment, 'header');
  const header = parseObject(headerBytes, 'header');
  let payloadBytes: Uint8Array;
  if (header.b64 === false) {
    // RFC 7797's unencoded payload: PyJWT wants the payload segment empty (and refuses the token below).
    if (payloadSegment !== '') throw new DecodeError("Payload segment must be empty when 'b64' is false.");
    payloadBytes = new Uint8Array();
  } else {
    payloadBytes = decodeBytes(payloadSegment, 'payload');
  }
  const signature = decodeBytes(signatureSegment, 'signature');
  checkHeaderParameters(header);
  return {
    header,
    headerJson: bytesToText(headerBytes),
    payloadBytes,
    signature,
    segments: [headerSegment, payloadSegment, signatureSegment],
    pieceCount,
    signingInput,
  };
}

/** The payload of a split token as an object (DecodeError if it is not JSON or not an object). */
export function parsePayload(split: SplitToken): { payload: Record<string, unknown>; payloadJson: string } {
  return { payload: parseObject(split.payloadBytes, 'payload'), payloadJson: bytesToText(split.payloadBytes) };
}

/**
 * PyJWT's `_decode_base64url_segment`: up to two `=` of padding (and then a length
 * that is a multiple of 4), only the base64url alphabet, and the canonical
 * encoding of whole bytes; anything else is "Invalid <part> padding" (a DecodeError
 * whose problem's detail says what is wrong).
 */
export function decodeBytes(segment: string, part: 'header' | 'payload' | 'signature'): Uint8Array {
  const refuse = (detail: string) =>
    new DecodeError(`Invalid ${PART_MESSAGE[part]} padding`, { kind: 'base64url', part, detail });
  const stripped = segment.replace(/={1,2}$/, '');
  if (stripped.endsWith('=')) throw refuse('more than two "=" of padding');
  // PyJWT measures the length in bytes; a segment that is not ASCII fails the alphabet check anyway.
  if (stripped !== segment && utf8Encode(segment).length % 4 !== 0) {
    throw refuse(`"=" padding on a length (${segment.length}) that is not a multiple of 4`);
  }
  try {
    return base64urlDecode(stripped);
  } catch (error) {
    throw refuse(errorMessage(error));
  }
}

/** The JSON text of a header or payload, for display: its bytes as json.loads decoded them, else lossy UTF-8. */
function bytesToText(bytes: Uint8Array): string {
  try {
    return codePointsToString(decodeJsonBytes(bytes));
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** `json.loads` on the decoded bytes, with PyJWT's "Invalid <part> string: ..." messages. */
function parseObject(bytes: Uint8Array, part: 'header' | 'payload'): Record<string, unknown> {
  let value: unknown;
  try {
    value = pythonJsonLoadsBytes(bytes);
  } catch (error) {
    const detail = errorMessage(error);
    throw new DecodeError(`Invalid ${part} string: ${detail}`, { kind: 'json', part, detail });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeError(`Invalid ${part} string: must be a json object`, { kind: 'not-object', part });
  }
  return value as Record<string, unknown>;
}

/**
 * The header checks of PyJWT's `decode_complete`, after `_load` and before the
 * signature: `kid` a string, `crit` a non-empty list of extensions PyJWT supports
 * (only `b64`) that the header has, and `b64: false` (unencoded payload), which
 * needs `crit` and a detached payload this engine never has.
 */
function checkHeaderParameters(header: Record<string, unknown>): void {
  if (Object.hasOwn(header, 'kid') && typeof header.kid !== 'string') {
    throw new InvalidTokenError('ERR_JWT_DECODE', 'Key ID header parameter must be a string');
  }
  if (Object.hasOwn(header, 'crit')) {
    const crit = header.crit;
    if (!Array.isArray(crit) || crit.length === 0) {
      throw new InvalidTokenError('ERR_JWT_DECODE', "Invalid 'crit' header: must be a non-empty list");
    }
    for (const extension of crit) {
      if (typeof extension !== 'string') {
        throw new InvalidTokenError('ERR_JWT_DECODE', "Invalid 'crit' header: values must be strings");
      }
      if (extension !== 'b64')
        throw new InvalidTokenError('ERR_JWT_DECODE', `Unsupported critical extension: ${extension}`);
      if (!Object.hasOwn(header, extension)) {
        throw new InvalidTokenError('ERR_JWT_DECODE', `Critical extension '${extension}' is missing from headers`);
      }
    }
  }
  if (header.b64 === false) {
    if (!Array.isArray(header.crit) || !header.crit.includes('b64')) {
      throw new InvalidTokenError(
        'ERR_JWT_DECODE',
        "The 'b64' header parameter requires 'b64' to be listed in 'crit'.",
      );
    }
    throw new DecodeError(
      'It is required that you pass in a value for the "detached_payload" argument to decode a message having the b64 header set to false.',
    );
  }
}
