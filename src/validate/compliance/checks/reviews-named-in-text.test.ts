import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { reviewsNamedInText } from './reviews-named-in-text.js';
import { proseOf } from '../prose.js';

/** The demo with `text` as its only words (every other text field says nothing of reviews). */
const saying = (text: string, change?: (r: ReportData) => void) =>
  demoReport((r) => {
    for (const { file, path } of [...proseOf(r)]) {
      const parent = path.slice(0, -1).reduce<any>((value, key) => value[key], r.sections[file]);
      parent[path.at(-1)!] = 'Nothing here.';
    }
    r.sections.report.effectiveness!.assessment = text;
    change?.(r);
  });
const named = async (text: string, change?: (r: ReportData) => void) => runCheck(reviewsNamedInText, await saying(text, change)).missing.map((m) => m.message);

describe('reviews-named-in-text', () => {
  it('is met by the demo, whose reviews named in the text (Child K, L and M) are all in reviews.yaml', async () => {
    const result = runCheck(reviewsNamedInText, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met[0]!.message).toMatch(/^\d+ reviews named in the text have their record in reviews\.yaml$/);
  });

  it('lists a review named only in the text, quoting the sentence', async () => {
    // seed 000:L72: the published CSPR "Baby D".
    const result = runCheck(reviewsNamedInText, await saying('The partnership has published one Child Safeguarding Practice Review during this period, Baby D, which related to the sad death of a six week old baby.'));
    expect(result.status).toBe('not-met');
    expect(result.missing).toEqual([
      expect.objectContaining({
        message: 'The text names the review "Baby D", but reviews.yaml has no entry for it: add it to reviews.yaml with its kind, what it found and the actions taken, or use the title it has there',
        quote: 'The partnership has published one Child Safeguarding Practice Review during this period, Baby D, which related to the sad death of a six week old baby.',
        where: expect.objectContaining({ file: expect.stringMatching(/report\.yaml$/) }),
      }),
    ]);
  });

  it('finds quoted names and a child\'s initials, and matches them to reviews.yaml whatever the quotes and case', async () => {
    // seed 000:L52
    const sarah = "As part of the follow up to the Child Safeguarding Practice Review 'Sarah', a multi-agency audit has been completed.";
    expect(await named(sarah)).toEqual([expect.stringMatching(/names the review "Sarah"/)]);
    const recorded = (title: string) => (r: ReportData) => r.sections.reviews!.reviews!.push({ id: 'the-review', kind: 'lcspr', title });
    expect(await named(sarah, recorded('‘SARAH’'))).toEqual([]);
    // seed 001:L1452, L1313, L696
    expect(await named('There is now a line of sight in receiving data on school exclusions since the publication of the SC LCSPR.')).toEqual([expect.stringMatching(/names the review "SC"/)]);
    expect(await named('I provided challenge regarding the content of a CSPR (SD).')).toEqual([expect.stringMatching(/names the review "SD"/)]);
    expect(await named('As a result of learning identified in the YS review, two specialist posts were funded.', recorded('YS'))).toEqual([]);
    // seed 001:L589: Child 1, recorded by id.
    expect(await named('Child 1 sustained serious injuries in an assault.', (r) => r.sections.reviews!.reviews!.push({ id: 'child-1', kind: 'rapid-review', title: 'Rapid review for the first child' }))).toEqual([]);
  });

  it('lists reviews the text says were held when reviews.yaml records none of that kind', async () => {
    const none = (r: ReportData) => delete r.sections.reviews;
    // seed 000:L70
    const rapid = 'This year the Child Safeguarding Practice Review Group has completed six rapid reviews.';
    expect(await named(rapid, none)).toEqual([
      'The text says rapid reviews were held, but reviews.yaml records none: add each one (or rapid_reviews: with the number) to reviews.yaml, so what was learned and done can be tracked',
    ]);
    expect(await named(rapid, (r) => (r.sections.reviews = { rapid_reviews: 6 }))).toEqual([]);
    // LSCB-era wording (DOMAIN.md): a serious case review commissioned.
    expect(await named('A serious case review was commissioned in June 2022.', none)).toEqual([expect.stringMatching(/^The text says a serious case review was held/)]);
  });

  it('leaves alone reviews of other areas, generic descriptions, and reviews the partnership was asked to do but has not said it held', async () => {
    for (const text of [
      // seed 001:L1452
      'We do not currently request data on strip searches, which was suggested to be an area of increased concern after the publication of the Child Q LSCPR (City and Hackney, London).',
      'Lessons from Baby P still shape how agencies share information.',
      // seed 001:L595
      'Rapid Review meetings are held within 15 days of the incident coming to the attention of the safeguarding partners.',
      // seed 001:L1050
      'CEB was tasked with a thematic review or a serious case review, following a sad fatality of an exploited young male.',
      // seed 002:L47
      'In relation to Serious Case Reviews (SCRs), it was critical to embed learning through a comprehensive audit regime.',
    ]) {
      expect(await named(text, (r) => delete r.sections.reviews), text).toEqual([]);
    }
  });
});
