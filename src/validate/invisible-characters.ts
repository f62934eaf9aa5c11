/**
 * Names with invisible characters in them: a zero-width space, a byte order mark, or a
 * bidirectional control such as U+202E (right-to-left override), which shows the letters after
 * it in reverse. Pasted from a web page or a Word document, they make a name look right on
 * screen while it is not the same name (it will not match, sort or search as the name it
 * looks like), and a deliberate one can make a name read as another. They are allowed, since
 * some writing systems need joiners, but each one found in a name is a warning.
 */
import { describeInvisible, INVISIBLE_IN_NAMES } from '../control-characters.js';
import { positionOf, type YamlFile } from '../load/yaml-file.js';
import type { Problem } from '../problems.js';
import { stringsOf } from './strings-of.js';

/**
 * The fields that hold names, in every file: the partnership's name, short name and area; the
 * partners', agencies', subgroups' and panel's names; people's names (chair, scrutineer,
 * business manager, leads, delegates, the foreword's author); who contributed, owns or chairs.
 */
const NAME_FIELDS = new Set(['name', 'short_name', 'area', 'region', 'england', 'statistical_neighbours', 'chair', 'author', 'partner', 'agency', 'owner', 'panel']);

const EVERY_INVISIBLE = new RegExp(INVISIBLE_IN_NAMES.source, 'g');

export function checkInvisibleCharacters(files: Array<YamlFile | undefined>): Problem[] {
  const warnings: Problem[] = [];
  for (const file of files) {
    if (!file) continue;
    for (const [text, path] of stringsOf(file.data)) {
      if (!NAME_FIELDS.has(String(path.at(-1)))) continue;
      const found = [...new Set(text.match(EVERY_INVISIBLE) ?? [])];
      if (found.length === 0) continue;
      const position = positionOf(file, path);
      const which = found.map(describeInvisible);
      warnings.push({
        file: file.displayPath,
        line: position.line,
        column: position.column,
        path,
        message: `this name holds ${found.length === 1 ? 'an invisible character' : 'invisible characters'}, ${which.join(', ')}: the name can look right and still not be the name it looks like, or show its letters in a different order`,
        hint: `delete ${found.length === 1 ? 'it' : 'them'}: retype the name by hand rather than pasting it (VS Code marks such characters with a highlighted box)`,
      });
    }
  }
  return warnings;
}
