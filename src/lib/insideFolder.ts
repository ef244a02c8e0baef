import path from 'node:path';

/**
 * Whether `target` lies inside `folder` (both absolute; the folder itself is not inside).
 * Build- and server-side only: it needs node:path.
 *
 * @example isInsideFolder('/a/b', '/a/b/c.md') // true
 * @example isInsideFolder('/a/b', '/a/bc/d.md') // false
 */
export function isInsideFolder(folder: string, target: string): boolean {
  return path.resolve(target).startsWith(path.resolve(folder) + path.sep);
}
