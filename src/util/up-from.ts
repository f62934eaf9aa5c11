/** Looking upwards from a folder, as git, npm and editors do to find their files. */
import { dirname, resolve } from 'node:path';

/** `dir` and each folder above it, nearest first, up to the root. */
export function* upFrom(dir: string): Generator<string> {
  let current = resolve(dir);
  for (;;) {
    yield current;
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
