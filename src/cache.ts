/**
 * A small content-keyed cache on disk, shared by runs and by the preview: what is stored
 * under a key is fully determined by the key (a hash of everything that went into it), so a
 * stale entry cannot exist, and deleting the folder is always safe.
 *
 * It lives in a folder of the user's own: REPORT_CACHE_DIR if set, else
 * $XDG_CACHE_HOME/report, else ~/.cache/report, created with mode 700. The folder is used
 * only if it is a real folder (not a link), owned by the user running report, and writable
 * by no one else; otherwise the cache is off for that run: every read misses and nothing is
 * written. Nothing here ever fails a build.
 *
 * Each entry starts with a header line holding the key it was written for and the SHA-256
 * and length of what follows. An entry is used only when it is a regular file under a size
 * cap (opened without blocking and without following a link) and its header matches both
 * the key asked for and the content; anything else (missing, truncated, corrupt, planted,
 * another key's entry) is a miss, rebuilt and written over.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Far above any chart image or list of page numbers; a larger entry is not read. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
const MAGIC = 'report-cache/1';
const KEY = /^[0-9a-f]{64}$/;
const KIND = /^[a-z][a-z0-9-]*$/;

export function cacheDir(): string {
  if (process.env.REPORT_CACHE_DIR) return process.env.REPORT_CACHE_DIR;
  const xdg = process.env.XDG_CACHE_HOME;
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and is ignored.
  return xdg && xdg.startsWith('/') ? join(xdg, 'report') : join(homedir(), '.cache', 'report');
}

export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A real folder, of this user's, that no one else can write into. */
function isPrivateFolder(path: string): boolean {
  try {
    const info = lstatSync(path);
    if (!info.isDirectory()) return false; // a link, even to a folder, is not used
    const uid = process.getuid?.();
    if (uid === undefined) return true; // no owners or modes to check (Windows)
    return info.uid === uid && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The folder for entries of one kind, made if need be, or undefined when it is not safe to use. */
function folderFor(root: string, kind: string, create: boolean): string | undefined {
  if (!KIND.test(kind)) return undefined;
  const folder = join(root, kind);
  try {
    if (create) mkdirSync(root, { recursive: true, mode: 0o700 });
    if (!isPrivateFolder(root)) return undefined;
    if (create) mkdirSync(folder, { recursive: true, mode: 0o700 });
    return isPrivateFolder(folder) ? folder : undefined;
  } catch {
    return undefined;
  }
}

function header(key: string, content: Buffer): string {
  return `${MAGIC} ${key} ${createHash('sha256').update(content).digest('hex')} ${content.length}\n`;
}

/** The bytes of a regular file no larger than the cap, or undefined; never blocks on a pipe. */
function readBounded(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_ENTRY_BYTES) return undefined;
    const buffer = Buffer.allocUnsafe(Math.min(info.size + 1, MAX_ENTRY_BYTES + 1));
    let total = 0;
    for (;;) {
      const read = readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
      // Grown since it was measured: not an entry this process wrote whole.
      if (total === buffer.length) return undefined;
    }
    return buffer.subarray(0, total);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** An entry of the cache in `root` (by default the user's, cacheDir()), or undefined. */
export function readCache(kind: string, key: string, root = cacheDir()): Buffer | undefined {
  if (!KEY.test(key)) return undefined;
  const folder = folderFor(root, kind, false);
  if (!folder) return undefined;
  const entry = readBounded(join(folder, key));
  if (!entry) return undefined;
  const end = entry.indexOf(0x0a);
  if (end < 0 || end > 256) return undefined;
  const content = entry.subarray(end + 1);
  return entry.subarray(0, end + 1).toString('latin1') === header(key, content) ? content : undefined;
}

export function writeCache(kind: string, key: string, content: Buffer | string, root = cacheDir()): void {
  if (!KEY.test(key)) return;
  const folder = folderFor(root, kind, true);
  if (!folder) return;
  const bytes = Buffer.from(content);
  // Write then rename, so a reader never sees half a file; the rename also replaces
  // whatever was there (a corrupt entry, a planted pipe).
  const temporary = join(folder, `${key}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(header(key, bytes), 'latin1'), bytes]), { flag: 'wx', mode: 0o600 });
    renameSync(temporary, join(folder, key));
  } catch {
    // A cache that cannot be written only costs time.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Left behind; it is never read.
    }
  }
}
