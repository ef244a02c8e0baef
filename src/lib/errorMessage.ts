/**
 * The message of whatever was thrown: an Error's message, or the thrown value as text.
 *
 * @example errorMessage(new TypeError('bad')) // 'bad'
 * @example errorMessage('plain') // 'plain'
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
