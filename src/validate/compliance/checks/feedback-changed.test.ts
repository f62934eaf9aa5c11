import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { changeDescribed, feedbackChanged } from './feedback-changed.js';

/** The demo with one feedback entry: the takeover, with what changed as given. */
const onlyEntry = (changed: string | undefined, extra: Record<string, unknown> = {}) =>
  demoReport((r: ReportData) => {
    const [first] = r.sections.voice!.feedback;
    r.sections.voice!.feedback = [{ ...first!, ...extra, ...(changed === undefined ? {} : { changed }) }];
    if (changed === undefined) delete r.sections.voice!.feedback[0]!.changed;
  });

describe('feedback-changed', () => {
  it('is met when feedback records what was heard and changed, quoting the change', async () => {
    const result = runCheck(feedbackChanged, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met[0]!.quote).toMatch(/^Every child stepping down from social care to early help now has a joint meeting/);
  });

  it('is not met without a voice section', async () => {
    const result = runCheck(feedbackChanged, await demoReport((r) => delete r.sections.voice));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/There is no voice\.yaml/);
  });

  it('does not count a "changed" that says nothing changed, that the report does not say, or what will be considered', async () => {
    for (const changed of [
      'The report does not say what changed.',
      'Not stated.',
      'No changes yet; we will consider the findings at the next board.',
      'We will consider what the young people said at the next partnership meeting.',
      'To be confirmed.',
      'TO BE COMPLETED',
      // seed 001:L1438-1440: pledges and a plan, not yet a change.
      "From the takeover event, the young people received pledges from each member of the SCSP of things to happen or change as a result of their 'takeover'. This starts with an action plan to be approved and monitored by the young people.",
    ]) {
      const result = runCheck(feedbackChanged, await onlyEntry(changed));
      expect(result.status, changed).toBe('not-met');
      expect(result.missing[1], changed).toMatchObject({ message: expect.stringMatching(/what changed does not describe a change/), quote: expect.any(String) });
    }
  });

  it('does not count what was heard said again as what changed', async () => {
    const heard = 'Young people said the interview after they came home felt like being interviewed by the police, usually by someone they had never met.';
    expect(changeDescribed('Young people said the interview felt like being interviewed by the police, by someone they had never met.', heard)).toBeUndefined();
    expect(changeDescribed('The interview is now offered by a worker the young person already knows.', heard)).toBe('The interview is now offered by a worker the young person already knows.');
  });

  it('counts a change the partners made, in real reports\' words', async () => {
    for (const changed of [
      // seed 001:L1051
      "Children said CAMHS do not offer a good service; this was met with CAMHS working on their 'Did not attend' process to change to 'Was not brought', which changed work ethos and focus.",
      // seed 001:L29
      'A range of actions were progressed including the Bullying Awareness training course for education staff that became over-subscribed as a result.',
      // seed 004:L392
      'The views of children and young people have provided an important part of the development of the Get There website and services.',
    ]) {
      const result = runCheck(feedbackChanged, await onlyEntry(changed));
      expect(result.status, changed).toBe('met');
    }
  });

  it('does not count feedback from outside the period, included as context', async () => {
    const result = runCheck(feedbackChanged, await onlyEntry(undefined, { changed: 'The SEND service developed a communication framework for parents and carers.', context: true, date: '2021-04' }));
    expect(result.status).toBe('not-met');
  });
});
