import { HttpException, PythonException, RequestRedirect } from './errors';
import { reasonPhrase } from './http';
import { SimResponse } from './response';

/**
 * Werkzeug's default exceptions (werkzeug/exceptions.py, 3.1): the class name
 * and the description each error page shows.
 */
export const HTTP_ERRORS: Readonly<Record<number, { pythonClass: string; description: string }>> = {
  400: {
    pythonClass: 'BadRequest',
    description: 'The browser (or proxy) sent a request that this server could not understand.',
  },
  401: {
    pythonClass: 'Unauthorized',
    description:
      "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
  },
  403: {
    pythonClass: 'Forbidden',
    description:
      "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
  },
  404: {
    pythonClass: 'NotFound',
    description:
      'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  },
  405: { pythonClass: 'MethodNotAllowed', description: 'The method is not allowed for the requested URL.' },
  406: {
    pythonClass: 'NotAcceptable',
    description:
      'The resource identified by the request is only capable of generating response entities which have content characteristics not acceptable according to the accept headers sent in the request.',
  },
  408: {
    pythonClass: 'RequestTimeout',
    description:
      "The server closed the network connection because the browser didn't finish the request within the specified time.",
  },
  409: {
    pythonClass: 'Conflict',
    description:
      'A conflict happened while processing the request. The resource might have been modified while the request was being processed.',
  },
  410: {
    pythonClass: 'Gone',
    description:
      'The requested URL is no longer available on this server and there is no forwarding address. If you followed a link from a foreign page, please contact the author of this page.',
  },
  411: {
    pythonClass: 'LengthRequired',
    description: 'A request with this method requires a valid <code>Content-Length</code> header.',
  },
  412: {
    pythonClass: 'PreconditionFailed',
    description: 'The precondition on the request for the URL failed positive evaluation.',
  },
  413: { pythonClass: 'RequestEntityTooLarge', description: 'The data value transmitted exceeds the capacity limit.' },
  414: {
    pythonClass: 'RequestURITooLarge',
    description:
      'The length of the requested URL exceeds the capacity limit for this server. The request cannot be processed.',
  },
  415: {
    pythonClass: 'UnsupportedMediaType',
    description: 'The server does not support the media type transmitted in the request.',
  },
  416: { pythonClass: 'RequestedRangeNotSatisfiable', description: 'The server cannot provide the requested range.' },
  417: {
    pythonClass: 'ExpectationFailed',
    description: 'The server could not meet the requirements of the Expect header',
  },
  418: { pythonClass: 'ImATeapot', description: 'This server is a teapot, not a coffee machine' },
  421: { pythonClass: 'MisdirectedRequest', description: 'The server is not able to produce a response.' },
  422: {
    pythonClass: 'UnprocessableEntity',
    description: 'The request was well-formed but was unable to be followed due to semantic errors.',
  },
  423: { pythonClass: 'Locked', description: 'The resource that is being accessed is locked.' },
  424: {
    pythonClass: 'FailedDependency',
    description:
      'The method could not be performed on the resource because the requested action depended on another action and that action failed.',
  },
  428: {
    pythonClass: 'PreconditionRequired',
    description: 'This request is required to be conditional; try using "If-Match" or "If-Unmodified-Since".',
  },
  429: {
    pythonClass: 'TooManyRequests',
    description: 'This user has exceeded an allotted request count. Try again later.',
  },
  431: {
    pythonClass: 'RequestHeaderFieldsTooLarge',
    description: 'One or more header fields exceeds the maximum size.',
  },
  451: { pythonClass: 'UnavailableForLegalReasons', description: 'Unavailable for legal reasons.' },
  500: {
    pythonClass: 'InternalServerError',
    description:
      'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
  },
  501: {
    pythonClass: 'NotImplemented',
    description: 'The server does not support the action requested by the browser.',
  },
  502: {
    pythonClass: 'BadGateway',
    description: 'The proxy server received an invalid response from an upstream server.',
  },
  503: {
    pythonClass: 'ServiceUnavailable',
    description:
      'The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.',
  },
  504: { pythonClass: 'GatewayTimeout', description: 'The connection to an upstream server timed out.' },
  505: {
    pythonClass: 'HTTPVersionNotSupported',
    description: 'The server does not support the HTTP protocol version used in the request.',
  },
};

/**
 * The exception Werkzeug raises for a status, e.g. `httpError(404)` is
 * `NotFound()`. A code without a Werkzeug class is refused with
 * LookupError, as `abort(299)` is (and that ends in a 500).
 *
 * @example throw httpError(403)
 */
export function httpError(
  statusCode: number,
  options: { description?: string; headers?: Record<string, string> } = {},
): HttpException {
  const known = Object.hasOwn(HTTP_ERRORS, statusCode) ? HTTP_ERRORS[statusCode] : undefined;
  if (!known) throw new PythonException('LookupError', `no exception for ${statusCode}`);
  return new HttpException(statusCode, {
    reason: reasonPhrase(statusCode) ?? known.pythonClass,
    pythonClass: known.pythonClass,
    description: options.description ?? known.description,
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

/**
 * Flask's `abort(status)`: stops the view with an HTTP error page.
 *
 * @example abort(404) // the view ends; the client gets Werkzeug's 404 page
 */
export function abort(statusCode: number, description?: string): never {
  throw httpError(statusCode, description === undefined ? {} : { description });
}

/** markupsafe's `escape`, which Werkzeug applies to the description. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&#34;')
    .replaceAll("'", '&#39;');
}

// Werkzeug lists Content-Type first, before extra headers such as Allow.
const HTML_CONTENT_TYPE = { 'Content-Type': 'text/html; charset=utf-8' };

/**
 * The response Werkzeug sends for an HTTP exception: its HTML page
 * (`text/html; charset=utf-8`) and extra headers such as `Allow`.
 */
export function httpErrorResponse(exception: HttpException): SimResponse {
  if (exception instanceof RequestRedirect) {
    const link = escapeHtml(exception.location);
    const body =
      '<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n' +
      `<p>You should be redirected automatically to the target URL: <a href="${link}">${link}</a>. If not, click the link.\n`;
    return new SimResponse(body, { status: 308, headers: { ...HTML_CONTENT_TYPE, ...exception.headers } });
  }
  const name = exception.reason;
  const description = escapeHtml(exception.description).replaceAll('\n', '<br>');
  const body =
    `<!doctype html>\n<html lang=en>\n<title>${exception.statusCode} ${escapeHtml(name)}</title>\n` +
    `<h1>${escapeHtml(name)}</h1>\n<p>${description}</p>\n`;
  return new SimResponse(body, {
    status: exception.statusCode,
    headers: { ...HTML_CONTENT_TYPE, ...exception.headers },
  });
}
