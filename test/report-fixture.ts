/** A checked copy of the demo report that a test may change: the data compliance checks run on. */
import { load, validate, type ReportData } from '../src/index.js';
import { contextFor, type Check, type CheckResult } from '../src/validate/compliance/check.js';
import { DEMO } from './helpers.js';

let demo: ReportData | undefined;

export async function demoReport(change?: (report: ReportData) => void): Promise<ReportData> {
  demo ??= validate(await load({ data: DEMO })).report!;
  const copy: ReportData = { ...demo, partnership: structuredClone(demo.partnership), sections: structuredClone(demo.sections) };
  change?.(copy);
  return copy;
}

export function runCheck(check: Check, report: ReportData, today = '2024-01-15'): CheckResult {
  return check.run(contextFor(report, today));
}
