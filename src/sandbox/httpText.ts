import type { SimResponse } from '../flask-sim';

/** A request as the learner wrote it in the simulator's editor. */
export interface DraftRequest {
  method: string;
  path: string;
  /** One `Name: value` per line. */
  headersText: string;
  body: string;
}

export interface ParsedHeaders {
  headers: [string, string][];
  /** Lines that are not `Name: value`, reported and skipped (an HTTP client would refuse them). */
  problems: string[];
}

/**
 * Reads `Name: value` lines as an HTTP client does: blank lines ignored,
 * the value trimmed, a line without a colon (or with an empty name) reported.
 */
export function parseHeaderLines(text: string): ParsedHeaders {
  const headers: [string, string][] = [];
  const problems: string[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!name || /[\s()<>@,;:\\"/[\]?={}]/.test(name)) {
      problems.push(`line ${index + 1}: "${line.slice(0, 60)}" is not "Name: value"; it was not sent`);
      continue;
    }
    headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { headers, problems };
}

/** The headers text with `Authorization: Bearer <token>` set (replacing any Authorization line). */
export function withBearer(headersText: string, token: string): string {
  const kept = headersText.split(/\r?\n/).filter((line) => line.trim() !== '' && !/^\s*authorization\s*:/i.test(line));
  return [...kept, `Authorization: Bearer ${token}`].join('\n');
}

/** The request as it would cross the wire (HTTP/1.1 text). */
export function rawRequestText(method: string, path: string, headers: [string, string][], body: string): string {
  const lines = [
    `${method} ${path || '/'} HTTP/1.1`,
    'Host: api.example',
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\n')}\n\n${body}`;
}

/** The response as it would cross the wire. */
export function rawResponseText(response: SimResponse): string {
  const lines = [
    `HTTP/1.1 ${response.status}`,
    ...[...response.headers.entries()].map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\n')}\n\n${response.body}`;
}

/** A token shortened for one-line display: `eyJhbGciOi…Xk` */
export function shortToken(token: string): string {
  return token.length > 24 ? `${token.slice(0, 12)}…${token.slice(-8)}` : token;
}
