/**
 * Every file this tool reads on a user's behalf (data, CSV, the logo, templates, catalogues)
 * is read here: only a regular file, checked before it is opened, and never more than a set
 * number of bytes, counted as they are read. A symbolic link to /dev/zero, a FIFO that never
 * ends, a socket or a device is refused with a sentence a person can act on, not read.
 */
import { constants } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

/** A file that was not read, and why, in words for the person who edits the data. */
export class RefusedFile extends Error {
  constructor(
    message: string,
    readonly hint: string,
    /** The system's error code, when there was one (ENOENT, EACCES...). */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'RefusedFile';
  }
}

/** A file longer than the reader allows: a caller may say what size it expected instead. */
export class FileTooLarge extends RefusedFile {
  constructor(message: string, hint: string) {
    super(message, hint);
    this.name = 'FileTooLarge';
  }
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not an ordinary file';
}

/** Why a path cannot be opened, from the error the system gave, in plain words. */
export async function explainUnreadable(path: string, error: unknown): Promise<RefusedFile> {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    const link = await lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink()) return new RefusedFile('is a link to a file that does not exist', 'remove the link, or point it at the real file', code);
    return new RefusedFile('does not exist', 'check the name and the folder', code);
  }
  if (code === 'ELOOP') return new RefusedFile('is a link that leads round in a loop', 'remove the link, or point it at the real file', code);
  if (code === 'EACCES' || code === 'EPERM') return new RefusedFile('cannot be read: permission denied', 'check that you may read it (its owner and permissions)', code);
  if (code === 'ENAMETOOLONG') return new RefusedFile('has a name too long for this system', 'use a shorter name or folder', code);
  if (code === 'ENOTDIR') return new RefusedFile('is inside something that is not a folder', 'check the path', code);
  if (code === 'EISDIR') return new RefusedFile('is a folder, not a file', 'remove the folder or rename it', code);
  return new RefusedFile(`cannot be read (${code ?? 'unknown error'})`, 'check that the file exists and you may read it', code);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The bytes of the regular file at `path` (a symbolic link is followed), refusing anything
 * else, and refusing a file that turns out longer than `maxBytes` as it is read.
 * Throws RefusedFile; never blocks on a pipe.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let before: Stats;
  try {
    before = await stat(path);
  } catch (error) {
    throw await explainUnreadable(path, error);
  }
  if (!before.isFile()) {
    const kind = kindOf(before);
    throw new RefusedFile(`is ${kind}, not a file`, kind === 'a folder' ? 'remove the folder or rename it' : 'replace it with an ordinary file');
  }
  if (before.size > maxBytes) throw tooLarge(before.size, maxBytes);
  let handle;
  try {
    // O_NONBLOCK: should a pipe be swapped in after the check, opening it does not hang.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw await explainUnreadable(path, error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.ino !== before.ino || info.dev !== before.dev) {
      throw new RefusedFile('changed while it was being read', 'run the command again once nothing else is writing to it');
    }
    // Read in chunks and count: the size the system reports is not trusted.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(total, maxBytes, true);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, maxBytes: number, atLeast = false): FileTooLarge {
  return new FileTooLarge(
    `is too large (${atLeast ? 'more than ' : ''}${megabytes(size)}; the limit is ${megabytes(maxBytes).replace('.0 MB', ' MB')})`,
    'a file of a report is a few hundred KB at most: check that this is the right file',
  );
}
