/** A token as pasted, with what was taken off it. */
export interface PastedToken {
  token: string;
  /** The Authorization header text removed from the front ("Bearer ", "Authorization: Bearer "), if any. */
  removedPrefix?: string;
}

const BEARER_PREFIX = /^\s*((?:authorization\s*:\s*)?bearer\s+)(?=\S)/i;

/**
 * Takes `Bearer ` (any case, any surrounding whitespace, optionally after
 * `Authorization:`) off a pasted token: that word is the header's scheme, not
 * part of the JWT. Anything else is returned as it is.
 *
 * @example stripBearerPrefix('  bearer eyJ.a.b ') // { token: 'eyJ.a.b', removedPrefix: 'bearer ' }
 */
export function stripBearerPrefix(text: string): PastedToken {
  const match = BEARER_PREFIX.exec(text);
  if (!match?.[1]) return { token: text };
  return { token: text.slice(match[0].length).trim(), removedPrefix: match[1].replace(/\s+/g, ' ') };
}
