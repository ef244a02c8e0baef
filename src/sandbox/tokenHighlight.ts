export type TokenPiece = { kind: 'header' | 'payload' | 'signature' | 'dot' | 'extra'; text: string };

/** Longer tokens are left uncoloured: a million spans would make every keystroke slow. */
export const MAX_HIGHLIGHTED = 20_000;

/**
 * Splits the encoded token exactly as typed (no trimming, so the overlay
 * lines up with the textarea character for character) into coloured pieces:
 * the first three dot-separated parts, the dots, and anything after a
 * third dot as `extra`.
 *
 * @example highlightPieces('a.b.c').map((piece) => piece.kind) // header dot payload dot signature
 */
export function highlightPieces(text: string): TokenPiece[] {
  const kinds = ['header', 'payload', 'signature'] as const;
  const pieces: TokenPiece[] = [];
  text.split('.').forEach((part, index) => {
    if (index > 0) pieces.push({ kind: index < 3 ? 'dot' : 'extra', text: '.' });
    if (part !== '') pieces.push({ kind: kinds[index] ?? 'extra', text: part });
  });
  return pieces;
}
