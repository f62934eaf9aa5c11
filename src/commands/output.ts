/**
 * Everything the commands print goes through these. What they print quotes the user's data
 * (values, names, file names, to-do items, warnings), so any control character in it is shown
 * escaped (\u001b) instead of reaching the terminal; JSON stays valid, as \u0085 is JSON's own
 * escape. (The progress display writes its own escape sequences straight to the stream.)
 */
import { terminalText } from '../control-characters.js';

export const print = (text: string): void => void process.stdout.write(terminalText(text));
export const printError = (text: string): void => void process.stderr.write(terminalText(text));

/** "1 problem", "2 problems". */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
