/** How a path is shown to the user: relative to the working folder when inside it. */
import { relative } from 'node:path';

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
