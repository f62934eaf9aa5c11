import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { datesOutside, textDatesInPeriod } from './text-dates-in-period.js';

// The demo's period: 1 April 2022 to 31 March 2023.
const outside = (sentence: string) => datesOutside(sentence, '2022-04-01', '2023-03-31', '2022-23').map((o) => o.said);
const assessing = (text: string) => demoReport((r: ReportData) => (r.sections.report.effectiveness!.assessment = text));

describe('text-dates-in-period', () => {
  it('is met when every date written in the demo\'s text is in the period, set out as background, or said to be after the year', async () => {
    // data/2022-23/audits.yaml says its June 2023 review came "after the year ended".
    const result = runCheck(textDatesInPeriod, await demoReport());
    expect(result.status).toBe('met');
    expect(result.missing).toEqual([]);
  });

  it('is not met by an update from after the year that does not say so, and says how to mark it', async () => {
    const result = runCheck(textDatesInPeriod, await demoReport((r) => {
      const audit = r.sections.audits!.audits[2]!;
      audit.actions = ['Each agency with a standard rated below "good" agreed an action plan, reviewed by the subgroup in June 2023.'];
    }));
    expect(result.missing.map((m) => m.quote)).toEqual(['Each agency with a standard rated below "good" agreed an action plan, reviewed by the subgroup in June 2023.']);
    expect(result.missing[0]!.message).toMatch(/mark audits\.yaml audits\[2\] context: true$/);
  });

  it('is not met by a date in the text before the period, quoting the sentence', async () => {
    // seed 001:L271, in a report for April 2022 to March 2023.
    const result = runCheck(textDatesInPeriod, await assessing('At the end of March 2022 there were 641 young people on a Child in Need Plan.'));
    expect(result.status).toBe('not-met');
    expect(result.missing).toContainEqual(
      expect.objectContaining({
        message: 'The text mentions March 2022, outside the period 1 April 2022 to 31 March 2023: correct the date; or, if it is background, say so in the sentence (for example "before this year" or "previously")',
        quote: 'At the end of March 2022 there were 641 young people on a Child in Need Plan.',
        where: expect.objectContaining({ file: expect.stringMatching(/report\.yaml$/), line: expect.any(Number) }),
      }),
    );
  });

  it('finds months, days, seasons, ranges and "during" year labels outside the period', () => {
    // seed 004:L438, a year later: activity after the period.
    expect(outside('In May 2023 agencies audited five cases using the JTAI methodology.')).toEqual(['May 2023']);
    // seed 004:L20 wording, a year earlier.
    expect(outside('On 12th May 2021 the partnership board agreed its new terms of reference.')).toEqual(['12th May 2021']);
    expect(outside('Between April 2021 and March 2022, 45 audits were completed.')).toEqual(['Between April 2021 and March 2022']);
    // seed 001:L591 wording: "died suddenly in winter 2022" is in the period (its last months).
    expect(outside('A child died suddenly in winter 2022.')).toEqual([]);
    expect(outside('A young person was assaulted in spring 2021.')).toEqual(['spring 2021']);
    // seed 004:L384 wording as last year's text left in.
    expect(outside('During 2021/22 the subgroup delivered 106 sessions to 2,681 delegates.')).toEqual(['2021/22']);
    expect(outside('In 2021 the quality assurance subgroup completed eight audits.')).toEqual(['In 2021']);
  });

  it('leaves background, plans, publications, titled documents and comparisons alone', () => {
    for (const sentence of [
      // seed 002:L27
      'He reminded the Panel of the significant improvement since the Ofsted Inspection in November 2016.',
      // seed 001:L88
      "Sandwell Children's Safeguarding Partnership (SCSP) was established in April 2019.",
      // seed 000:L26, L98
      'This report should include an update on a number of areas as set out in Chapter 3 of Working Together to Safeguard Children (July 2018).',
      'This report is produced to comply with Children Act 2004 Section 16G.',
      // seed 000:L36, L52
      'The tragic deaths of Arthur Labinjo-Hughes and Star Hobson led to the publication in May 2021 of the national report.',
      "As part of the follow up to the Child Safeguarding Practice Review 'Sarah', published in August 2021, a multi-agency audit has been completed.",
      // seed 001:L164, L170, L172
      'Sandwell is ranked 12th in the most deprived Local Authorities (Indices of Deprivation IoD, 2019, Rank of Average Score).',
      'The Public Health England (PHE) Child Health Profile (March 2020) stated the health of children in Sandwell is worse than most areas.',
      'In 2016, 25.5% of children aged 16 years were recorded as living in poverty.',
      // seed 001:L1101: background with a bare year.
      'In 2021, following a challenge between partners in Sandwell, it became apparent that the threshold was not clearly understood.',
      // seed 001:L108
      'The SCSP reviews its structure each year, with the most recent being in January 2022.',
      // seed 001:L591: a plan after the period.
      'The LCSPR remains in progress and is expected to complete in winter 2023.',
      'The partnership will survey pupils in autumn 2023.',
      // demo: last year's figure as a baseline, and comparisons.
      'In 2021-22, 22.9% of referrals were for children referred again within a year.',
      '3,210 referrals in 2022-23 (3,065 in 2021-22; 2,980 in 2020-21).',
      'The priorities for 2022-23 were agreed in March 2022.',
      // a starting point and a dateline
      'From April 2021 every referral has been screened by a social worker.',
      'Dr Tomasz Brennan, Independent Scrutineer, September 2023',
      'The areas of focus are the same as those agreed in the 2021-22 report.',
      'After the year ended, in June 2023, the subgroup reviewed the action plans.',
      // seed 001:L11, seed 004:L80, L157, L279: a version line, headings, a dateline, a start.
      'V.1 October 2023 Gillian Ming Annual Compliance Report',
      'September 2023 - Family Hubs',
      'Dated: 13th September 2023',
      'Schedule starting autumn 2023.',
    ]) {
      expect(outside(sentence), sentence).toEqual([]);
    }
  });

  it('leaves alone an item marked context: true, next year\'s plans, and the report\'s own route to publication', async () => {
    const context = await demoReport((r) => Object.assign(r.sections.audits!.audits[2]!, { context: true }));
    expect(runCheck(textDatesInPeriod, context).status).toBe('met');
    const plans = await demoReport((r) => {
      Object.assign(r.sections.audits!.audits[2]!, { context: true });
      r.sections['next-year']!.introduction = 'In May 2023 the partners agreed five priorities for the year ahead.';
      // seed 000:L94 and L3: the report's own route.
      r.sections.report.arrangements!.summary += '\n\nThis report was considered by the Children and Families Overview and Scrutiny Panel on 7 July 2023.';
    });
    expect(runCheck(textDatesInPeriod, plans).status).toBe('met');
  });

  it('says how to mark background where the item can be marked context', async () => {
    const result = runCheck(textDatesInPeriod, await demoReport((r) => (r.sections.reviews!.reviews![0]!.summary = 'The review panel met on 3 March 2022 and agreed its terms of reference.')));
    expect(result.missing.map((m) => m.message)).toContainEqual(expect.stringMatching(/mentions 3 March 2022, .*mark reviews\.yaml reviews\[0\] context: true$/));
  });
});
