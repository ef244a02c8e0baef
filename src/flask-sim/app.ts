import {
  describeRaisedError,
  HttpException,
  type RaisedErrorInfo,
  RequestRedirect,
  RouteDefinitionError,
} from './errors';
import { isBodylessStatus } from './http';
import { httpError, httpErrorResponse } from './httpErrors';
import { responseFromView, type ViewResult } from './makeResponse';
import { SimRequest, type SimRequestInit } from './request';
import { SimResponse } from './response';
import { type CompiledRule, compareRuleSpecificity, compileRule, matchRule, type RouteParams } from './routing';
import { TestClient } from './testClient';
import type { JwtContext } from './verifyJwtInRequest';

/** What a view receives: Flask's `request`, the URL values, and `get_jwt()` after `jwtRequired`. */
export interface RouteContext {
  app: FlaskSimApp;
  request: SimRequest;
  params: RouteParams;
  /** Set by `jwtRequired`: `identity` is `get_jwt_identity()`, `claims` is `get_jwt()`. */
  jwt?: JwtContext;
}

export type RouteHandler = (context: RouteContext) => ViewResult | Promise<ViewResult>;

/** `@app.errorhandler(...)`: turns an exception into a view result. */
export type ErrorHandler<E extends Error = Error> = (
  error: E,
  context: { app: FlaskSimApp; request: SimRequest },
) => ViewResult | Promise<ViewResult>;

/** Any error class, PyJWT's and the simulator's included. */
export type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

/** A registered rule as `app.url_map` would list it. */
export interface RouteInfo {
  rule: string;
  endpoint: string;
  /** Every method the rule answers, HEAD and OPTIONS included, sorted. */
  methods: string[];
}

interface RegisteredRule {
  compiled: CompiledRule;
  methods: ReadonlySet<string>;
  /** Flask answers OPTIONS itself unless the view listed OPTIONS. */
  automaticOptions: boolean;
  handler: RouteHandler;
  endpoint: string;
}

/**
 * A Flask application in miniature: routes with methods and converters,
 * Flask's view results, error handlers, and Werkzeug's 404, 405 (with
 * `Allow`), 308 (strict slashes), 400/415 from `get_json()` and 500 pages.
 * `handle` never throws: every failure becomes the response Flask would send.
 *
 * @example
 * const app = createApp().get('/hello', () => ({ msg: 'hi' }));
 * await app.testClient().get('/hello') // 200, body '{"msg":"hi"}\n'
 */
export class FlaskSimApp {
  /** Flask's `app.extensions`: where a JwtManager registers itself. */
  readonly extensions = new Map<string, unknown>();
  private readonly rules: RegisteredRule[] = [];
  private readonly statusHandlers = new Map<number, ErrorHandler>();
  private readonly classHandlers = new Map<unknown, ErrorHandler>();

  /**
   * `@app.route(rule, methods=[...])`. Methods are upper-cased; a GET rule also
   * answers HEAD, and every rule answers OPTIONS unless it lists OPTIONS itself.
   */
  route(
    methods: string | readonly string[],
    rule: string,
    handler: RouteHandler,
    options: { endpoint?: string } = {},
  ): this {
    if (typeof handler !== 'function')
      throw new RouteDefinitionError(String(rule), 'a view must be a function', 'TypeError');
    const listed = (typeof methods === 'string' ? [methods] : [...methods]).map((method) =>
      String(method).toUpperCase(),
    );
    if (listed.some((method) => method === '')) throw new RouteDefinitionError(rule, 'a method name cannot be empty');
    const methodSet = new Set(listed);
    if (methodSet.has('GET')) methodSet.add('HEAD');
    const automaticOptions = !methodSet.has('OPTIONS');
    methodSet.add('OPTIONS');
    this.rules.push({
      compiled: compileRule(String(rule)),
      methods: methodSet,
      automaticOptions,
      handler,
      endpoint: options.endpoint ?? (handler.name || rule),
    });
    return this;
  }

  get(rule: string, handler: RouteHandler): this {
    return this.route('GET', rule, handler);
  }

  post(rule: string, handler: RouteHandler): this {
    return this.route('POST', rule, handler);
  }

  put(rule: string, handler: RouteHandler): this {
    return this.route('PUT', rule, handler);
  }

  patch(rule: string, handler: RouteHandler): this {
    return this.route('PATCH', rule, handler);
  }

  delete(rule: string, handler: RouteHandler): this {
    return this.route('DELETE', rule, handler);
  }

  /**
   * `@app.errorhandler(404)` or `@app.errorhandler(SomeError)`. As in Flask, a
   * status handler wins for HTTP errors, then the handler of the nearest class.
   */
  errorHandler<E extends Error>(key: number | ErrorClass<E>, handler: ErrorHandler<E>): this {
    if (typeof key === 'number') this.statusHandlers.set(key, handler as ErrorHandler);
    else this.classHandlers.set(key, handler as ErrorHandler);
    return this;
  }

  /** The registered rules, in registration order. */
  get urlMap(): RouteInfo[] {
    return this.rules.map(({ compiled, methods, endpoint }) => ({
      rule: compiled.rule,
      endpoint,
      methods: [...methods].sort(),
    }));
  }

  /** Flask's test client for this app. */
  testClient(): TestClient {
    return new TestClient(this);
  }

  /** Answers a request as Flask would. Never throws. */
  async handle(input: SimRequest | SimRequestInit): Promise<SimResponse> {
    try {
      const request = input instanceof SimRequest ? input : new SimRequest(input ?? {});
      let response: SimResponse;
      try {
        response = await this.dispatch(request);
      } catch (error) {
        response = await this.respondToError(error, request);
      }
      return finishResponse(response, request.method);
    } catch (error) {
      // Only a request nobody could read gets here (e.g. a path whose toString throws).
      return annotate(httpErrorResponse(httpError(400)), error);
    }
  }

  private async dispatch(request: SimRequest): Promise<SimResponse> {
    const { rule, params, allowedMethods } = this.matchRequest(request);
    if (request.method === 'OPTIONS' && rule.automaticOptions) {
      return new SimResponse('', {
        headers: { 'Content-Type': 'text/html; charset=utf-8', Allow: allowedMethods.join(', ') },
      });
    }
    const result = await rule.handler({ app: this, request, params });
    return responseFromView(result, { endpoint: rule.endpoint });
  }

  /** Werkzeug's routing: the most specific rule for the path and method, or 404/405/308. */
  private matchRequest(request: SimRequest): { rule: RegisteredRule; params: RouteParams; allowedMethods: string[] } {
    const matches = this.rules
      .map((rule) => ({ rule, params: matchRule(rule.compiled, request.path) }))
      .filter((match): match is { rule: RegisteredRule; params: RouteParams } => match.params !== null);
    if (matches.length === 0) {
      if (this.rules.some((rule) => matchRule(rule.compiled, `${request.path}/`) !== null)) {
        const query = request.queryString === '' ? '' : `?${request.queryString}`;
        throw new RequestRedirect(`http://localhost${request.rawPath}/${query}`);
      }
      throw httpError(404);
    }
    const allowedMethods = [...new Set(matches.flatMap((match) => [...match.rule.methods]))].sort();
    const candidates = matches
      .filter((match) => match.rule.methods.has(request.method))
      .sort((a, b) => compareRuleSpecificity(a.rule.compiled, b.rule.compiled));
    const best = candidates[0];
    if (!best) throw httpError(405, { headers: { Allow: allowedMethods.join(', ') } });
    return { ...best, allowedMethods };
  }

  /** Flask's handle_user_exception / handle_exception. */
  private async respondToError(error: unknown, request: SimRequest): Promise<SimResponse> {
    try {
      if (error instanceof RequestRedirect) return annotate(httpErrorResponse(error), error);
      const handler = this.findErrorHandler(error);
      if (handler && error instanceof Error) {
        const result = await handler(error, { app: this, request });
        return annotate(responseFromView(result, { endpoint: 'errorhandler' }), error);
      }
      if (error instanceof HttpException) return annotate(httpErrorResponse(error), error);
      return await this.internalServerError(error, request);
    } catch (handlerError) {
      // An error handler that fails ends in a 500 too, as in Flask.
      return this.internalServerError(handlerError, request);
    }
  }

  private async internalServerError(error: unknown, request: SimRequest): Promise<SimResponse> {
    const serverError = httpError(500);
    try {
      const handler = this.findErrorHandler(serverError);
      if (handler) {
        const result = await handler(serverError, { app: this, request });
        return annotate(responseFromView(result, { endpoint: 'errorhandler' }), error);
      }
    } catch {
      // Even the 500 handler failed: Werkzeug's own page follows.
    }
    return annotate(httpErrorResponse(serverError), error);
  }

  private findErrorHandler(error: unknown): ErrorHandler | undefined {
    if (error instanceof HttpException) {
      const byStatus = this.statusHandlers.get(error.statusCode);
      if (byStatus) return byStatus;
    }
    if (typeof error !== 'object' || error === null) return undefined;
    // Python's MRO walk: the nearest class with a handler wins.
    for (let prototype = Object.getPrototypeOf(error); prototype; prototype = Object.getPrototypeOf(prototype)) {
      const handler = this.classHandlers.get(prototype.constructor);
      if (handler) return handler;
    }
    return undefined;
  }
}

/** `Flask(__name__)`: a new, empty application. */
export function createApp(): FlaskSimApp {
  return new FlaskSimApp();
}

function annotate(response: SimResponse, error: unknown): SimResponse {
  const raisedError: RaisedErrorInfo = describeRaisedError(error);
  return response.with({ raisedError });
}

/** What Werkzeug does on the way out: no body for HEAD (length kept) or for 1xx/204/304 (length dropped). */
function finishResponse(response: SimResponse, method: string): SimResponse {
  if (isBodylessStatus(response.statusCode)) return response.withoutBody(false);
  if (method === 'HEAD') return response.withoutBody(true);
  return response;
}
