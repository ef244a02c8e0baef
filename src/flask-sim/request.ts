import { PythonJsonError } from '../jwt';
import { flaskJsonLoads } from './flaskJson';
import { isJsonMimetype, mimetypeOf, SimHeaders, type SimHeadersInit } from './http';
import { httpError } from './httpErrors';

export interface SimRequestInit {
  /** Any case; upper-cased as Werkzeug does. GET when missing or empty. */
  method?: string;
  /** The URL path, with an optional `?query` (and `#fragment`, ignored); a full `http://host/...` URL also works. */
  path?: string;
  /** As sent: `[name, value]` pairs may repeat a name (see `requestHeaders`). */
  headers?: SimHeadersInit;
  body?: string;
}

export interface GetJsonOptions {
  /** Parse whatever the Content-Type says. */
  force?: boolean;
  /** Answer null instead of raising 400/415. */
  silent?: boolean;
}

const UNSUPPORTED_JSON_DESCRIPTION =
  "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.";

/**
 * A request as a Flask view sees it (`flask.request`): `method`, the decoded
 * `path` (no query), `args` from the query string, case-insensitive
 * `headers`, the `body` text and `json()` (`get_json()`).
 *
 * Building one never throws, whatever it is given.
 */
export class SimRequest {
  readonly method: string;
  /** The path, percent-decoded, without the query string (`request.path`). */
  readonly path: string;
  /** The path as sent, still percent-encoded. */
  readonly rawPath: string;
  /** The raw query string, without `?` (`request.query_string`). */
  readonly queryString: string;
  /** The query string parsed (`request.args`): `args.get('page')` is the first value or null. */
  readonly args: URLSearchParams;
  readonly headers: SimHeaders;
  readonly body: string;

  constructor(init: SimRequestInit = {}) {
    this.method = String(init.method ?? '').toUpperCase() || 'GET';
    const { rawPath, queryString } = splitTarget(String(init.path ?? '/'));
    this.rawPath = rawPath;
    this.path = percentDecode(rawPath);
    this.queryString = queryString;
    this.args = new URLSearchParams(queryString);
    let headers: SimHeaders;
    try {
      headers = requestHeaders(init.headers);
    } catch {
      // Headers of a shape nobody could read: the request goes on without them.
      headers = new SimHeaders();
    }
    this.headers = headers;
    this.body = typeof init.body === 'string' ? init.body : init.body === undefined ? '' : String(init.body);
  }

  /** Flask's `request.full_path`: the path and `?` and the query, the `?` even when it is empty. */
  get fullPath(): string {
    return `${this.path}?${this.queryString}`;
  }

  get contentType(): string | null {
    return this.headers.get('Content-Type');
  }

  /** The mimetype of Content-Type, lower-case (`request.mimetype`). */
  get mimetype(): string {
    return mimetypeOf(this.contentType);
  }

  /** Werkzeug's `is_json`: `application/json` or `application/*+json`. */
  get isJson(): boolean {
    return isJsonMimetype(this.mimetype);
  }

  /**
   * Flask 3's `request.get_json()`: the parsed body. Without a JSON
   * Content-Type it raises 415 Unsupported Media Type; a body that is not
   * JSON raises 400 Bad Request (with the generic text, as Flask does outside
   * debug mode). `silent` answers null instead; `force` ignores Content-Type.
   */
  json(options: GetJsonOptions = {}): unknown {
    if (!options.force && !this.isJson) {
      if (options.silent) return null;
      throw httpError(415, { description: UNSUPPORTED_JSON_DESCRIPTION });
    }
    try {
      return flaskJsonLoads(this.body);
    } catch (error) {
      // Werkzeug catches ValueError only: a RecursionError (nesting too deep) is a 500.
      if (error instanceof PythonJsonError && error.name === 'RecursionError') throw error;
      if (options.silent) return null;
      throw httpError(400);
    }
  }
}

/** The headers that reach the WSGI environ as keys of their own, where the first value sent wins. */
const FIRST_VALUE_ONLY = new Set(['content-type', 'content-length']);

/**
 * The headers a view sees for the headers sent, as Werkzeug's test client builds its WSGI
 * environ (checked against Werkzeug 3.1.9): a name sent more than once arrives once, its
 * values joined with `, ` in the order sent (so `Authorization: Basic x` then
 * `Authorization: Bearer t` reads as `Basic x, Bearer t`); Content-Type and Content-Length
 * keep their first value. Names match case-insensitively; the first casing is kept.
 *
 * @example requestHeaders([['Authorization', 'Basic x'], ['authorization', 'Bearer t']]).get('Authorization') // 'Basic x, Bearer t'
 */
export function requestHeaders(init: SimHeadersInit | undefined): SimHeaders {
  if (init === undefined || init === null) return new SimHeaders();
  const pairs: Iterable<readonly [unknown, unknown]> =
    Symbol.iterator in Object(init)
      ? (init as Iterable<readonly [unknown, unknown]>)
      : Object.entries(init as Record<string, unknown>);
  const byLowerName = new Map<string, { name: string; values: string[] }>();
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length < 2) continue;
    const name = String(pair[0]);
    const lower = name.toLowerCase();
    const seen = byLowerName.get(lower);
    if (!seen) byLowerName.set(lower, { name, values: [String(pair[1])] });
    else if (!FIRST_VALUE_ONLY.has(lower)) seen.values.push(String(pair[1]));
  }
  return new SimHeaders([...byLowerName.values()].map(({ name, values }) => [name, values.join(', ')] as const));
}

function splitTarget(target: string): { rawPath: string; queryString: string } {
  // The test client accepts a whole URL; only its path and query matter here.
  const withoutOrigin = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const withoutFragment = withoutOrigin.split('#')[0] ?? '';
  const questionMark = withoutFragment.indexOf('?');
  const path = questionMark === -1 ? withoutFragment : withoutFragment.slice(0, questionMark);
  const queryString = questionMark === -1 ? '' : withoutFragment.slice(questionMark + 1);
  return { rawPath: path.startsWith('/') ? path : `/${path}`, queryString };
}

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Percent-decoding as Werkzeug does it for the path: `%XX` runs become UTF-8
 * text (invalid bytes become U+FFFD), and a `%` not followed by two hex
 * digits stays as it is. Never throws, unlike decodeURIComponent.
 */
export function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let index = 0; index < bytes.length; index++)
      bytes[index] = Number.parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16);
    return lenientUtf8.decode(bytes);
  });
}
