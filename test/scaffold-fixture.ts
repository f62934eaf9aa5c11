/**
 * A checked report for a partnership as a new user has it: made by `report init`, then rolled
 * on by `report new-year`, with every figure still to give (values: {}). Compliance checks run
 * on it as they do on the demo (see report-fixture.ts).
 */
import { join } from 'node:path';
import { load, validate, type ReportData } from '../src/index.js';
import { initPartnership } from '../src/scaffold/init.js';
import { startNewYear } from '../src/scaffold/new-year.js';
import { tempDir } from './helpers.js';

const made = new Map<string, Promise<ReportData>>();

/**
 * `newYears` are started in turn after the first year, 2023-24; the report is the last of them.
 * `change` edits a copy, as a user might after starting the year.
 */
export async function scaffoldedReport(newYears: string[] = ['2024-25'], change?: (report: ReportData) => void): Promise<ReportData> {
  const key = newYears.join(' ');
  let report = made.get(key);
  if (!report) {
    report = (async () => {
      const data = join(tempDir(), 'partnership');
      await initPartnership({ dir: data, name: 'Fenmoor Safeguarding Children Partnership', area: 'Fenmoor', year: '2023-24' });
      for (const year of newYears) await startNewYear({ data, year });
      const { problems, report: checked } = validate(await load({ data }));
      if (!checked) throw new Error(`The scaffolded data did not check out: ${JSON.stringify(problems)}`);
      return checked;
    })();
    made.set(key, report);
  }
  const original = await report;
  const copy: ReportData = { ...original, partnership: structuredClone(original.partnership), sections: structuredClone(original.sections) };
  change?.(copy);
  return copy;
}
