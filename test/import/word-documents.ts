/**
 * Word documents built for the import tests with the `docx` library, as Word writes them:
 * heading styles, a Title, bold and italic runs, links, bulleted and numbered lists, tables.
 * A paragraph's text may use **bold**, *italics* and [text](https://...) to ask for those runs.
 */
import { writeFileSync } from 'node:fs';
import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type ParagraphChild } from 'docx';

export type Part =
  | { title: string }
  | { h: 1 | 2 | 3 | 4; text: string }
  /** A paragraph wholly in bold: a heading in all but style, as many Word reports have. */
  | { bold: string }
  | { p: string }
  | { ul: string[] }
  | { ol: string[] }
  | { table: string[][] }
  /** A small picture, as a chart or photo pasted into the document. */
  | { picture: true };

/** A 1x1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

/** "Plain **bold** *italic* [a link](https://x)" as Word runs. */
function runs(text: string): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\((https?:[^)]+)\)/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index! > at) out.push(new TextRun(text.slice(at, match.index)));
    if (match[1]) out.push(new TextRun({ text: match[1], bold: true }));
    else if (match[2]) out.push(new TextRun({ text: match[2], italics: true }));
    else out.push(new ExternalHyperlink({ link: match[4]!, children: [new TextRun({ text: match[3]!, style: 'Hyperlink' })] }));
    at = match.index! + match[0].length;
  }
  if (at < text.length) out.push(new TextRun(text.slice(at)));
  return out;
}

export async function wordDocument(parts: Part[]): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  for (const part of parts) {
    if ('title' in part) children.push(new Paragraph({ text: part.title, heading: HeadingLevel.TITLE }));
    else if ('h' in part) children.push(new Paragraph({ text: part.text, heading: HEADINGS[part.h] }));
    else if ('bold' in part) children.push(new Paragraph({ children: [new TextRun({ text: part.bold, bold: true })] }));
    else if ('p' in part) children.push(new Paragraph({ children: runs(part.p) }));
    else if ('ul' in part) for (const item of part.ul) children.push(new Paragraph({ children: runs(item), bullet: { level: 0 } }));
    else if ('ol' in part) for (const item of part.ol) children.push(new Paragraph({ children: runs(item), numbering: { reference: 'numbers', level: 0 } }));
    else if ('picture' in part) children.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } })] }));
    else {
      children.push(new Table({ rows: part.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) }));
      children.push(new Paragraph(''));
    }
  }
  const document = new Document({
    numbering: { config: [{ reference: 'numbers', levels: [{ level: 0, format: 'decimal', text: '%1.' }] }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

export async function writeWordDocument(path: string, parts: Part[]): Promise<string> {
  writeFileSync(path, await wordDocument(parts));
  return path;
}

/**
 * A whole annual report laid out as Sandwell's 2022-23 report is (../shared/seeds/001): its
 * headings, its priorities and its figures, each fact from the seed (its line is given), in
 * words of our own. The seed has no funding table: that one names no partner and says it is
 * made up; placeholders stand where the seed gives nothing.
 */
export const SANDWELL_REPORT: Part[] = [
  { title: 'Sandwell Children\'s Safeguarding Partnership Annual Report 2022-23' },
  { h: 1, text: 'Contents' },
  { ol: ['Introduction', 'Priorities', 'Glossary'] },
  { h: 1, text: 'Foreword: Independent Chair, Sandwell Children\'s Safeguarding Partnership' },
  // L34, L148
  { p: 'This is the partnership\'s report on the year from April 2022 to March 2023, under **Working Together 2018**.' },
  { p: 'The hardest part of such a report is showing the *difference* the partnership made: see [the partnership\'s website](https://www.sandwellcsp.org.uk).' },
  { h: 1, text: 'The SCSP Structure' },
  // L87-93
  { p: 'The partnership was set up in April 2019, led by four statutory safeguarding partners.' },
  { table: [['Partner', 'Role'], ['Sandwell Metropolitan Borough Council', 'Statutory partner'], ['West Midlands Police', 'Statutory partner']] },
  { h: 1, text: '22-23 Priorities for the SCSP' },
  // L136-138, L941-975
  { p: 'Three priorities were carried into the year.' },
  { h: 2, text: 'Neglect' },
  { bold: 'What we did' },
  { ul: ['Developed a neglect 7-minute briefing to share across the partnership', 'Agreed a neglect dataset for the partnership'] },
  { bold: 'What difference did we make?' },
  { p: 'The neglect dataset is now live and received regularly, so the group can understand the local picture of neglect.' },
  { h: 2, text: 'Exploitation' },
  { h: 3, text: 'Activity' },
  { p: 'Partners presented the child\'s voice at each meeting of the Child Exploitation Board.' },
  { h: 3, text: 'Impact' },
  { ul: ['[insert evidence of impact]'] },
  { h: 2, text: 'Early Help' },
  { p: 'Early help has been a priority since 2021.' },
  // L238-292
  { h: 1, text: 'Contacts and Referrals' },
  { p: 'Contacts and referrals to the front door, April 2022 to March 2023.' },
  { table: [['Measure', '2022-23'], ['Contacts received', '29,563'], ['Referrals received', '4,194'], ['Re-referrals (%)', '23%'], ['Domestic abuse contacts', '4,798']] },
  { table: [['Measure', 'Sandwell', 'West Midlands average', 'England average'], ['Re-referrals', '23%', '19.1%', '21.5%']] },
  // L406-430
  { h: 1, text: 'Child Death during 22/23' },
  { p: 'Sandwell is a member of the Black Country Child Death Overview Panel. 128 child deaths were notified across the Black Country in 2022-23.' },
  { h: 1, text: 'Sandwell Learning from Practice Reviews Subgroup' },
  { p: 'From 10 joint agency response meetings, 1 was referred to the subgroup and led to a local child safeguarding practice review.' },
  { h: 1, text: 'Quality of Practice, Performance and Assurance (QPPA) Subgroup' },
  { p: 'The subgroup completed [insert number] multi-agency audits.' },
  // L872-876
  { h: 1, text: 'Learning and Development (L&D) Subgroup' },
  { p: 'Most courses ran to capacity.' },
  { h: 2, text: 'Barriers /Challenges' },
  { p: 'Impact evaluation has been difficult to capture.' },
  // L58, L1085, L1295
  { h: 1, text: 'Independent Scrutiny of SCSP Annual Report 2022-23' },
  { p: 'Scrutiny activities took place during 2022-23.' },
  { h: 2, text: 'Areas where scrutiny work has identified learning' },
  { ul: ['Partners need to give narrative with their data'] },
  // L1360-1374
  { h: 1, text: 'Ofsted Inspection May 2022' },
  { p: 'Ofsted inspected children\'s services in May 2022.' },
  { h: 1, text: 'SHAPE Takeover October 2022' },
  { p: 'Young people from the SHAPE forum took over the partnership board in October 2022.' },
  { h: 1, text: 'Funding' },
  { p: 'Made up for the test, as the seed has no such table: the partners\' contributions.' },
  { table: [['Partner', 'Contribution'], ['Partner A', '£100,000'], ['Partner B', '£50,000'], ['Total', '£150,000']] },
  // L63, L136-138
  { h: 1, text: 'Improvement Activities and Direction of travel for 23/24' },
  { ul: ['Neglect', 'Exploitation', 'Early Help'] },
  { h: 1, text: 'Glossary of Terms' },
  { table: [['Term', 'Meaning'], ['CDOP', 'Child Death Overview Panel'], ['SCSP', 'Sandwell Children\'s Safeguarding Partnership']] },
];

/** One agency's contribution to the training section, as it might send it (made up for the test). */
export const POLICE_TRAINING: Part[] = [
  { title: 'Police contribution: training' },
  { p: 'Officers attended the partnership\'s courses on exploitation.' },
  { bold: 'Courses' },
  { ul: ['Exploitation awareness', 'Domestic abuse and children'] },
];

/** A document whose headings say nothing the importer knows. */
export const UNKNOWN_STRUCTURE: Part[] = [
  { p: 'A paragraph before any heading.' },
  { h: 1, text: 'Chapter One' },
  { p: 'The first chapter\'s words, with **emphasis**.' },
  { ul: ['A point', 'Another point'] },
  { h: 2, text: 'A part of it' },
  { table: [['Name', 'Note'], ['First', 'A note']] },
  { h: 1, text: 'Chapter Two' },
  { ol: ['One', 'Two'] },
  { picture: true },
  { bold: 'A bold line' },
  { p: 'The last words.' },
];
