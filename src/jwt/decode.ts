import { base64urlDecode, utf8Decode } from './base64url';
import { DecodeError } from './errors';

/** A token split into its parts, header decoded, payload still bytes (nothing verified). */
export interface SplitToken {
  header: Record<string, unknown>;
  headerJson: string;
  payloadBytes: Uint8Array;
  segments: [header: string, payload: string, signature: string];
  /** `header.payload`: the exact text the signature covers. */
  signingInput: string;
  signature: Uint8Array;
}

/** A token taken apart without checking its signature. */
export interface DecodedToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The three segments as they appear in the token. */
  segments: [header: string, payload: string, signature: string];
  /** `header.payload`: the exact text the signature covers. */
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
 * signature. Throws DecodeError with a `problem` naming what is wrong.
 *
 * @example decodeToken(token).payload.sub
 */
export function decodeToken(token: string): DecodedToken {
  const split = splitToken(token);
  const payloadJson = bytesToText(split.payloadBytes, 'payload');
  return {
    header: split.header,
    payload: parseObject(payloadJson, 'payload'),
    segments: split.segments,
    signingInput: split.signingInput,
    signature: split.signature,
    headerJson: split.headerJson,
    payloadJson,
  };
}

/**
 * The first half of decoding, as PyJWT's JWS layer does it: segments, header,
 * payload and signature bytes. The payload's JSON is read only after the
 * signature is checked (see verifyToken), as PyJWT does.
 */
export function splitToken(token: string): SplitToken {
  if (typeof token !== 'string') {
    throw new DecodeError("Invalid token type. Token must be a <class 'bytes'>", { kind: 'segments', count: 0 });
  }
  const segments = token.split('.');
  if (segments.length < 3) throw new DecodeError('Not enough segments', { kind: 'segments', count: segments.length });
  if (segments.length > 3) throw new DecodeError('Too many segments', { kind: 'segments', count: segments.length });
  const [headerSegment = '', payloadSegment = '', signatureSegment = ''] = segments;
  const headerJson = bytesToText(decodeBytes(headerSegment, 'header'), 'header');
  return {
    header: parseObject(headerJson, 'header'),
    headerJson,
    payloadBytes: decodeBytes(payloadSegment, 'payload'),
    signature: decodeBytes(signatureSegment, 'signature'),
    segments: [headerSegment, payloadSegment, signatureSegment],
    signingInput: `${headerSegment}.${payloadSegment}`,
  };
}

/** The payload of a split token as an object (DecodeError if it is not JSON or not an object). */
export function parsePayload(split: SplitToken): { payload: Record<string, unknown>; payloadJson: string } {
  const payloadJson = bytesToText(split.payloadBytes, 'payload');
  return { payload: parseObject(payloadJson, 'payload'), payloadJson };
}

function decodeBytes(segment: string, part: 'header' | 'payload' | 'signature'): Uint8Array {
  try {
    return base64urlDecode(segment);
  } catch (error) {
    throw new DecodeError(`Invalid ${PART_MESSAGE[part]} padding`, {
      kind: 'base64url',
      part,
      detail: (error as Error).message,
    });
  }
}

function bytesToText(bytes: Uint8Array, part: 'header' | 'payload'): string {
  try {
    return utf8Decode(bytes);
  } catch {
    throw new DecodeError(`Invalid ${part} string: the decoded bytes are not UTF-8 text`, {
      kind: 'json',
      part,
      detail: 'not UTF-8 text',
    });
  }
}

function parseObject(json: string, part: 'header' | 'payload'): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const detail = (error as Error).message;
    throw new DecodeError(`Invalid ${part} string: ${detail}`, { kind: 'json', part, detail });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeError(`Invalid ${part} string: must be a json object`, { kind: 'not-object', part });
  }
  return value as Record<string, unknown>;
}
