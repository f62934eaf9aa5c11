import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { independentScrutiny } from './independent-scrutiny.js';

describe('independent-scrutiny', () => {
  it('is met with a named scrutineer and findings', async () => {
    expect(runCheck(independentScrutiny, await demoReport()).status).toBe('met');
  });
  it('is not met without a scrutineer or findings', async () => {
    const result = runCheck(independentScrutiny, await demoReport((r) => {
      delete r.partnership.scrutineer;
      delete r.sections.scrutiny;
    }));
    expect(result.missing.map((m) => m.message)).toEqual([
      'No independent scrutineer is named: add scrutineer to partnership.yaml',
      'There is no scrutiny.yaml: report what the independent scrutiny did and found',
    ]);
  });
});
