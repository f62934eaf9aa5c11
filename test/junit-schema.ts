/**
 * The JUnit checks of the tests of JUnit output (compliance.test.ts, validate-all.test.ts): a
 * small XML parser and the rules of the common JUnit schema, checked one by one, as no XSD
 * validator is installed here.
 */
import { expect } from 'vitest';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A small XML parser, enough for JUnit reports: elements, attributes in double quotes, text,
 * the XML declaration. Throws on anything else, on a raw < or an unknown entity in text, and
 * on tags that do not nest.
 */
export function parseXml(source: string): XmlElement {
  const body = source.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const root: XmlElement = { name: '', attributes: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/g;
  const checkText = (text: string) => {
    if (/</.test(text)) throw new Error(`a raw < in text: ${text.slice(0, 80)}`);
    const entity = /&(?!(?:amp|lt|gt|quot|apos|#x[0-9A-F]+|#\d+);)/.exec(text);
    if (entity) throw new Error(`a bare & in: ${text.slice(0, 80)}`);
  };
  let at = 0;
  for (const match of body.matchAll(tag)) {
    const text = body.slice(at, match.index);
    checkText(text);
    stack.at(-1)!.text += text;
    at = match.index + match[0].length;
    const [, closing, name, attributeText = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText.matchAll(/([\w-]+)="([^"]*)"/g)) {
      checkText(value!);
      if (key! in attributes) throw new Error(`${name} has ${key} twice`);
      attributes[key!] = value!;
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  checkText(body.slice(at));
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not one root element');
  return root.children[0]!;
}

/** Children in the order the schema allows: each name of `order` at most `many` times as given. */
function expectOrder(element: XmlElement, order: Array<[name: string, many: boolean]>): void {
  let position = 0;
  for (const child of element.children) {
    while (position < order.length && order[position]![0] !== child.name) position += 1;
    expect(position, `<${child.name}> inside <${element.name}> out of order, or not allowed there`).toBeLessThan(order.length);
    if (!order[position]![1]) position += 1;
  }
}

/**
 * The rules of the common JUnit schema (Jenkins/Ant junit-10.xsd), checked one by one, as no
 * XSD validator is installed: testsuites holds testsuite elements; each testsuite has a name
 * and whole-number tests, failures, errors and skipped that count its testcases; each
 * testcase has a name and a classname, and holds skipped?, error*, failure*, system-out*,
 * system-err* in that order; the totals on testsuites add up. Returns every test's name.
 */
export function expectJunitSchema(xml: string): string[] {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const names: string[] = [];
  expect(root.children.length).toBeGreaterThan(0);
  for (const suite of root.children) {
    expect(suite.name).toBe('testsuite');
    expect(Object.keys(suite.attributes)).toEqual(expect.arrayContaining(['name', 'tests', 'failures', 'errors', 'skipped']));
    for (const count of ['tests', 'failures', 'errors', 'skipped'] as const) expect(suite.attributes[count], count).toMatch(/^\d+$/);
    expectOrder(suite, [['properties', false], ['testcase', true], ['system-out', false], ['system-err', false]]);
    const cases = suite.children.filter((child) => child.name === 'testcase');
    const having = (name: string) => cases.filter((c) => c.children.some((child) => child.name === name)).length;
    expect(Number(suite.attributes['tests'])).toBe(cases.length);
    expect(Number(suite.attributes['failures'])).toBe(having('failure'));
    expect(Number(suite.attributes['errors'])).toBe(having('error'));
    expect(Number(suite.attributes['skipped'])).toBe(having('skipped'));
    for (const count of ['tests', 'failures', 'errors', 'skipped'] as const) totals[count] += Number(suite.attributes[count]);
    for (const testcase of cases) {
      expect(testcase.attributes['name']).toBeTruthy();
      expect(testcase.attributes['classname']).toBeTruthy();
      expectOrder(testcase, [['skipped', false], ['error', true], ['failure', true], ['system-out', true], ['system-err', true]]);
      for (const child of testcase.children) {
        if (child.name === 'failure' || child.name === 'error') expect(child.attributes['message'], `${child.name} of ${testcase.attributes['name']}`).toBeTruthy();
        expect(child.children, `nothing nested in <${child.name}>`).toEqual([]);
      }
      names.push(`${testcase.attributes['classname']} / ${testcase.attributes['name']}`);
    }
  }
  for (const count of ['tests', 'failures', 'errors', 'skipped'] as const) expect(root.attributes[count], `testsuites ${count}`).toBe(String(totals[count]));
  return names;
}
