/**
 * The evidence grader (issue 14, items 3 and 4). The wording rules (gradeText) are measured on a
 * corpus of real sentences labelled by hand (test/fixtures/evidence-corpus.yaml): precision and
 * recall per grade, on the development set the rules were written against and on the held-out set
 * (the Worcestershire documents) they never saw. The floors below sit just under what the rules
 * achieve, so a change that makes them worse fails. The structural rules of gradeEvidence (a
 * linked indicator's polarity and movement, the kind of evidence) are tested with small indicators.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Indicator } from '../src/model/report-year.js';
import { gradeEvidence, gradeText, type EvidenceGrade } from '../src/validate/compliance/evidence-grade.js';

interface Sentence {
  text: string;
  label: EvidenceGrade;
  source: string;
  set: 'development' | 'held-out';
}

const GRADES: EvidenceGrade[] = ['activity', 'volume', 'measured-outcome', 'attributed-outcome'];
const OUTCOME = 'outcome (either)';
const corpus: Sentence[] = parse(readFileSync(new URL('./fixtures/evidence-corpus.yaml', import.meta.url), 'utf8')).sentences;

interface Score {
  n: number;
  predicted: number;
  precision?: number;
  recall?: number;
}

/** Precision and recall of gradeText for each grade, and for "an outcome of either kind" against context. */
function scores(sentences: Sentence[]): Record<string, Score> {
  const graded = sentences.map((s) => ({ gold: s.label, got: gradeText(s.text) }));
  const isOutcome = (grade: EvidenceGrade) => grade === 'measured-outcome' || grade === 'attributed-outcome';
  const score = (gold: (g: EvidenceGrade) => boolean, got: (g: EvidenceGrade) => boolean): Score => {
    const n = graded.filter((g) => gold(g.gold)).length;
    const predicted = graded.filter((g) => got(g.got)).length;
    const right = graded.filter((g) => gold(g.gold) && got(g.got)).length;
    return { n, predicted, ...(predicted > 0 && { precision: right / predicted }), ...(n > 0 && { recall: right / n }) };
  };
  return {
    ...Object.fromEntries(GRADES.map((grade) => [grade, score((g) => g === grade, (g) => g === grade)])),
    [OUTCOME]: score(isOutcome, isOutcome),
  };
}

const sets = { development: scores(corpus.filter((s) => s.set === 'development')), 'held-out': scores(corpus.filter((s) => s.set === 'held-out')) };

/**
 * Floors, set just below what the rules achieved when the corpus was built: development figures
 * from the rules as tuned on it, held-out figures from the one run on the held-out set. undefined
 * where there is nothing to measure (the held-out documents offer no attributed outcome at all).
 */
const FLOORS: Record<keyof typeof sets, Record<string, { precision?: number; recall?: number }>> = {
  development: {
    activity: { precision: 0.95, recall: 0.94 }, // achieved 0.972, 0.963
    volume: { precision: 0.84, recall: 0.92 }, // 0.863, 0.940
    'measured-outcome': { precision: 0.93, recall: 0.9 }, // 0.953, 0.919
    'attributed-outcome': { precision: 0.85, recall: 0.85 }, // 0.900, 0.900 (9 of 10)
    [OUTCOME]: { precision: 0.94, recall: 0.91 }, // 0.957, 0.926
  },
  'held-out': {
    activity: { precision: 0.9, recall: 0.88 }, // achieved 0.919, 0.899
    volume: { precision: 0.45, recall: 0.7 }, // 0.474, 0.750
    'measured-outcome': { precision: 0.74, recall: 0.59 }, // 0.765, 0.619
    'attributed-outcome': {}, // none labelled, none graded
    [OUTCOME]: { precision: 0.74, recall: 0.59 }, // 0.765, 0.619
  },
};

function table(): string {
  const figure = (x: number | undefined) => (x === undefined ? '   n/a' : x.toFixed(3).padStart(6));
  const lines = ['gradeText on test/fixtures/evidence-corpus.yaml', 'set          grade               labelled  graded  precision  recall'];
  for (const [set, byGrade] of Object.entries(sets)) {
    for (const [grade, s] of Object.entries(byGrade)) {
      lines.push(`${set.padEnd(12)} ${grade.padEnd(19)} ${String(s.n).padStart(8)} ${String(s.predicted).padStart(7)}     ${figure(s.precision)}  ${figure(s.recall)}`);
    }
  }
  return lines.join('\n');
}

describe('the evidence corpus', () => {
  it('holds at least 300 hand-labelled sentences, each with a grade, a source and a set', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const s of corpus) {
      expect(GRADES).toContain(s.label);
      expect(['development', 'held-out']).toContain(s.set);
      expect(s.source).toMatch(/^seed \d{3}:L\d+(-\d+)?$|^(examples|data)\/.+\.yaml$/);
      expect(s.text.trim().length).toBeGreaterThan(10);
    }
    expect(new Set(corpus.map((s) => s.text)).size).toBe(corpus.length);
  });

  it('keeps the split it documents: the Worcestershire documents are held out, the rest is for development', () => {
    for (const s of corpus) {
      const worcestershire = /^seed 00[024]:|^examples\/worcestershire\//.test(s.source);
      expect(s.set, s.source).toBe(worcestershire ? 'held-out' : 'development');
    }
    for (const grade of GRADES) expect(corpus.filter((s) => s.set === 'development' && s.label === grade).length).toBeGreaterThanOrEqual(10);
  });

  it('takes sentences from all four real reports', () => {
    for (const seed of ['000', '001', '002', '004']) expect(corpus.some((s) => s.source.startsWith(`seed ${seed}:`)), seed).toBe(true);
  });
});

describe('gradeText against the hand labels', () => {
  it('keeps precision and recall per grade, on the development and the held-out sets, at or above their floors', () => {
    console.log(table());
    for (const [set, byGrade] of Object.entries(sets) as [keyof typeof sets, Record<string, Score>][]) {
      for (const [grade, s] of Object.entries(byGrade)) {
        const floor = FLOORS[set][grade]!;
        if (floor.precision !== undefined) expect(s.precision ?? 0, `${set} ${grade} precision`).toBeGreaterThanOrEqual(floor.precision);
        if (floor.recall !== undefined) expect(s.recall ?? 0, `${set} ${grade} recall`).toBeGreaterThanOrEqual(floor.recall);
      }
    }
  });
});

/** A small indicator, as indicators.yaml would give it. */
function indicator(id: string, polarity: Indicator['polarity'], values: Indicator['values']): Indicator {
  return { id, label: id.replace(/-/g, ' '), group: 'Test', unit: 'percentage', polarity, values };
}

describe('gradeEvidence: the structure of the data first', () => {
  const indicators = new Map(
    [
      indicator('re-referrals', 'lower-is-better', { '2021-22': 22.9, '2022-23': 20.4 }),
      indicator('initial-health-assessments', 'higher-is-better', { '2021-22': 41.2, '2022-23': 39.6 }),
      indicator('eh-threshold-met-rate', 'neither', { '2021-22': 31.2, '2022-23': 23.6 }),
      indicator('unchanged', 'higher-is-better', { '2021-22': 50, '2022-23': 50 }),
      indicator('suppressed-this-year', 'higher-is-better', { '2020-21': 10, '2021-22': 12, '2022-23': 'c' }),
      indicator('one-year', 'higher-is-better', { '2022-23': 12 }),
      indicator('snapshot-then-year', 'lower-is-better', { '2021-22': { value: 400, as_at: '2022-03-31' }, '2022-23': 380 }),
      indicator('later-year', 'lower-is-better', { '2022-23': 20, '2023-24': 10 }),
      { ...indicator('no-direction-stated', 'neither', { '2021-22': 22.9, '2022-23': 20.4 }), polarity: undefined },
    ].map((i) => [i.id, i]),
  );
  const grade = (item: { evidence: string; kind?: string; indicator?: string }) => gradeEvidence(item, indicators, '2022-23');

  it('reads the words when the linked indicator does not say which way is better (an imported table), and says so', () => {
    const result = grade({ kind: 'indicator', indicator: 'no-direction-stated', evidence: 'The subgroup held six meetings.' });
    expect(result.grade).not.toBe('measured-outcome');
    expect(result.why).toMatch(/does not say whether higher or lower is better/);
  });

  it('reads the words when the evidence does not say what kind it is', () => {
    expect(grade({ evidence: 'The subgroup held six meetings.' }).why).toMatch(/^from the wording/);
  });

  it('grades a linked lower-is-better indicator that fell as a measured outcome that moved the right way', () => {
    // data/2022-23/priorities.yaml, early help impact
    const result = grade({ kind: 'indicator', indicator: 're-referrals', evidence: 'Fewer children came back to children\'s social care within a year of a previous referral.' });
    expect(result.grade).toBe('measured-outcome');
    expect(result.why).toMatch(/moved the right way \(22\.9 in 2021-22, 20\.4 in 2022-23; lower is better\)/);
  });

  it('grades an outcome indicator moving the wrong way as a measured outcome, and says it went the wrong way', () => {
    // data/2022-23/priorities.yaml: "Only 39.6% ... compared with 41.2% in 2021-22. This is no improvement."
    const result = grade({ kind: 'indicator', indicator: 'initial-health-assessments', evidence: 'Only 39.6% of initial health assessments were completed within 20 working days.' });
    expect(result.grade).toBe('measured-outcome');
    expect(result.why).toMatch(/moved the wrong way .*higher is better/);
  });

  it('grades a linked indicator with no better direction as volume, whatever the words say', () => {
    // examples/sandwell/2022-23/priorities.yaml (seed 001:L264-267): a share of contacts, offered as early help impact
    const result = grade({ kind: 'indicator', indicator: 'eh-threshold-met-rate', evidence: 'The share of contacts that met the threshold for early help fell from 31.2% to 23.6% after the new strategy.' });
    expect(result.grade).toBe('volume');
    expect(result.why).toMatch(/no better direction/);
  });

  it('lets the indicator decide over words that describe only activity', () => {
    const result = grade({ kind: 'indicator', indicator: 're-referrals', evidence: 'The professional consultation line took 1,480 calls by March 2023.' });
    expect(result.grade).toBe('measured-outcome');
  });

  it('grades a moved indicator as an attributed outcome when the words tie the change to the partnership\'s action', () => {
    const result = grade({ kind: 'indicator', indicator: 're-referrals', evidence: 'Re-referrals fell from 22.9% to 20.4% after the consultation line opened in October 2022.' });
    expect(result.grade).toBe('attributed-outcome');
    expect(result.why).toMatch(/ties the change to the partnership's action/);
  });

  it('says when an outcome indicator did not change', () => {
    expect(grade({ kind: 'indicator', indicator: 'unchanged', evidence: 'x' })).toEqual({ grade: 'measured-outcome', why: expect.stringMatching(/did not change/) });
  });

  it('compares the two latest figures that are not suppressed, and says which years', () => {
    expect(grade({ kind: 'indicator', indicator: 'suppressed-this-year', evidence: 'x' }).why).toMatch(/10 in 2020-21, 12 in 2021-22/);
  });

  it('falls back to the words when the indicator has no two comparable years (one year, a snapshot against a whole year, a later year)', () => {
    for (const id of ['one-year', 'snapshot-then-year', 'later-year', 'not-in-indicators-yaml']) {
      const result = grade({ kind: 'indicator', indicator: id, evidence: 'Trained 420 practitioners in the year.' });
      expect(result.grade, id).toBe('activity');
      expect(result.why, id).toMatch(/from the wording/);
    }
  });

  it('grades an audit, inspection or feedback entry whose words describe a finding or a change as a measured outcome', () => {
    // seed 000:L52
    expect(grade({ kind: 'audit', evidence: 'A multi-agency audit has been completed within the GET SAFE Partnership Group which demonstrated that child protection procedures are followed and strategy meetings are convened appropriately with the correct agencies in attendance.' }).grade).toBe('measured-outcome');
    // seed 001:L1460
    expect(grade({ kind: 'inspection', evidence: 'Ofsted citing \'inappropriate referrals, and little evidence of early help interventions.\'' }).grade).toBe('measured-outcome');
    // data/2022-23/audits.yaml: a parent's words describing a real change are an outcome, not activity
    expect(grade({ kind: 'feedback', evidence: 'Parents said GCP2 helped them see "what the worry actually was" and what good enough looked like.' }).grade).toBe('measured-outcome');
    // seed 001:L1215: a voluntary group describing what it changed
    expect(grade({ kind: 'feedback', evidence: 'We have adapted and updated the policies based on your input and advice.' }).grade).toBe('measured-outcome');
  });

  it('does not credit an audit entry that only says the audit was done', () => {
    // seed 004:L436; seed 000:L64
    expect(grade({ kind: 'audit', evidence: 'Child on child abuse – This audit has now been completed, and 7-minute learning briefings covering the key points have been produced and circulated.' }).grade).toBe('activity');
    expect(grade({ kind: 'audit', evidence: 'This audit considered the children\'s experiences of those services and how they have had their voices heard and responded to.' }).grade).toBe('activity');
  });
});

describe('gradeText: the words, where the data gives no structure', () => {
  it('grades volumes dressed as impact as volume, or at least not as an outcome', () => {
    expect(gradeText('37% of incidents involved children.')).toBe('volume');
    expect(gradeText('29,563 contacts were received to SCT Front Door from 1st April 2022 through to 31st March 2023.')).toBe('volume'); // seed 001:L240
    expect(gradeText('This is an increase of 4 from the previous year\'s (21/22) report which highlighted 9 children who were subject to these arrangements.')).toBe('volume'); // seed 001:L382
    // A count of plans with "completed" reads as work done: not an outcome either way.
    expect(['activity', 'volume']).toContain(gradeText('1,200 safety plans were completed.'));
  });

  it('grades activity with numbers as activity', () => {
    expect(gradeText('Trained 420 practitioners on exploitation.')).toBe('activity');
    expect(gradeText('During that period 2681 delegates from Worcestershire, representing 69 different organisations attended 106 sessions.')).toBe('activity'); // seed 004:L384
    expect(gradeText('Membership has increased each month from 11 in January 23 up to 33 in March 23.')).toBe('activity'); // seed 001:L1161
  });

  it('grades a change in the wrong direction, and knowledge before and after, as measured outcomes', () => {
    expect(gradeText('Only 39.6% of initial health assessments were completed within 20 working days (82 of 207 children), compared with 41.2% in 2021-22.')).toBe('measured-outcome');
    expect(gradeText('Pre-session knowledge measures scored 23.91% and Post session at 97.83%.')).toBe('measured-outcome'); // seed 001:L914
  });

  it('grades a change tied to the partnership\'s action, with its comparison, as an attributed outcome', () => {
    expect(gradeText('Fathers and male carers were recorded at 92% of new birth visits by March 2023, up from 68%, after health visitors attended the ICON learning event.')).toBe('attributed-outcome');
    // "As a result" with no change measured is still activity (seed 001:L27).
    expect(gradeText('As a result, the Partnership published its updated Threshold Guidance in June 2022, which was supported by a series of workshops.')).toBe('activity');
  });
});
