/**
 * Every field a section's partial reads is a field its view's type declares: a template that
 * reads a field no view sets (a typo, or a field since renamed) prints nothing, silently, so it
 * is caught here instead. The views' types are read with the TypeScript compiler from
 * src/render/sections/<id>.ts, and each partial's Handlebars is walked block by block ({{#each}}
 * and {{#with}} move into the items; a partial such as {{> table courses}} is walked with the
 * type it is given).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../src/model/sections.js';
import { ROOT } from './helpers.js';

type Node = hbs.AST.Node;

const PARTIALS = join(ROOT, 'templates', 'partials');
const VIEW_MODEL = join(ROOT, 'src', 'render', 'view-model.ts');
const program = ts.createProgram([join(ROOT, 'src', 'render', 'sections', 'index.ts'), VIEW_MODEL], { strict: true, exactOptionalPropertyTypes: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
const checker = program.getTypeChecker();

/** The type a section's view returns (without undefined), from SECTION_VIEWS in sections/index.ts. */
function viewType(id: string): ts.Type {
  const index = program.getSourceFile(join(ROOT, 'src', 'render', 'sections', 'index.ts'))!;
  const views = checker.getExportsOfModule(checker.getSymbolAtLocation(index)!).find((symbol) => symbol.name === 'SECTION_VIEWS')!;
  const registry = checker.getTypeOfSymbolAtLocation(views, index);
  const definition = checker.getTypeOfSymbolAtLocation(registry.getProperty(id)!, index);
  const view = checker.getTypeOfSymbolAtLocation(definition.getProperty('view')!, index);
  return checker.getNonNullableType(view.getCallSignatures()[0]!.getReturnType());
}

/** The type the page template is given. */
function reportViewType(): ts.Type {
  const file = program.getSourceFile(VIEW_MODEL)!;
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((exported) => exported.name === 'ReportView')!;
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** The type of `name` on `type`, or undefined when the type has no such field. */
function field(type: ts.Type, name: string): ts.Type | undefined {
  const nonNull = checker.getNonNullableType(type);
  const property = nonNull.isUnion()
    ? nonNull.types.map((member) => member.getProperty(name)).find(Boolean)
    : nonNull.getProperty(name);
  if (!property) return undefined;
  return checker.getTypeOfSymbol(property);
}

/** What {{#each}} over a value of this type gives: the element type of an array. */
function element(type: ts.Type): ts.Type | undefined {
  const nonNull = checker.getNonNullableType(type);
  const array = nonNull.isUnion() ? nonNull.types.find((member) => checker.isArrayType(member)) : nonNull;
  return array && checker.isArrayType(array) ? checker.getTypeArguments(array as ts.TypeReference)[0] : undefined;
}

/** Every path read that the type does not declare, as "partial: path". */
function unknownFields(partial: string, scope: ts.Type, seen = new Set<string>(), file = join(PARTIALS, `${partial}.hbs`)): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  const resolve = (path: hbs.AST.PathExpression, scopes: ts.Type[]): ts.Type | undefined => {
    if (path.data) return undefined; // @index, @first: Handlebars' own
    let type: ts.Type | undefined = scopes[scopes.length - 1 - path.depth];
    for (const part of path.parts) {
      type = type && field(type, part);
      if (!type) {
        found.push(`${partial}: ${path.original}`);
        return undefined;
      }
    }
    return type;
  };
  const value = (node: hbs.AST.Expression, scopes: ts.Type[]) => (node.type === 'PathExpression' ? resolve(node as hbs.AST.PathExpression, scopes) : undefined);
  const walk = (node: Node | undefined, scopes: ts.Type[]): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) walk(statement, scopes);
        return;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (mustache.params.length === 0) value(mustache.path, scopes);
        else for (const param of mustache.params) value(param, scopes);
        return;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        const helper = (block.path as hbs.AST.PathExpression).original;
        const subject = block.params[0] ? value(block.params[0], scopes) : undefined;
        const inner = helper === 'each' ? subject && element(subject) : helper === 'with' ? subject : scopes.at(-1);
        if (inner) walk(block.program, helper === 'each' || helper === 'with' ? [...scopes, inner] : scopes);
        walk(block.inverse, scopes);
        return;
      }
      case 'PartialStatement': {
        const call = node as hbs.AST.PartialStatement;
        // The page's {{> (lookup . "partial") data}} picks each section's partial: those are checked one by one.
        if (call.name.type !== 'PathExpression') return;
        const name = (call.name as hbs.AST.PathExpression).original;
        const given = call.params[0] ? value(call.params[0], scopes) : scopes.at(-1);
        const key = `${name} ${given ? checker.typeToString(given) : ''}`;
        if (given && !seen.has(key)) {
          seen.add(key);
          found.push(...unknownFields(name, given, seen));
        }
        return;
      }
      default:
    }
  };
  walk(Handlebars.parse(source), [scope]);
  return found;
}

describe('the bundled partials', () => {
  it('read only fields their section\'s view declares', () => {
    const unknown = [...new Set(SECTION_IDS.flatMap((id) => unknownFields(id, viewType(id))))];
    expect(unknown).toEqual([]);
  });

  it('and the page template reads only fields the report\'s view declares', () => {
    expect(unknownFields('report', reportViewType(), new Set(), join(ROOT, 'templates', 'report.hbs'))).toEqual([]);
  });

  it('would notice a partial reading a field no view sets', () => {
    // The check itself can fail: a view type without the field is reported.
    const type = viewType('foreword');
    expect(field(type, 'author')).toBeDefined();
    expect(field(type, 'signature')).toBeUndefined();
    expect(unknownFields('table', viewType('foreword'))).toEqual(expect.arrayContaining(['table: caption', 'table: columns']));
  });
});
