/**
 * Characters that must never reach an output as they are: the C0 and C1 control characters,
 * DEL, and the line and paragraph separators U+2028 and U+2029. A partnership's YAML can hold
 * any of them ("\u001b[31m" in a double-quoted string), so every place user text leaves the
 * tool makes them harmless for its context:
 * - web page and PDF: removed (HTML cannot carry them, even as character references);
 * - terminal and JSON: written as the visible text \u001b, so no escape sequence reaches a
 *   terminal, and JSON stays valid (\u0085 is JSON's own escape for U+0085);
 * - XML: see validate/output-formats.ts.
 * Tab, line feed and carriage return are ordinary in multi-line text and kept where the
 * context allows them.
 */

/** Every control character, tab, line feed and carriage return included. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Control characters other than tab, line feed and carriage return. */
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Characters that change the order text is shown in (bidirectional embeddings, overrides and
 * isolates): in a terminal they could make a line read as something it is not.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** U+001B -> "\u001b" */
export function codeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** U+001B -> "U+001B" */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text for a web page or a PDF: control characters removed, line and paragraph separators
 * made spaces; tab, line feed and carriage return kept.
 */
export function withoutControls(text: string): string {
  return text.replace(CONTROL_BUT_WHITESPACE, (char) => (char === '\u2028' || char === '\u2029' ? ' ' : ''));
}

/** Text for one line (a PDF's title, a CSS string): every control character, newlines too, becomes a space or goes. */
export function oneLine(text: string): string {
  return text.replace(ANY_CONTROL, (char) => (/[\t\n\r\u2028\u2029]/.test(char) ? ' ' : ''));
}

/**
 * Text for a terminal or a CI log: every control character except line feed, and every
 * bidirectional control, written visibly as \u001b. The result is plain printable text and
 * line feeds, so it is also still valid JSON when the text was JSON.
 */
export function terminalText(text: string): string {
  return text.replace(ANY_CONTROL, (char) => (char === '\n' ? char : codeEscape(char))).replace(BIDI_CONTROLS, codeEscape);
}

/**
 * JSON that is safe to print and to embed anywhere: JSON.stringify escapes the C0 controls but
 * leaves C1, U+2028, U+2029 and the bidirectional controls as they are; these are escaped too.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, codeEscape);
}

/**
 * Characters that are invisible, or that reverse or reorder the text around them: in a name
 * they can make two different names look the same, or one look like another.
 */
export const INVISIBLE_IN_NAMES = /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

const INVISIBLE_NAMES: Record<string, string> = {
  '\u200b': 'zero width space',
  '\u200c': 'zero width non-joiner',
  '\u200d': 'zero width joiner',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\ufeff': 'zero width no-break space (byte order mark)',
};

/** "U+202E (right-to-left override)" */
export function describeInvisible(char: string): string {
  const name = INVISIBLE_NAMES[char];
  return name ? `${codePoint(char)} (${name})` : codePoint(char);
}
