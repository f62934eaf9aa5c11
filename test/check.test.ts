/**
 * The check stage as the API gives it: a data folder in, problems, the checked report, its
 * compliance and the to-do list out. validate, build, preview and new-year all start from it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, checkFails } from '../src/index.js';
import { initPartnership } from '../src/scaffold/init.js';
import { copyOf, DEMO, tempDir } from './helpers.js';

describe('check', () => {
  it('gives the demo report, checked against the guidance in force for its period, with nothing left to do', async () => {
    const checked = await check({ data: DEMO });
    expect(checked.year).toBe('2022-23');
    expect(checked.problems).toEqual([]);
    expect(checked.report?.partnership.area).toBe('Kingsmere');
    expect(checked.compliance?.catalogue.id).toBe('wt2018');
    expect(checked.compliance?.outcomes.length).toBeGreaterThan(10);
    expect(checked.toDos).toEqual([]);
    expect(checkFails(checked)).toBe(false);
  });

  it('checks against the catalogue it is told to', async () => {
    const checked = await check({ data: DEMO, standard: 'wt2023' });
    expect(checked.compliance?.catalogue.id).toBe('wt2023');
    expect(checked.compliance?.reason).toBe('chosen with --standard');
  });

  it('gives problems, and no report, when the data does not match the model', async () => {
    const data = copyOf(DEMO);
    const file = join(data, '2022-23', 'report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: final', 'status: finished'));
    const checked = await check({ data });
    expect(checked.report).toBeUndefined();
    expect(checked.compliance).toBeUndefined();
    expect(checked.problems.map((problem) => `${problem.file.endsWith('report.yaml')} ${problem.message}`)).toEqual(['true expected draft or final, found "finished"']);
    expect(checkFails(checked)).toBe(true);
  });

  it('lists what a new partnership still has to write, which fails validate', async () => {
    const data = join(tempDir(), 'partnership');
    await initPartnership({ dir: data, name: 'Fenmoor Safeguarding Children Partnership', area: 'Fenmoor', year: '2023-24' });
    const checked = await check({ data });
    expect(checked.problems).toEqual([]);
    expect(checked.toDos.length).toBeGreaterThan(5);
    expect(checked.toDos.every((item) => item.line > 0 && item.what !== '')).toBe(true);
    expect(checkFails(checked)).toBe(true);
  });
});
