import { ViewResultError } from './errors';
import { SimHeaders, type SimHeadersInit } from './http';
import { jsonify, SimResponse } from './response';

/**
 * What a view may return, as in Flask: a response, a string (HTML), a dict or
 * list (JSON), or a `(body, status)`, `(body, status, headers)` tuple. JavaScript
 * has no tuples, so an array counts as one only when it looks like one (see
 * `isViewTuple`); `makeResponse(body, status, headers)` is the unambiguous form.
 */
export type ViewResult =
  | SimResponse
  | string
  | Readonly<Record<string, unknown>>
  | readonly unknown[]
  | readonly [body: unknown, status: number]
  | readonly [body: unknown, status: number | null, headers: SimHeadersInit];

/**
 * An array is read as a Flask tuple when it is `[body, status]` or
 * `[body, status, headers]` with an integer status from 100 to 999 and a body
 * Flask accepts (string, object, array or response); anything else is a JSON
 * list. So `[{ msg: 'x' }, 201]` is a tuple while `[1, 2]` is a list.
 */
export function isViewTuple(value: readonly unknown[]): boolean {
  if (value.length !== 2 && value.length !== 3) return false;
  const [body, status, headers] = value;
  const bodyFits = typeof body === 'string' || (typeof body === 'object' && body !== null);
  const statusFits =
    (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 999) ||
    (value.length === 3 && status === null);
  const headersFit = value.length === 2 || (typeof headers === 'object' && headers !== null);
  return bodyFits && statusFits && headersFit;
}

/**
 * Flask's `make_response(*args)`: no argument is an empty 200 response, one
 * argument is converted as a view result, more are a tuple.
 *
 * @example makeResponse({ msg: 'created' }, 201, { Location: '/items/1' })
 */
export function makeResponse(...args: unknown[]): SimResponse {
  if (args.length === 0) return new SimResponse();
  if (args.length === 1) return responseFromView(args[0], { asTuple: false });
  return responseFromView(args, { asTuple: true });
}

/**
 * Flask's `app.make_response(rv)`: turns a view's return value into a
 * response, raising Flask's TypeError (a 500) for what it cannot use.
 * `asTuple` forces (or, with false, forbids) reading an array as a tuple.
 */
export function responseFromView(result: unknown, options: { endpoint?: string; asTuple?: boolean } = {}): SimResponse {
  const endpoint = options.endpoint ?? 'view';
  let body: unknown = result;
  let status: number | string | null = null;
  let headers: SimHeadersInit | null = null;

  if (Array.isArray(result) && (options.asTuple ?? isViewTuple(result))) {
    if (result.length === 3) {
      [body, status, headers] = result as [unknown, number | string | null, SimHeadersInit | null];
    } else if (result.length === 2) {
      const [first, second] = result;
      body = first;
      // (body, headers) or (body, status), told apart as Flask does: by the second item's type.
      if (second instanceof SimHeaders || (typeof second === 'object' && second !== null)) {
        headers = second as SimHeadersInit;
      } else {
        status = second as number | string | null;
      }
    } else {
      throw new ViewResultError(
        'The view function did not return a valid response tuple. The tuple must have the form (body, status, headers), (body, status), or (body, headers).',
      );
    }
  }

  if (body === null || body === undefined) {
    throw new ViewResultError(
      `The view function for '${endpoint}' did not return a valid response. The function either returned None or ended without a return statement.`,
    );
  }

  let response: SimResponse;
  if (body instanceof SimResponse) response = body;
  else if (typeof body === 'string') response = new SimResponse(body);
  else if (typeof body === 'object') response = jsonify(body);
  else {
    throw new ViewResultError(
      `The view function for '${endpoint}' did not return a valid response. The return type must be a string, dict, list, tuple with headers or status, Response instance, or WSGI callable, but it was a ${pythonTypeOf(body)}.`,
    );
  }

  if (status === null && headers === null) return response;
  return response.with({
    ...(status !== null && status !== undefined ? { status } : {}),
    ...(headers !== null && headers !== undefined ? { headers } : {}),
  });
}

function pythonTypeOf(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'function';
    default:
      return typeof value;
  }
}
