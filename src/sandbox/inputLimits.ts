// Size limits for what a learner can paste into the sandboxes. Past them the
// page would decode, sign, colour and keep megabytes on every keystroke.

/** The longest token the inspector looks at: 64 KB (JWTs are ASCII, so one character is one byte). */
export const MAX_TOKEN_CHARS = 64 * 1024;
/** The longest request body (and header block) the simulator sends. */
export const MAX_REQUEST_BODY_CHARS = 64 * 1024;
/** Request bodies kept across all stored exchanges; older ones are dropped past it. */
export const MAX_KEPT_BODY_CHARS = 256 * 1024;

export interface LimitedText {
  text: string;
  /** The length before cutting, when the text was cut. */
  cutFrom?: number;
}

/**
 * Keeps the first `max` characters of `text`.
 *
 * @example limitText('abcdef', 4) // { text: 'abcd', cutFrom: 6 }
 */
export function limitText(text: string, max: number): LimitedText {
  return text.length > max ? { text: text.slice(0, max), cutFrom: text.length } : { text };
}

const count = (n: number) => n.toLocaleString('en-US');
const kb = (chars: number) => `${Math.round(chars / 1024)} KB`;

/** The inspector's note after a token was cut. */
export function tokenCutNote(cutFrom: number, max = MAX_TOKEN_CHARS): string {
  return `That token was ${count(cutFrom)} characters. The inspector takes at most ${kb(max)} (${count(max)} characters): it kept the first ${count(max)} and inspects nothing past them. Real JWTs are a few hundred bytes to a few KB.`;
}

/** The simulator's note after a request field was cut. */
export function requestCutNote(field: 'body' | 'headers', cutFrom: number, max = MAX_REQUEST_BODY_CHARS): string {
  return `The ${field} you entered was ${count(cutFrom)} characters. The simulator takes at most ${kb(max)} (${count(max)} characters) of ${field}: it kept the first ${count(max)} and dropped the rest.`;
}
