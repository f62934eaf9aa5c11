/**
 * Why a file or folder could not be written, in words for the person running the command.
 * One table for every command that writes (report schema --out, report build --out), so the
 * same fault is always explained the same way. A fault that is not about the file system
 * (no error code from the system) is not explained here: it is a bug, and stays one.
 */
import { statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';
import { displayPath } from './util/display-path.js';

/** What went wrong writing `path`, and what to do about it. */
export interface WriteFailure {
  /** The system's error code: ENOTDIR, EEXIST, EACCES... */
  code: string;
  /** The path it is about, as the user would type it. */
  path: string;
  /** What is wrong there, e.g. "is a file, not a folder". */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** The nearest existing path at or above `path` that is not a folder, if there is one. */
function fileInTheWay(path: string): string | undefined {
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      if (!statSync(at).isDirectory()) return at;
      return undefined;
    } catch {
      // Not there (or not reachable): look one level up.
    }
    if (dirname(at) === at) return undefined;
  }
}

/** The longest part of a path, and its length: what ENAMETOOLONG usually means. */
function longestPart(path: string): string {
  return path.split(sep).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

/** A path short enough to read in a message: a 300-character name is cut in the middle. */
function shorten(path: string): string {
  return path.length > 100 ? `${path.slice(0, 60)}...${path.slice(-30)}` : path;
}

/**
 * Explains an error thrown while writing `path` (a file or a folder to create), or returns
 * undefined when it is not a file-system fault (then it is a bug in the tool, not the user's).
 */
export function explainWriteFailure(error: unknown, path: string): WriteFailure | undefined {
  const failure = error as NodeJS.ErrnoException | undefined;
  const code = failure?.code;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code) || failure?.syscall === undefined) return undefined;
  const where = shorten(displayPath(failure.path ?? path));
  const make = (at: string, message: string, hint: string): WriteFailure => ({ code, path: at, message, hint });
  switch (code) {
    case 'ENOTDIR':
    case 'EEXIST': {
      const file = fileInTheWay(failure.path ?? path);
      if (file) return make(shorten(displayPath(file)), 'is a file, not a folder, so nothing can be written in it', 'choose another folder, or move or rename that file');
      return make(where, 'is in the way: something other than a folder is there', 'choose another folder, or move or rename what is there');
    }
    case 'EISDIR':
      return make(where, 'is a folder, where a file has to be written', 'move or rename that folder, or choose another place to write');
    case 'EACCES':
    case 'EPERM':
      return make(where, 'cannot be written: permission denied', 'choose a folder you may write to, or ask whoever manages this computer to let you write there');
    case 'EROFS':
      return make(where, 'is on a disk that is read-only', 'choose a folder on a disk you can write to');
    case 'ENOSPC':
    case 'EDQUOT':
      return make(where, 'could not be written: the disk is full', 'free some space on the disk, or choose a folder on another disk');
    case 'ENAMETOOLONG': {
      const part = longestPart(failure.path ?? path);
      return make(
        where,
        part.length > 255 ? `has a name too long for this system: one part is ${part.length} characters, and at most 255 are allowed` : 'has a name too long for this system',
        'use a shorter name, or a folder nearer the top of the disk',
      );
    }
    case 'ELOOP':
      return make(where, 'is a link that leads round in a loop', 'remove the link, or point it at a real folder');
    case 'EMFILE':
    case 'ENFILE':
      return make(where, 'could not be written: too many files are open on this computer', 'close some programs and run the command again');
    default:
      return make(where, `could not be written (the system said ${code})`, 'check that the folder exists, that you may write to it, and that the disk has space');
  }
}

/** Something could not be written, for a reason outside the tool: exit 2, with what to do. */
export class CannotWriteError extends UsageError {
  constructor(
    /** What was being written, e.g. "the JSON Schema files". */
    what: string,
    readonly failure: WriteFailure,
  ) {
    super(`Could not write ${what}:\n${failure.path}  ${failure.message}\n    how to fix: ${failure.hint}`);
  }
}

/** Runs a write, turning a file-system fault into a CannotWriteError about `path`. */
export async function writingTo<T>(what: string, path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const failure = explainWriteFailure(error, path);
    throw failure ? new CannotWriteError(what, failure) : error;
  }
}
