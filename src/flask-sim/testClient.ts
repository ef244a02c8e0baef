import { flaskJsonDumps } from './flaskJson';
import { byteLength, SimHeaders, type SimHeadersInit } from './http';
import { requestHeaders, SimRequest } from './request';
import type { SimResponse } from './response';

export interface TestRequestOptions {
  /** A name may come twice, as `[name, value]` pairs: joined as Werkzeug's test client joins them. */
  headers?: SimHeadersInit;
  /** Sent as Flask's test client sends `json=`: `app.json.dumps` text, `Content-Type: application/json`. */
  json?: unknown;
  /** The raw body text (Flask's `data=`); ignored when `json` is given. */
  body?: string;
}

/** Anything that answers requests; the app, in practice. */
export interface RequestHandler {
  handle(request: SimRequest): Promise<SimResponse>;
}

/**
 * Flask's `app.test_client()`: builds the request as Werkzeug's test client
 * does (Host `localhost`, Content-Type for `json`, Content-Length for a body)
 * and returns the app's response. Async, because verifying a JWT is.
 *
 * @example const response = await client.post('/login', { json: { username: 'alice', password: 'wonderland' } })
 */
export class TestClient {
  private readonly app: RequestHandler;

  constructor(app: RequestHandler) {
    this.app = app;
  }

  /**
   * Any method. Rejects only when `json` cannot be written as JSON (a cycle,
   * a Map...), which Python's test client raises too.
   */
  async open(method: string, path: string, options: TestRequestOptions = {}): Promise<SimResponse> {
    let headers: SimHeaders;
    try {
      headers = requestHeaders(options.headers);
    } catch {
      headers = new SimHeaders();
    }
    let body = typeof options.body === 'string' ? options.body : '';
    if (options.json !== undefined) {
      body = flaskJsonDumps(options.json, { compact: false });
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    }
    if (body !== '' && !headers.has('Content-Length')) headers.set('Content-Length', byteLength(body));
    if (!headers.has('Host')) headers.set('Host', 'localhost');
    return this.app.handle(new SimRequest({ method, path, headers, body }));
  }

  get(path: string, options?: TestRequestOptions): Promise<SimResponse> {
    return this.open('GET', path, options);
  }

  post(path: string, options?: TestRequestOptions): Promise<SimResponse> {
    return this.open('POST', path, options);
  }

  put(path: string, options?: TestRequestOptions): Promise<SimResponse> {
    return this.open('PUT', path, options);
  }

  patch(path: string, options?: TestRequestOptions): Promise<SimResponse> {
    return this.open('PATCH', path, options);
  }

  delete(path: string, options?: TestRequestOptions): Promise<SimResponse> {
    return this.open('DELETE', path, options);
  }

  head(path: string, options?: TestRequestOptions): Promise<SimResponse> {
    return this.open('HEAD', path, options);
  }

  options(path: string, options?: TestRequestOptions): Promise<SimResponse> {
    return this.open('OPTIONS', path, options);
  }
}
