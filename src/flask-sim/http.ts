import { PythonException } from './errors';

/** Werkzeug's `HTTP_STATUS_CODES` (werkzeug/http.py, 3.1): the reason phrases it uses. */
export const HTTP_STATUS_CODES: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  306: 'Switch Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  414: 'Request URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  449: 'Retry With',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Failed',
};

/** The reason phrase Werkzeug knows for a code, e.g. `Not Found`, or undefined. */
export function reasonPhrase(statusCode: number): string | undefined {
  return Object.hasOwn(HTTP_STATUS_CODES, statusCode) ? HTTP_STATUS_CODES[statusCode] : undefined;
}

/**
 * A response's `.status` as Werkzeug writes it: the code and the upper-case
 * reason phrase, `UNKNOWN` for codes it does not know.
 *
 * @example statusLine(401) // '401 UNAUTHORIZED'
 */
export function statusLine(statusCode: number): string {
  return `${statusCode} ${(reasonPhrase(statusCode) ?? 'UNKNOWN').toUpperCase()}`;
}

/**
 * Werkzeug's `_clean_status`: a status given as a number, as `"201"`, or as a
 * whole line `"418 TEAPOT"` (kept as written), the way a view may return it.
 */
export function parseStatus(value: number | string): { statusCode: number; status: string } {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new PythonException('TypeError', 'Status code must be an integer');
    return { statusCode: value, status: statusLine(value) };
  }
  const text = value.trim();
  if (text === '') throw new PythonException('ValueError', 'Empty status argument');
  const space = text.indexOf(' ');
  const codeText = space === -1 ? text : text.slice(0, space);
  if (!/^[+-]?\d+$/.test(codeText)) return { statusCode: 0, status: `0 ${text}` };
  const statusCode = Number.parseInt(codeText, 10);
  return { statusCode, status: space === -1 ? statusLine(statusCode) : text };
}

/** Statuses whose responses carry no body (Werkzeug drops it when sending). */
export function isBodylessStatus(statusCode: number): boolean {
  return (statusCode >= 100 && statusCode < 200) || statusCode === 204 || statusCode === 304;
}

/** What a `SimHeaders` can be built from. */
export type SimHeadersInit =
  | SimHeaders
  | Readonly<Record<string, string | number>>
  | Iterable<readonly [string, string | number]>;

/**
 * Case-insensitive headers, like Werkzeug's `Headers`: `get('authorization')`
 * finds `Authorization`, and the casing first written is kept for display.
 * One value per name (setting a name again replaces it in place).
 */
export class SimHeaders implements Iterable<[string, string]> {
  private readonly byLowerName = new Map<string, [name: string, value: string]>();

  constructor(init?: SimHeadersInit) {
    if (init !== undefined && init !== null) this.update(init);
  }

  /** The value, or null when absent (Python's `headers.get(name)` gives None). */
  get(name: string): string | null {
    return this.byLowerName.get(String(name).toLowerCase())?.[1] ?? null;
  }

  has(name: string): boolean {
    return this.byLowerName.has(String(name).toLowerCase());
  }

  /** Sets a header, replacing any value under the same name (in place, keeping its position). */
  set(name: string, value: string | number): this {
    const text = String(name);
    this.byLowerName.set(text.toLowerCase(), [text, String(value)]);
    return this;
  }

  delete(name: string): boolean {
    return this.byLowerName.delete(String(name).toLowerCase());
  }

  /** Werkzeug's `Headers.update`: sets every header given, replacing existing ones. */
  update(init: SimHeadersInit): this {
    const pairs: Iterable<readonly [unknown, unknown]> =
      Symbol.iterator in Object(init)
        ? (init as Iterable<readonly [unknown, unknown]>)
        : Object.entries(init as Record<string, unknown>);
    for (const pair of pairs) {
      if (Array.isArray(pair) && pair.length >= 2) this.set(String(pair[0]), String(pair[1]));
    }
    return this;
  }

  /** `[name, value]` pairs, names in the casing they were first written with. */
  *entries(): IterableIterator<[string, string]> {
    for (const [name, value] of this.byLowerName.values()) yield [name, value];
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  get size(): number {
    return this.byLowerName.size;
  }

  /** A plain object, for display and for `toEqual` in tests. */
  toObject(): Record<string, string> {
    return Object.fromEntries(this.entries());
  }
}

/**
 * The mimetype of a Content-Type value: before any `;`, trimmed, lower-case
 * (Werkzeug's `mimetype` property).
 */
export function mimetypeOf(contentType: string | null): string {
  if (contentType === null) return '';
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Werkzeug's `is_json`: `application/json`, or `application/<anything>+json`. */
export function isJsonMimetype(mimetype: string): boolean {
  return mimetype === 'application/json' || (mimetype.startsWith('application/') && mimetype.endsWith('+json'));
}

const CHARSET_MIMETYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/sql',
  'application/xml',
  'application/xml-dtd',
  'application/xml-external-parsed-entity',
]);

/**
 * Werkzeug's `get_content_type`: text types (and a few XML/JS ones) get
 * `; charset=utf-8`, so HTML is `text/html; charset=utf-8` but JSON is bare.
 */
export function contentTypeFor(mimetype: string): string {
  const wantsCharset =
    mimetype.startsWith('text/') ||
    CHARSET_MIMETYPES.has(mimetype) ||
    (mimetype.startsWith('application/') && mimetype.endsWith('+xml'));
  return wantsCharset && !mimetype.includes('charset') ? `${mimetype}; charset=utf-8` : mimetype;
}

const utf8 = new TextEncoder();

/** The body's length in UTF-8 bytes: what Werkzeug puts in Content-Length. */
export function byteLength(text: string): number {
  return utf8.encode(text).length;
}
