/**
 * Everything the commands print goes through these. What they print quotes the user's data
 * (values, names, file names, to-do items, warnings), so any control character in it is shown
 * escaped (\u001b) instead of reaching the terminal; JSON stays valid, as \u0085 is JSON's own
 * escape. (The progress display writes its own escape sequences straight to the stream.)
 */
import { terminalText } from '../control-characters.js';

export const print = (text: string): void => void process.stdout.write(terminalText(text));
export const printError = (text: string): void => void process.stderr.write(terminalText(text));

/**
 * Whether to print in colour on this stream: FORCE_COLOR set (other than 0 or false) forces it,
 * as it does for Node itself; otherwise only on a terminal, and never when NO_COLOR is set to
 * anything (https://no-color.org).
 */
export function colourOn(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (env['NO_COLOR']) return false;
  return stream.isTTY === true;
}

/**
 * Prints text made safe for a terminal, then styled by `colour` (which adds the only escape
 * sequences) when the stream takes colour.
 */
export function printStyled(stream: NodeJS.WriteStream, text: string, colour: (safe: string) => string): void {
  const safe = terminalText(text);
  stream.write(colourOn(stream) ? colour(safe) : safe);
}

/** "1 problem", "2 problems". */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
