import type { RaisedErrorInfo } from './errors';
import { flaskJsonDumps } from './flaskJson';
import {
  byteLength,
  contentTypeFor,
  isJsonMimetype,
  mimetypeOf,
  parseStatus,
  SimHeaders,
  type SimHeadersInit,
} from './http';

export interface SimResponseInit {
  /** A number, `"201"` or a whole status line `"418 TEAPOT"`; 200 by default. */
  status?: number | string;
  headers?: SimHeadersInit;
  /** Sets Content-Type from a mimetype (`text/html` by default, with `; charset=utf-8`). */
  mimetype?: string;
  /** Sim-only: the exception this response answers, for explanations in the lesson. */
  raisedError?: RaisedErrorInfo;
}

/**
 * A response as Flask's test client returns it: `statusCode` (`status_code`),
 * `status` (`401 UNAUTHORIZED`), case-insensitive `headers`, the `body` text
 * (`.data`) and `json` (`.json`: the parsed body, or null unless the mimetype
 * is JSON).
 */
export class SimResponse {
  readonly statusCode: number;
  readonly status: string;
  readonly headers: SimHeaders;
  readonly body: string;
  /** Sim-only (Flask has no such field): which exception produced this response. */
  readonly raisedError: RaisedErrorInfo | undefined;

  constructor(body = '', init: SimResponseInit = {}) {
    const { statusCode, status } = parseStatus(init.status ?? 200);
    this.statusCode = statusCode;
    this.status = status;
    this.body = body;
    this.raisedError = init.raisedError;
    // Werkzeug's order: the headers given, then Content-Type if they lack one, then Content-Length.
    this.headers = new SimHeaders(init.headers);
    if (init.mimetype !== undefined || !this.headers.has('Content-Type')) {
      this.headers.set('Content-Type', contentTypeFor(init.mimetype ?? 'text/html'));
    }
    this.headers.set('Content-Length', byteLength(body));
  }

  /** The mimetype of Content-Type, lower-case, e.g. `application/json`. */
  get mimetype(): string {
    return mimetypeOf(this.headers.get('Content-Type'));
  }

  get isJson(): boolean {
    return isJsonMimetype(this.mimetype);
  }

  /** The parsed JSON body; null when the mimetype is not JSON (or the body is not JSON). */
  get json(): unknown {
    if (!this.isJson) return null;
    try {
      return JSON.parse(this.body);
    } catch {
      return null;
    }
  }

  /** The same response with another status, headers merged over (Werkzeug's `headers.update`), or a raised error noted. */
  with(changes: { status?: number | string; headers?: SimHeadersInit; raisedError?: RaisedErrorInfo }): SimResponse {
    const headers = new SimHeaders(this.headers);
    if (changes.headers !== undefined) headers.update(changes.headers);
    const raisedError = changes.raisedError ?? this.raisedError;
    return new SimResponse(this.body, {
      status: changes.status ?? this.status,
      headers,
      ...(raisedError ? { raisedError } : {}),
    });
  }

  /** The response as sent to a HEAD request, or with a bodyless status: same headers, no body. */
  withoutBody(keepContentLength: boolean): SimResponse {
    const copy = new SimResponse('', {
      status: this.status,
      headers: this.headers,
      ...(this.raisedError ? { raisedError: this.raisedError } : {}),
    });
    const length = this.headers.get('Content-Length');
    if (keepContentLength && length !== null) copy.headers.set('Content-Length', length);
    else copy.headers.delete('Content-Length');
    return copy;
  }
}

/**
 * Flask's `jsonify(value)`: compact JSON with sorted keys and a trailing
 * newline, `Content-Type: application/json`.
 *
 * @example jsonify({ msg: 'Missing Authorization Header' }, 401).body // '{"msg":"Missing Authorization Header"}\n'
 */
export function jsonify(value: unknown, status: number | string = 200): SimResponse {
  return new SimResponse(`${flaskJsonDumps(value)}\n`, { status, mimetype: 'application/json' });
}
