import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { HttpException, RouteDefinitionError } from './errors';
import { abort } from './httpErrors';
import { makeResponse } from './makeResponse';
import { SimRequest } from './request';
import { jsonify, SimResponse } from './response';

// Werkzeug 3.1's pages, byte for byte (checked against Flask 3.1's test client).
const NOT_FOUND_PAGE =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
const METHOD_NOT_ALLOWED_PAGE =
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n';
const BAD_REQUEST_PAGE =
  '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>The browser (or proxy) sent a request that this server could not understand.</p>\n';
const UNSUPPORTED_MEDIA_TYPE_PAGE =
  '<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>Did not attempt to load JSON data because the request Content-Type was not &#39;application/json&#39;.</p>\n';
const INTERNAL_SERVER_ERROR_PAGE =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';

const HTML = 'text/html; charset=utf-8';

describe('routing', () => {
  it('404: no rule matches the path', async () => {
    const app = createApp().get('/hello', () => 'hi');
    const response = await app.testClient().get('/nope');
    expect(response.statusCode).toBe(404);
    expect(response.status).toBe('404 NOT FOUND');
    expect(response.headers.get('Content-Type')).toBe(HTML);
    expect(response.headers.get('Content-Length')).toBe('207');
    expect(response.body).toBe(NOT_FOUND_PAGE);
    expect(response.json).toBeNull();
    expect(response.raisedError).toMatchObject({ pythonName: 'werkzeug.exceptions.NotFound', code: 'ERR_HTTP' });
  });

  it('404 for a trailing slash the rule does not have', async () => {
    const app = createApp().get('/protected', () => 'hi');
    expect((await app.testClient().get('/protected/')).statusCode).toBe(404);
  });

  it('405 with Allow when the path matches but the method does not (GET rules add HEAD and OPTIONS)', async () => {
    const app = createApp().get('/hello', () => 'hi');
    const response = await app.testClient().post('/hello');
    expect(response.statusCode).toBe(405);
    expect(response.status).toBe('405 METHOD NOT ALLOWED');
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('Content-Type')).toBe(HTML);
    expect(response.body).toBe(METHOD_NOT_ALLOWED_PAGE);
  });

  it('405 lists the methods of every rule on the path; an unknown method gets it too', async () => {
    const app = createApp()
      .route(['post', 'put'], '/items', () => 'changed')
      .delete('/items', () => 'gone');
    const client = app.testClient();
    const response = await client.get('/items');
    expect(response.headers.get('Allow')).toBe('DELETE, OPTIONS, POST, PUT');
    expect((await client.open('BREW', '/items')).statusCode).toBe(405);
    expect((await client.put('/items')).body).toBe('changed');
  });

  it('answers OPTIONS itself with Allow and an empty body, and HEAD with no body but the length', async () => {
    const app = createApp().get('/hello', () => ({ msg: 'hi' }));
    const client = app.testClient();
    const options = await client.options('/hello');
    expect(options.statusCode).toBe(200);
    expect(options.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(options.body).toBe('');
    const head = await client.head('/hello');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.get('Content-Length')).toBe('13');
  });

  it('redirects 308 to the slashed URL for a rule that ends in a slash (strict slashes)', async () => {
    const app = createApp().get('/items/', () => 'list');
    const response = await app.testClient().get('/items?page=2');
    expect(response.statusCode).toBe(308);
    expect(response.status).toBe('308 PERMANENT REDIRECT');
    expect(response.headers.get('Location')).toBe('http://localhost/items/?page=2');
    expect(response.body).toBe(
      '<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href="http://localhost/items/?page=2">http://localhost/items/?page=2</a>. If not, click the link.\n',
    );
    expect((await app.testClient().get('/items/')).body).toBe('list');
  });

  it('converts <name>, <int:name>, <float:name>, <path:name> and <uuid:name>', async () => {
    const app = createApp()
      .get('/users/<int:user_id>', ({ params }) => ({ params }))
      .get('/users/<name>', ({ params }) => ({ params }))
      .get('/price/<float:amount>', ({ params }) => ({ params }))
      .get('/files/<path:file>', ({ params }) => ({ params }))
      .get('/things/<uuid:id>', ({ params }) => ({ params }));
    const client = app.testClient();
    expect((await client.get('/users/42')).json).toEqual({ params: { user_id: 42 } });
    expect((await client.get('/users/012')).json).toEqual({ params: { user_id: 12 } });
    // Python's \d and int() accept Arabic-Indic digits, so Werkzeug does too.
    expect((await client.get('/users/%D9%A1%D9%A2')).json).toEqual({ params: { user_id: 12 } });
    // The static-and-int rule is more specific, but "-1" is not an int: the string rule takes it.
    expect((await client.get('/users/-1')).json).toEqual({ params: { name: '-1' } });
    expect((await client.get('/users/al%20ice')).json).toEqual({ params: { name: 'al ice' } });
    expect((await client.get('/users/a%2Fb')).statusCode).toBe(404);
    expect((await client.get('/price/1.5')).json).toEqual({ params: { amount: 1.5 } });
    expect((await client.get('/files/a/b/c.txt')).json).toEqual({ params: { file: 'a/b/c.txt' } });
    expect((await client.get('/things/6F9619FF-8B86-D011-B42D-00CF4FC964FF')).json).toEqual({
      params: { id: '6f9619ff-8b86-d011-b42d-00cf4fc964ff' },
    });
  });

  it('prefers a static rule over a converter whatever the order of registration', async () => {
    const app = createApp()
      .get('/users/<name>', ({ params }) => `user ${params.name}`)
      .get('/users/me', () => 'me');
    expect((await app.testClient().get('/users/me')).body).toBe('me');
    expect((await app.testClient().get('/users/bob')).body).toBe('user bob');
  });

  it('refuses rules Werkzeug refuses, with codes', () => {
    const app = createApp();
    const handler = () => 'x';
    expect(() => app.get('no-slash', handler)).toThrow(RouteDefinitionError);
    expect(() => app.get('/a/<nope:x>', handler)).toThrow(
      expect.objectContaining({ code: 'ERR_ROUTE_DEFINITION', pythonName: 'LookupError' }),
    );
    expect(() => app.get('/a/<x>/<x>', handler)).toThrow(RouteDefinitionError);
    expect(() => app.get('/a/<x', handler)).toThrow(RouteDefinitionError);
    expect(() => app.get('/a/<int(signed=True):x>', handler)).toThrow(RouteDefinitionError);
    expect(() => app.route([''], '/a', handler)).toThrow(RouteDefinitionError);
  });

  it('lists its rules like app.url_map', () => {
    const app = createApp().get('/a', function index() {
      return 'a';
    });
    app.route(['POST', 'OPTIONS'], '/b', () => 'b', { endpoint: 'bee' });
    expect(app.urlMap).toEqual([
      { rule: '/a', endpoint: 'index', methods: ['GET', 'HEAD', 'OPTIONS'] },
      { rule: '/b', endpoint: 'bee', methods: ['OPTIONS', 'POST'] },
    ]);
  });
});

describe('the request a view sees', () => {
  it('has the method, the decoded path, args, case-insensitive headers and the body', async () => {
    let seen: SimRequest | undefined;
    const app = createApp().route(['GET', 'POST'], '/echo/<word>', ({ request }) => {
      seen = request;
      return 'ok';
    });
    await app.testClient().post('/echo/caf%C3%A9?a=1&a=2&b=x+y%20z#frag', {
      headers: { 'X-Token': 'abc' },
      body: 'raw text',
    });
    expect(seen?.method).toBe('POST');
    expect(seen?.path).toBe('/echo/café');
    expect(seen?.queryString).toBe('a=1&a=2&b=x+y%20z');
    expect(seen?.fullPath).toBe('/echo/café?a=1&a=2&b=x+y%20z');
    expect(seen?.args.get('a')).toBe('1');
    expect(seen?.args.getAll('a')).toEqual(['1', '2']);
    expect(seen?.args.get('b')).toBe('x y z');
    expect(seen?.headers.get('x-token')).toBe('abc');
    expect(seen?.headers.get('Host')).toBe('localhost');
    expect(seen?.headers.get('Content-Length')).toBe('8');
    expect(seen?.body).toBe('raw text');
  });

  it("sends json= as Flask's test client does: app.json.dumps text and Content-Type", async () => {
    let seen: SimRequest | undefined;
    const app = createApp().post('/j', ({ request }) => {
      seen = request;
      return { got: request.json() };
    });
    const response = await app.testClient().post('/j', { json: { b: 1, a: 'é' } });
    expect(seen?.body).toBe('{"a": "\\u00e9", "b": 1}');
    expect(seen?.headers.get('Content-Type')).toBe('application/json');
    expect(response.body).toBe('{"got":{"a":"\\u00e9","b":1}}\n');
  });

  it('joins a header sent twice with ", ", as Werkzeug 3.1 does; Content-Type keeps the first', async () => {
    let seen: SimRequest | undefined;
    const app = createApp().post('/h', ({ request }) => {
      seen = request;
      return 'ok';
    });
    await app.testClient().post('/h', {
      headers: [
        ['Authorization', 'Basic x'],
        ['authorization', 'Bearer t'],
        ['Content-Type', 'text/plain'],
        ['Content-Type', 'application/json'],
        ['X-Empty', ''],
        ['X-Empty', ''],
      ],
      body: '{}',
    });
    expect(seen?.headers.get('Authorization')).toBe('Basic x, Bearer t');
    expect(seen?.headers.get('Content-Type')).toBe('text/plain');
    expect(seen?.headers.get('X-Empty')).toBe(', ');
    expect([...(seen?.headers.entries() ?? [])].filter(([name]) => name.toLowerCase() === 'authorization')).toEqual([
      ['Authorization', 'Basic x, Bearer t'],
    ]);
    const direct = new SimRequest({
      headers: [
        ['A', '1'],
        ['a', '2'],
        ['Content-Length', '5'],
        ['content-length', '6'],
      ],
    });
    expect(direct.headers.toObject()).toEqual({ A: '1, 2', 'Content-Length': '5' });
  });

  it('upper-cases the method and reads a full URL', () => {
    const request = new SimRequest({ method: 'get', path: 'http://localhost/x?y=1' });
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/x');
    expect(request.args.get('y')).toBe('1');
    expect(new SimRequest({ path: 'no-slash' }).path).toBe('/no-slash');
    expect(new SimRequest().method).toBe('GET');
  });
});

describe('request.json()', () => {
  const app = createApp()
    .post('/strict', ({ request }) => ({ got: request.json() }))
    .post('/silent', ({ request }) => ({ got: request.json({ silent: true }) }))
    .post('/force', ({ request }) => ({ got: request.json({ force: true }) }));
  const client = app.testClient();

  it('parses a JSON body with a JSON content type (application/json; charset, or +json)', async () => {
    const body = '{"a": [1, 2]}';
    for (const type of ['application/json', 'Application/JSON; charset=utf-8', 'application/problem+json']) {
      const response = await client.post('/strict', { headers: { 'Content-Type': type }, body });
      expect(response.json, type).toEqual({ got: { a: [1, 2] } });
    }
  });

  it('answers 400 Bad Request (the generic page, as outside debug mode) for a body that is not JSON', async () => {
    for (const body of ['{bad', '', "{'a': 1}"]) {
      const response = await client.post('/strict', { headers: { 'Content-Type': 'application/json' }, body });
      expect(response.statusCode).toBe(400);
      expect(response.status).toBe('400 BAD REQUEST');
      expect(response.headers.get('Content-Type')).toBe(HTML);
      expect(response.body).toBe(BAD_REQUEST_PAGE);
      expect(response.raisedError?.pythonName).toBe('werkzeug.exceptions.BadRequest');
    }
  });

  it("reads what Python's json reads: NaN and Infinity, and a body after a byte-order mark", async () => {
    // Outputs of Flask 3.1.3's test client for the same bodies.
    const cases: [string, number, string][] = [
      ['{"n": NaN}', 200, '{"got":{"n":NaN}}\n'],
      ['\ufeff{"a": 1}', 200, '{"got":{"a":1}}\n'],
      ['[-Infinity, Infinity, 1e400]', 200, '{"got":[-Infinity,Infinity,Infinity]}\n'],
      ['"NaN"', 200, '{"got":"NaN"}\n'],
      ['["x\\"NaN", NaN]', 200, '{"got":["x\\"NaN",NaN]}\n'],
      ['-NaN', 400, BAD_REQUEST_PAGE],
      ['NaNa', 400, BAD_REQUEST_PAGE],
      ['\ufeff\ufeff1', 400, BAD_REQUEST_PAGE],
      ['{"a": 1, "a": 2}', 200, '{"got":{"a":2}}\n'],
      ['"\\ud800"', 200, '{"got":"\\ud800"}\n'],
      // Nesting too deep is Python's RecursionError, which Flask does not catch.
      ['['.repeat(5000), 500, INTERNAL_SERVER_ERROR_PAGE],
    ];
    for (const [body, status, text] of cases) {
      const response = await client.post('/strict', { headers: { 'Content-Type': 'application/json' }, body });
      expect([response.statusCode, response.body], body).toEqual([status, text]);
    }
  });

  it('answers 415 Unsupported Media Type without a JSON content type (Flask 2.3+)', async () => {
    const response = await client.post('/strict', { body: '{"a": 1}' });
    expect(response.statusCode).toBe(415);
    expect(response.body).toBe(UNSUPPORTED_MEDIA_TYPE_PAGE);
  });

  it('gives null when silent, and parses anything when forced', async () => {
    expect((await client.post('/silent', { body: '{"a": 1}' })).json).toEqual({ got: null });
    expect((await client.post('/silent', { json: 'x', headers: {} })).json).toEqual({ got: 'x' });
    expect(
      (await client.post('/silent', { headers: { 'Content-Type': 'application/json' }, body: '{bad' })).json,
    ).toEqual({ got: null });
    expect((await client.post('/force', { body: '{"a": 1}' })).json).toEqual({ got: { a: 1 } });
  });
});

describe('view results (Flask make_response)', () => {
  it('dict and list: 200 JSON, compact, keys sorted, non-ASCII escaped, trailing newline', async () => {
    const app = createApp()
      .get('/dict', () => ({ b: 1, a: 'é', nested: { z: null, y: [true, 1.5] } }))
      .get('/list', () => [1, 2]);
    const dict = await app.testClient().get('/dict');
    expect(dict.status).toBe('200 OK');
    expect(dict.headers.get('Content-Type')).toBe('application/json');
    expect(dict.body).toBe('{"a":"\\u00e9","b":1,"nested":{"y":[true,1.5],"z":null}}\n');
    expect(dict.json).toEqual({ a: 'é', b: 1, nested: { y: [true, 1.5], z: null } });
    expect((await app.testClient().get('/list')).body).toBe('[1,2]\n');
  });

  it('a string: 200 text/html', async () => {
    const response = await createApp()
      .get('/s', () => 'text')
      .testClient()
      .get('/s');
    expect(response.headers.toObject()).toEqual({ 'Content-Type': HTML, 'Content-Length': '4' });
    expect(response.body).toBe('text');
    expect(response.json).toBeNull();
  });

  it('tuples: (body, status) and (body, status, headers), headers replacing defaults', async () => {
    const app = createApp()
      .post('/created', () => [{ id: 1 }, 201])
      .get('/teapot', () => ['short and stout', 418, { 'X-Kettle': 'on' }])
      .get('/plain', () => [{ a: 1 }, 201, { 'Content-Type': 'text/plain' }])
      .get('/pairs', () => ['x', 202, [['X-A', 'b']]]);
    const client = app.testClient();
    const created = await client.post('/created');
    expect(created.status).toBe('201 CREATED');
    expect(created.body).toBe('{"id":1}\n');
    const teapot = await client.get('/teapot');
    expect(teapot.status).toBe("418 I'M A TEAPOT");
    expect(teapot.headers.get('x-kettle')).toBe('on');
    const plain = await client.get('/plain');
    expect(plain.headers.get('Content-Type')).toBe('text/plain');
    expect(plain.json).toBeNull();
    expect((await client.get('/pairs')).headers.get('X-A')).toBe('b');
  });

  it('makeResponse: explicit tuples, status lines, unknown codes, and a JSON list that looks like a tuple', async () => {
    const app = createApp()
      .get('/list', () => makeResponse(['ok', 200]))
      .get('/line', () => makeResponse('x', '418 TEAPOT'))
      .get('/code', () => makeResponse('x', '201'))
      .get('/unknown', () => makeResponse('x', 299))
      .get('/headers-only', () => makeResponse({ a: 1 }, { 'X-A': 'b' }))
      .get('/empty', () => makeResponse());
    const client = app.testClient();
    expect((await client.get('/list')).body).toBe('["ok",200]\n');
    expect((await client.get('/line')).status).toBe('418 TEAPOT');
    expect((await client.get('/code')).status).toBe('201 CREATED');
    expect((await client.get('/unknown')).status).toBe('299 UNKNOWN');
    const headersOnly = await client.get('/headers-only');
    expect(headersOnly.statusCode).toBe(200);
    expect(headersOnly.headers.get('X-A')).toBe('b');
    expect((await client.get('/empty')).body).toBe('');
  });

  it('a SimResponse or jsonify() is used as it is; 204 sends no body and no length', async () => {
    const app = createApp()
      .get('/r', () => new SimResponse('raw', { status: 202, mimetype: 'text/plain' }))
      .get('/j', () => jsonify({ msg: 'hi' }, 201))
      .delete('/x', () => ['', 204]);
    const client = app.testClient();
    const raw = await client.get('/r');
    expect(raw.status).toBe('202 ACCEPTED');
    expect(raw.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect((await client.get('/j')).body).toBe('{"msg":"hi"}\n');
    const deleted = await client.delete('/x');
    expect(deleted.status).toBe('204 NO CONTENT');
    expect(deleted.headers.has('Content-Length')).toBe(false);
  });

  it('None, a number or a 4-tuple: 500, with the TypeError Flask raises', async () => {
    const app = createApp()
      .get('/none', function nothing() {
        return undefined as unknown as string;
      })
      .get('/number', () => 5 as unknown as string)
      .get('/four', () => makeResponse('x', 200, {}, 'extra'));
    const client = app.testClient();
    const none = await client.get('/none');
    expect(none.statusCode).toBe(500);
    expect(none.body).toBe(INTERNAL_SERVER_ERROR_PAGE);
    expect(none.raisedError).toMatchObject({ code: 'ERR_VIEW_RESULT', pythonName: 'TypeError' });
    expect(none.raisedError?.message).toContain("The view function for 'nothing' did not return a valid response");
    expect((await client.get('/number')).raisedError?.message).toContain('but it was a int');
    expect((await client.get('/four')).raisedError?.message).toContain('valid response tuple');
  });

  it('a value JSON cannot hold: 500 with TypeError', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const app = createApp()
      .get('/map', () => ({ m: new Map() }))
      .get('/cycle', () => cyclic);
    expect((await app.testClient().get('/map')).raisedError).toMatchObject({
      code: 'ERR_JSON_SERIALIZE',
      message: 'Object of type Map is not JSON serializable',
    });
    expect((await app.testClient().get('/cycle')).raisedError).toMatchObject({ pythonName: 'ValueError' });
  });
});

describe('errors', () => {
  it('a view that throws: 500 Internal Server Error page, never a rejection', async () => {
    const app = createApp()
      .get('/boom', () => {
        throw new Error('kaboom');
      })
      .get('/async-boom', async () => {
        throw new TypeError('async kaboom');
      })
      .get('/string', () => {
        throw 'a string';
      });
    const client = app.testClient();
    const boom = await client.get('/boom');
    expect(boom.statusCode).toBe(500);
    expect(boom.status).toBe('500 INTERNAL SERVER ERROR');
    expect(boom.headers.get('Content-Type')).toBe(HTML);
    expect(boom.body).toBe(INTERNAL_SERVER_ERROR_PAGE);
    expect(boom.raisedError).toEqual({ pythonName: 'Error', code: 'ERR_UNEXPECTED', message: 'kaboom' });
    expect((await client.get('/async-boom')).raisedError?.pythonName).toBe('TypeError');
    expect((await client.get('/string')).raisedError?.message).toBe('a string');
  });

  it('abort(status) answers the Werkzeug page for that status', async () => {
    const app = createApp()
      .get('/secret', () => abort(403))
      .get('/odd', () => abort(299));
    const forbidden = await app.testClient().get('/secret');
    expect(forbidden.status).toBe('403 FORBIDDEN');
    expect(forbidden.body).toContain('<title>403 Forbidden</title>');
    // abort() with a code Werkzeug has no exception for raises LookupError: a 500.
    expect((await app.testClient().get('/odd')).raisedError?.pythonName).toBe('LookupError');
  });

  it('error handlers: by status for HTTP errors, by nearest class otherwise, 500 when the handler fails', async () => {
    class AppError extends Error {}
    class NotAllowed extends AppError {}
    const app = createApp()
      .get('/not-allowed', () => {
        throw new NotAllowed('no');
      })
      .get('/broken', () => {
        throw new RangeError('x');
      })
      .errorHandler(404, () => [{ msg: 'nothing here' }, 404])
      .errorHandler(AppError, (error) => [{ msg: `app error: ${error.message}` }, 400])
      .errorHandler(RangeError, () => {
        throw new Error('the handler broke');
      });
    const client = app.testClient();
    const missing = await client.get('/missing');
    expect(missing.body).toBe('{"msg":"nothing here"}\n');
    expect(missing.status).toBe('404 NOT FOUND');
    expect((await client.get('/not-allowed')).body).toBe('{"msg":"app error: no"}\n');
    expect((await client.get('/broken')).body).toBe(INTERNAL_SERVER_ERROR_PAGE);
  });

  it('a 500 handler replaces the default page', async () => {
    const app = createApp()
      .get('/boom', () => {
        throw new Error('x');
      })
      .errorHandler(500, () => [{ msg: 'sorry' }, 500]);
    const response = await app.testClient().get('/boom');
    expect(response.body).toBe('{"msg":"sorry"}\n');
    expect(response.raisedError?.message).toBe('x');
  });

  it('HttpException carries its status, description and Python class; its message is str(e) in Python', () => {
    expect(() => abort(404)).toThrow(HttpException);
    expect(() => abort(404)).toThrow(
      expect.objectContaining({
        statusCode: 404,
        reason: 'Not Found',
        code: 'ERR_HTTP',
        pythonName: 'werkzeug.exceptions.NotFound',
        message:
          '404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
      }),
    );
    expect(() => abort(400, 'Missing field')).toThrow('400 Bad Request: Missing field');
  });

  it('handle() accepts a plain request description too', async () => {
    const app = createApp().get('/x', () => 'x');
    expect((await app.handle({ method: 'GET', path: '/x' })).body).toBe('x');
    expect((await app.handle({})).statusCode).toBe(404);
  });
});
