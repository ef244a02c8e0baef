import { describe, expect, it } from 'vitest';
import { flaskJsonDumps } from './flaskJson';
import { contentTypeFor, isJsonMimetype, mimetypeOf, parseStatus, SimHeaders, statusLine } from './http';
import { escapeHtml } from './httpErrors';
import { isPythonTruthy, pythonSplitOnCommas, pythonSplitWhitespace, pythonStrip } from './pythonText';
import { percentDecode } from './request';
import { SimResponse } from './response';

describe('status lines (Werkzeug style)', () => {
  it.each([
    [200, '200 OK'],
    [201, '201 CREATED'],
    [400, '400 BAD REQUEST'],
    [401, '401 UNAUTHORIZED'],
    [404, '404 NOT FOUND'],
    [405, '405 METHOD NOT ALLOWED'],
    [415, '415 UNSUPPORTED MEDIA TYPE'],
    [422, '422 UNPROCESSABLE ENTITY'],
    [500, '500 INTERNAL SERVER ERROR'],
    [299, '299 UNKNOWN'],
  ])('%i -> %s', (code, line) => {
    expect(statusLine(code)).toBe(line);
  });

  it('reads statuses as a number, a code string or a whole line', () => {
    expect(parseStatus(404)).toEqual({ statusCode: 404, status: '404 NOT FOUND' });
    expect(parseStatus('201')).toEqual({ statusCode: 201, status: '201 CREATED' });
    expect(parseStatus(' 418 TEAPOT ')).toEqual({ statusCode: 418, status: '418 TEAPOT' });
    expect(parseStatus('weird')).toEqual({ statusCode: 0, status: '0 weird' });
    expect(() => parseStatus('  ')).toThrow(expect.objectContaining({ pythonName: 'ValueError' }));
  });
});

describe('SimHeaders', () => {
  it('is case-insensitive and keeps the casing first written', () => {
    const headers = new SimHeaders({ 'Content-Type': 'application/json' });
    headers.set('x-custom', 'a');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('CONTENT-TYPE')).toBe('application/json');
    expect(headers.has('X-Custom')).toBe(true);
    expect(headers.get('missing')).toBeNull();
    headers.set('CONTENT-TYPE', 'text/plain');
    expect([...headers.entries()]).toEqual([
      ['CONTENT-TYPE', 'text/plain'],
      ['x-custom', 'a'],
    ]);
    expect(headers.delete('X-CUSTOM')).toBe(true);
    expect(headers.size).toBe(1);
  });

  it('is built from objects, pairs or other headers, and stringifies values', () => {
    expect(new SimHeaders([['A', 1]]).toObject()).toEqual({ A: '1' });
    expect(new SimHeaders(new SimHeaders({ B: 'x' })).get('b')).toBe('x');
    expect(new SimHeaders().update({ C: 'y' }).toObject()).toEqual({ C: 'y' });
  });
});

describe('content types', () => {
  it('adds a charset to text types only, as Werkzeug does', () => {
    expect(contentTypeFor('text/html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('application/json')).toBe('application/json');
    expect(contentTypeFor('application/xml')).toBe('application/xml; charset=utf-8');
  });

  it('recognises JSON mimetypes', () => {
    expect(mimetypeOf(' Application/JSON ; charset=utf-8')).toBe('application/json');
    expect(isJsonMimetype('application/json')).toBe(true);
    expect(isJsonMimetype('application/vnd.api+json')).toBe(true);
    expect(isJsonMimetype('text/json')).toBe(false);
    expect(mimetypeOf(null)).toBe('');
  });

  it('gives a response json only for a JSON mimetype', () => {
    expect(new SimResponse('{"a":1}', { mimetype: 'application/json' }).json).toEqual({ a: 1 });
    expect(new SimResponse('{"a":1}').json).toBeNull();
    expect(new SimResponse('{bad', { mimetype: 'application/json' }).json).toBeNull();
  });

  it('counts Content-Length in UTF-8 bytes', () => {
    expect(new SimResponse('é€').headers.get('Content-Length')).toBe('5');
  });
});

describe('flaskJsonDumps', () => {
  it('writes what jsonify writes: compact, sorted by code point, ensure_ascii', () => {
    expect(flaskJsonDumps({ msg: 'Missing Authorization Header' })).toBe('{"msg":"Missing Authorization Header"}');
    expect(flaskJsonDumps({ b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    expect(flaskJsonDumps({ '\u{1F600}': 1, '\uFF21': 2 })).toBe('{"\\uff21":2,"\\ud83d\\ude00":1}');
    expect(flaskJsonDumps("<JWT> & 'quotes'")).toBe('"<JWT> & \'quotes\'"');
  });

  it("writes what app.json.dumps writes (the test client's json=) with Python's default separators", () => {
    expect(flaskJsonDumps({ password: 'wonderland', username: 'alice' }, { compact: false })).toBe(
      '{"password": "wonderland", "username": "alice"}',
    );
    expect(flaskJsonDumps([1, { a: 2 }], { compact: false })).toBe('[1, {"a": 2}]');
  });

  it('writes numbers as Python does, NaN and Infinity bare, dates as HTTP dates', () => {
    expect(flaskJsonDumps([1e-5, 1e21, 0.1, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(
      '[1e-05,1e+21,0.1,0,NaN,Infinity,-Infinity]',
    );
    expect(flaskJsonDumps(new Date(Date.UTC(2015, 9, 21, 7, 28)))).toBe('"Wed, 21 Oct 2015 07:28:00 GMT"');
    expect(flaskJsonDumps({ skipped: undefined, kept: [undefined] })).toBe('{"kept":[null]}');
  });

  it("raises Python's errors for what JSON cannot hold", () => {
    expect(() => flaskJsonDumps(new Set())).toThrow(expect.objectContaining({ code: 'ERR_JSON_SERIALIZE' }));
    expect(() => flaskJsonDumps(() => 1)).toThrow('Object of type function is not JSON serializable');
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(() => flaskJsonDumps(cycle)).toThrow('Circular reference detected');
  });
});

describe('text helpers', () => {
  it("strips and splits on Python's whitespace, not JavaScript's", () => {
    expect(pythonStrip('\u001c\u0085 a \u3000')).toBe('a');
    expect(pythonStrip('\uFEFFa')).toBe('\uFEFFa');
    expect(pythonStrip(',,a,', ',')).toBe('a');
    expect(pythonSplitWhitespace(' a\u001fb  c ')).toEqual(['a', 'b', 'c']);
    expect(pythonSplitWhitespace('   ')).toEqual([]);
    expect(pythonSplitOnCommas('a,, b,\u0085c')).toEqual(['a', '', 'b', 'c']);
  });

  it('judges truthiness as Python does for JSON values', () => {
    for (const falsy of [null, false, 0, '', [], {}]) expect(isPythonTruthy(falsy), JSON.stringify(falsy)).toBe(false);
    for (const truthy of [true, 1, 'x', [0], { a: 0 }, Number.NaN]) expect(isPythonTruthy(truthy)).toBe(true);
  });

  it('percent-decodes paths without ever throwing', () => {
    expect(percentDecode('/caf%C3%A9')).toBe('/café');
    expect(percentDecode('/%ZZ/%')).toBe('/%ZZ/%');
    expect(percentDecode('/%E0%A4%A')).toBe('/\uFFFD%A');
  });

  it('escapes HTML as markupsafe does', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
