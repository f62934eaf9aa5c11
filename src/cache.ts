/**
 * A small content-keyed cache on disk, shared by runs and by the preview: what is stored
 * under a key is fully determined by the key (a hash of everything that went into it), so a
 * stale entry cannot exist. REPORT_CACHE_DIR moves it; deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export function cacheDir(): string {
  return process.env.REPORT_CACHE_DIR ?? join(tmpdir(), `report-cache-${userInfo().uid}`);
}

export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function readCache(kind: string, key: string): Buffer | undefined {
  try {
    return readFileSync(join(cacheDir(), kind, key));
  } catch {
    return undefined;
  }
}

export function writeCache(kind: string, key: string, content: Buffer | string): void {
  try {
    const dir = join(cacheDir(), kind);
    mkdirSync(dir, { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temporary = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, content);
    renameSync(temporary, join(dir, key));
  } catch {
    // A cache that cannot be written only costs time.
  }
}
