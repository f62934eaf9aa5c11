/**
 * A data file as read: its parsed syntax tree kept beside the plain data, so every later
 * problem or finding can point at the line and column of the value it concerns.
 */
import type { Document, LineCounter } from 'yaml';

export interface YamlFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user. */
  displayPath: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the file could not be parsed. */
  data: unknown;
}

export interface Position {
  line: number;
  column: number;
}
