import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, validate } from '../src/index.js';
import { columnLetter, parseCsv } from '../src/load/csv-file.js';
import { parseFigure } from '../src/validate/indicators-csv.js';
import { copyOf, DEMO } from './helpers.js';

const BOM = '\uFEFF';

async function withCsv(csv: string, year = '2022-23') {
  const data = copyOf(DEMO);
  writeFileSync(join(data, year, 'indicators.csv'), csv);
  return validate(await load({ data }));
}

describe('reading CSV as Excel writes it', () => {
  it('handles a byte-order mark, CRLF line ends, quoted commas, quotes and line breaks', () => {
    const { header, rows, problems } = parseCsv(`${BOM}id,label,notes\r\na,"Contacts, all sources","He said ""hello""\r\nover two lines"\r\n\r\nb,Referrals,\r\n`, 'x.csv');
    expect(problems).toEqual([]);
    expect(header.map((cell) => cell.text)).toEqual(['id', 'label', 'notes']);
    expect(rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['a', 'Contacts, all sources', 'He said "hello"\r\nover two lines'],
      ['b', 'Referrals', ''],
    ]);
    expect(rows[1]![1]).toMatchObject({ row: 5, column: 'B' });
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it.each([
    ['29,563', 29563],
    ['86.1%', 86.1],
    [' 1,234.5 ', 1234.5],
    ['0', 0],
    ['c', 'c'],
    ['X', 'c'],
    ['', undefined],
  ])('reads the cell "%s"', (text, figure) => {
    expect(parseFigure(text)).toEqual(figure);
  });

  it('says plainly what a cell that is not a figure holds', () => {
    expect((parseFigure('n/a') as Error).message).toBe('expected a number (like 29,563 or 86.1%), c or x for a suppressed value, or a blank cell, found "n/a"');
    expect(parseFigure('12,34')).toBeInstanceOf(Error);
  });
});

describe('indicators.csv beside indicators.yaml', () => {
  it('adds new indicators and figures for ones described in YAML', async () => {
    const csv = [
      'id,label,group,unit,polarity,2021-22,2022-23,England 2022-23,West Midlands 2019-20,Q1,Q2,Q3,Q4',
      'private-fostering,Children in private fostering arrangements,The front door,count,neither,9,13,,,,,,',
      'asq-all-domains,Children at the expected level in all five areas at 2½,Early help,percentage,higher-is-better,,87.6%,,,,,,',
      're-referrals,,,,,,,,19.1,,,,',
    ].join('\r\n');
    const { problems, report } = await withCsv(`${BOM}${csv}\r\n`);
    expect(problems).toEqual([]);
    const byId = new Map(report!.sections.indicators!.indicators.map((indicator) => [indicator.id, indicator]));
    expect(byId.get('private-fostering')).toMatchObject({ unit: 'count', values: { '2021-22': 9, '2022-23': 13 } });
    expect(byId.get('asq-all-domains')?.values).toEqual({ '2022-23': 87.6 });
    expect(byId.get('re-referrals')?.comparators?.region?.['2019-20']).toBe(19.1);
  });

  it('reports every problem with its row and column', async () => {
    const csv = [
      'id,label,group,unit,polarity,2022-23,Englund 2022-23',
      'new-one,A new measure,Early help,percent,higher-is-better,n/a,',
      'another,,Early help,count,neither,12,',
      're-referrals,,,,,99.9,',
    ].join('\n');
    const { problems } = await withCsv(csv);
    const said = problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    expect(said).toEqual(expect.arrayContaining([
      '1:7 row 1, column G: the column "Englund 2022-23" is not one this tool reads',
      '2:6 row 2, column F: expected a number (like 29,563 or 86.1%), c or x for a suppressed value, or a blank cell, found "n/a"',
      '2:4 row 2, column D: unit: expected one of: count, percentage, rate-per-10000',
      '3:1 row 3, column A: "another" is not in indicators.yaml, so this row needs a label',
      expect.stringMatching(/^4:6 row 4, column F: 99\.9 differs from [\d.]+ in indicators\.yaml: give the figure in one place$/),
    ]));
    expect(problems.every((p) => p.file.endsWith('indicators.csv'))).toBe(true);
  });

  it('is not read from a file saved in another encoding', async () => {
    const data = copyOf(DEMO);
    writeFileSync(join(data, '2022-23', 'indicators.csv'), Buffer.from([0x69, 0x64, 0x0a, 0xa3, 0x31, 0x0a]));
    const { problems } = validate(await load({ data }));
    expect(problems).toEqual([expect.objectContaining({ message: 'is not saved as UTF-8 text', hint: expect.stringMatching(/CSV UTF-8/) })]);
  });
});

describe('history from earlier year folders', () => {
  it('fills in years the current file does not give; values given inline win', async () => {
    const data = copyOf(DEMO);
    mkdirSync(join(data, '2019-20'));
    writeFileSync(join(data, '2019-20', 'indicators.csv'), 'id,2019-20,2020-21,England 2019-20\nre-referrals,24.6,99,22.6\n');
    const { problems, report } = validate(await load({ data, year: '2022-23' }));
    expect(problems).toEqual([]);
    const reReferrals = report!.sections.indicators!.indicators.find((indicator) => indicator.id === 're-referrals')!;
    expect(reReferrals.values['2019-20']).toBe(24.6);
    expect(reReferrals.values['2020-21']).not.toBe(99);
    expect(reReferrals.comparators?.england?.['2019-20']).toBe(22.6);
  });
});
