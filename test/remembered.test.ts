/**
 * What is remembered between pieces of work (util/remembered.ts): only during a run, forgotten
 * after it, and in the preview (rememberAcrossRuns) kept between runs for what a text gives,
 * never for what a whole report gives.
 */
import { describe, expect, it } from 'vitest';
import { rememberAcrossRuns, rememberedBy, whileRemembering } from '../src/util/remembered.js';

function counted() {
  const calls: string[] = [];
  const work = rememberedBy((text: string) => {
    calls.push(text);
    return text.toUpperCase();
  });
  return { calls, work };
}

describe('remembered work', () => {
  it('is done once a run for each input, and afresh in the next run', () => {
    const { calls, work } = counted();
    whileRemembering(() => {
      expect([work('a'), work('a'), work('b')]).toEqual(['A', 'A', 'B']);
    });
    expect(calls).toEqual(['a', 'b']);
    whileRemembering(() => work('a'));
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('is not remembered outside a run', () => {
    const { calls, work } = counted();
    work('a');
    work('a');
    expect(calls).toEqual(['a', 'a']);
  });

  it('in the preview, keeps what a text gives between runs, but never what a report gives', () => {
    const { calls, work } = counted();
    const reports: object[] = [];
    const perReport = rememberedBy((report: object) => (reports.push(report), reports.length), { perRun: true });
    const report = {};
    rememberAcrossRuns();
    whileRemembering(() => (work('a'), perReport(report)));
    whileRemembering(() => (work('a'), perReport(report)));
    work('a');
    expect(calls).toEqual(['a']);
    expect(reports).toEqual([report, report]);
  });
});
