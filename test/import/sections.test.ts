/**
 * The importer's reading of headings and tables, on the words real reports use: the headings of
 * the reports in ../shared/seeds/ (Sandwell 2022-23, Worcestershire's cabinet paper and early
 * help report), and tables laid out as their figures are.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/scaffold/import/figure-table.js';
import { priorityPartOf, sectionOf, yearsIn } from '../../src/scaffold/import/sections.js';

describe('what a heading is about', () => {
  it('knows the sections by the words the seed reports use for them', () => {
    const seen = (heading: string) => sectionOf(heading, '2022-23');
    expect(seen('FOREWORD: LESLEY HAGGER, INDEPENDENT CHAIR, SANDWELL CHILDREN\'S SAFEGUARDING PARTNERSHIP.')).toBe('foreword'); // seed 001:L13
    expect(seen('The SCSP Structure')).toBe('arrangements'); // 001:L85
    expect(seen('22-23 Priorities for the SCSP')).toBe('priorities'); // 001:L134
    expect(seen('Child Death during 22/23')).toBe('child-deaths'); // 001:L406
    expect(seen('Sandwell Learning from Practice Reviews Subgroup')).toBe('reviews'); // 001:L563
    expect(seen('Quality of Practice, Performance and Assurance (QPPA) Subgroup')).toBe('audits'); // 001:L698
    expect(seen('Learning and Development (L&D) Subgroup')).toBe('training'); // 001:L778
    expect(seen('Ofsted Inspection May 2022')).toBe('inspections'); // 001:L1360
    expect(seen('SHAPE Takeover October 2022')).toBe('voice'); // 001:L1374
    expect(seen('Improvement Activities and Direction of travel for 23/24')).toBe('next-year'); // contents, 001:L63
    expect(seen('Glossary of Terms')).toBe('glossary'); // 001:L64
    expect(seen('Independent Scrutiny of SCSP Annual Report 2022-23')).toBe('scrutiny'); // 001:L65
    expect(seen('Key points from the WSCP Annual Report 2021/2022')).toBe('at-a-glance'); // 000:L34
    expect(seen('Allegations against people who work with children (LADO)')).toBe('lado');
    expect(seen('Partner contributions')).toBe('funding');
    expect(seen('Our priorities for 2023-24')).toBe('next-year');
    expect(seen('Our priorities for 2022-23')).toBe('priorities');
  });

  it('does not guess at headings that name no section', () => {
    for (const heading of ['Private Fostering Arrangements' /* 001:L379 */, 'Overview and Scrutiny' /* a council committee, 000 */, 'Legal, Financial and HR Implications' /* 000 */, 'What role has children Areas requiring further progress & next steps:' /* 001:L1201 */, 'CONTENTS PAGE', '1. INTRODUCTION', 'What is Safeguarding?', 'Contacts and Referrals', 'Tackling Neglect Subgroup', 'GET SAFE', 'Summarising the work of SCSP during 22/23', 'Strengths', 'Early Help']) {
      expect(sectionOf(heading, '2022-23'), heading).toBeUndefined();
    }
  });

  it('knows the parts of a priority a report separates', () => {
    expect(priorityPartOf('WHAT DIFFERENCE DID WE MAKE?')).toBe('impact'); // 001:L674
    expect(priorityPartOf('What we did')).toBe('activity');
    expect(priorityPartOf('Key activities for CEB')).toBe('activity'); // 001:L1032
    expect(priorityPartOf('Why this is a priority')).toBe('why');
    expect(priorityPartOf('Exploitation')).toBeUndefined();
  });

  it('reads reporting years as reports write them, and nothing else', () => {
    expect(yearsIn('2021/22, 2022-2023, 22/23, 2022 / 2023, 2022 –23')).toEqual(['2021-22', '2022-23', '2022-23', '2022-23', '2022-23']);
    expect(yearsIn('12/3, 1,200-300, 2019-21, 45-46%, £20-21')).toEqual([]);
  });
});

describe('a table of figures', () => {
  const names = { area: 'Sandwell', region: 'West Midlands' };
  it('reads the area\'s figures by year and each comparator with the year its column names', () => {
    // seed 001:L288: re-referrals against the West Midlands, statistical neighbours and England (years made up for the test)
    const read = figuresOf([['Indicator', 'Sandwell 2021-22', 'Sandwell 2022-23', 'West Midlands 2021-22', 'Stat neighbours 2021/22', 'England 2021-22'], ['Re-referrals within 12 months', '22.9%', '23%', '19.1%', '20.4%', '21.5%'], ['Child protection plans per 10,000', '52.1', '48.0', '', 'n/a', '–']], 'The front door', names, new Set());
    expect(read).toEqual({
      indicators: [
        { id: 're-referrals-within-12-months', label: 'Re-referrals within 12 months', group: 'The front door', unit: 'percentage', values: { '2021-22': 22.9, '2022-23': 23 }, comparators: { region: { '2021-22': 19.1 }, statistical_neighbours: { '2021-22': 20.4 }, england: { '2021-22': 21.5 } } },
        { id: 'child-protection-plans-per-10-000', label: 'Child protection plans per 10,000', group: 'The front door', unit: 'rate-per-10000', values: { '2021-22': 52.1, '2022-23': 48 } },
      ],
    });
  });

  it('keeps a table as text, saying why, when a column, a cell or a unit is not clear', () => {
    expect(figuresOf([['Measure', 'Sandwell', 'England'], ['Re-referrals', '23%', '21.5%']], 'g', {}, new Set())).toEqual({ reason: 'its column "Sandwell" names no reporting year' });
    expect(figuresOf([['Measure', '2022-23', 'Core cities 2022-23'], ['Re-referrals', '23%', '21%']], 'g', names, new Set())).toMatchObject({ reason: expect.stringMatching(/column "Core cities 2022-23" is not a year, nor a comparator the importer knows/) });
    expect(figuresOf([['Measure', '2022-23'], ['Contacts', 'about 29,000']], 'g', names, new Set())).toEqual({ reason: 'the row "Contacts" has "about 29,000", which is not a figure' });
    expect(figuresOf([['Measure', '2022-23'], ['Average caseload', '17.5']], 'g', names, new Set())).toEqual({ reason: 'it does not say whether "Average caseload" is a count, a percentage or a rate per 10,000' });
    expect(figuresOf([['Measure', '2022-23'], ['Contacts', '']], 'g', names, new Set())).toEqual({ reason: 'the row "Contacts" has no figure for the area' });
  });

  it('keeps ids unique beside those already taken, and a suppressed figure as c', () => {
    const read = figuresOf([['', '2022-23'], ['Contacts', '29,563'], ['Contacts', 'c']], 'g', {}, new Set(['contacts']));
    expect('indicators' in read && read.indicators.map((i) => [i.id, i.values['2022-23']])).toEqual([['contacts-2', 29563], ['contacts-3', 'c']]);
  });
});
