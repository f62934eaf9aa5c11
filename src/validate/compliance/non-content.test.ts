import { describe, expect, it } from 'vitest';
import { wordCount } from './check.js';
import { contentOf, contentWords, isOnlyNonContent, type Removed } from './non-content.js';

const kinds = (text: string, context?: { appendices?: string[] }) => contentOf(text, context).removed.map((r) => r.kind);
const content = (text: string, context?: { appendices?: string[] }) => contentOf(text, context).content;

describe('non-content: the field from issue 14', () => {
  // The effectiveness field that was reported met for its 98 words: a "TO BE COMPLETED" line,
  // five template questions (the Working Together 2018 wording, seed 000:L26) and three empty bullets.
  const field = [
    'TO BE COMPLETED',
    '',
    'How effective have the safeguarding arrangements been in practice during the year, and how do we know?',
    'What evidence is there of the impact of the work of the safeguarding partners and relevant agencies on outcomes for children and families, from early help to looked-after children and care leavers?',
    'Where does further progress still need to be made, what is the analysis of why, and what will the partners do?',
    'How have the partners sought and used feedback from children and families to inform their work and influence service provision?',
    'What difference has this made?',
    '',
    '-',
    '-',
    '-',
  ].join('\n');

  it('has 98 words by a plain count and none that are content', () => {
    expect(wordCount(field)).toBe(98);
    expect(contentWords(field)).toBe(0);
    expect(isOnlyNonContent(field)).toBe(true);
    expect(contentOf(field).content).toBe('');
  });
  it('says what it removed and why', () => {
    const removed = contentOf(field).removed;
    expect(removed.filter((r) => r.kind === 'placeholder')).toEqual([{ kind: 'placeholder', text: 'TO BE COMPLETED' }]);
    expect(removed.filter((r) => r.kind === 'unanswered-question')).toHaveLength(5);
    expect(removed.filter((r) => r.kind === 'empty-item')).toHaveLength(3);
  });
  it('counts the answer once one is written under the same questions', () => {
    const answered = field.replace('TO BE COMPLETED', '').replace('-\n-\n-', 'Audits of 40 plans found that children were seen alone in 36 of them, up from 24 last year.');
    expect(isOnlyNonContent(answered)).toBe(false);
    expect(content(answered)).toMatch(/^What difference has this made\?\n\nAudits of 40 plans/);
  });
});

describe('non-content: placeholders', () => {
  it.each([
    ['TO BE COMPLETED'],
    ['To be completed'],
    ['Attendance: (to be added)'],
    ['Impact: to be confirmed.'],
    ['Figures TBC'],
    ['Date of the next audit: TBA'],
    ['TODO: add the audit findings'],
    ['TO DO'],
    ['XX children were referred to the front door, an increase of xx% on last year.'],
    ['Partner contributions totalled £XX,XXX.'],
    ['Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore.'],
    ['(please give details)'],
    ['[Insert the chair\'s summary of effectiveness]'],
    ['<add the number of rapid reviews>'],
    ['Click or tap here to enter text.'],
    ['Click here to enter a date.'],
    ['Enter text here'],
    ['Choose an item.'],
  ])('"%s" is only a placeholder', (text) => {
    expect(isOnlyNonContent(text)).toBe(true);
    expect(kinds(text)).toContain('placeholder');
  });
  it('takes the placeholder and keeps the rest of the field', () => {
    // seed 001:L914: a real finding beside an unfinished sentence.
    const text = 'Pre-session knowledge measures scored 23.91% and post-session 97.83%. Follow-up evaluation at three months: TBC.';
    expect(content(text)).toBe('Pre-session knowledge measures scored 23.91% and post-session 97.83%.');
  });
  it('takes a Word prompt out of a sentence that is otherwise written', () => {
    expect(content('The partnership is chaired by [insert name], who was appointed in May 2022.')).toBe('The partnership is chaired by, who was appointed in May 2022.');
  });
  it.each([
    // no-placeholders.test.ts: a lower-case "to be completed" inside a sentence is prose.
    ['Two practice reviews continue to be completed after criminal proceedings end.'],
    // seed 001:L1466: "to be embedded", "to be able to"
    ['This is not due to making no traction, but more about allowing ample time for changes to be embedded to take effect.'],
    // seed 001:L440 area: a heading in capitals that has "TO DO" in it
    ['WHAT WE STILL NEED TO DO IN 2023-24'],
    ['Two reviews are still to be completed.'],
    // A council's initials are not "to be confirmed".
    ['Tamworth Borough Council (TBC) joined the community safeguarding reference group; TBC\'s housing team now attends every meeting.'],
    // A Markdown link is not a "[...]" prompt.
    ['The [Threshold Guidance](https://example.org/thresholds) was updated in June 2022.'],
    // seed 001:L1542 roman numerals and x in words are not XX
    ['Section 11 audits were returned by 34 of 36 agencies, including Xaverian College.'],
  ])('"%s" is kept', (text) => {
    expect(content(text)).toBe(text);
    expect(contentOf(text).removed).toEqual([]);
  });
});

describe('non-content: template residue', () => {
  it.each([
    ['Insert a summary of the partnership\'s work on neglect.'],
    ['Describe how the partners have sought feedback from children and families.'],
    ['Please provide a brief overview of the multi-agency training offer.'],
    ['Include examples of where practice has changed.'],
    ['Set out how the arrangements have been scrutinised.'],
    ['Guidance: this section should evaluate effectiveness, not list meetings. It should cover early help to care leavers.'],
    ['[Guidance note: no more than 300 words]'],
    ['Delete this text before publishing.'],
    ['You may wish to include case studies here.'],
    ['This section should set out the impact on children.'],
    ['Summarise the learning from rapid reviews.'],
    ['Explain why progress has been slower than planned.'],
  ])('"%s" is an instruction to the writer', (text) => {
    expect(isOnlyNonContent(text)).toBe(true);
    expect(kinds(text)).toContain('template-residue');
  });
  it.each([
    // seed 004:L422, L448, L458: priorities are written as imperatives and are content.
    ['• Ensure that a multi-agency plan is in place to ensure Worcestershire can effectively respond to any Joint Targeted Area Inspection (JTAI).'],
    ['• Strengthen the multi-agency approach to reducing the risk of non-accidental injury to children under one.'],
    ['• Build on how learning from Ofsted complaints is used to strengthen practice in our education settings'],
    // seed 004:L409: an action addressed to a subgroup
    ['Support the Get Safe Partnership Group in embedding the learning from the \'Sarah\' Child Safeguarding Practice Review.'],
    // seed 001:L1099 area: a section that says what it does is the author writing, not a prompt
    ['This section sets out the work of the subgroups during 22/23.'],
    ['Provide training to designated safeguarding leads on the updated threshold guidance by September 2023.'],
    ['Please contact the business unit if you would like a copy in another language.'],
  ])('"%s" is kept', (text) => {
    expect(content(text)).toBe(text);
  });
});

describe('non-content: questions without answers', () => {
  it('removes the typical template prompt left on its own', () => {
    expect(isOnlyNonContent('What difference has this made?')).toBe(true);
    expect(kinds('What difference has this made?')).toEqual(['unanswered-question']);
  });
  it('removes a run of questions, in one paragraph or as bullets', () => {
    const text = 'How do we know? What difference has it made? What did children say? What next? Are children safer?';
    expect(contentOf(text).removed).toHaveLength(5);
    expect(isOnlyNonContent('- How do we know?\n- What difference has it made?\n- Are children safer as a result?')).toBe(true);
  });
  it('removes a question followed only by a heading or a placeholder', () => {
    expect(content('Intro text about the year.\nHow has the voice of the child shaped our work?\n\n# Funding\nPartners contributed £412,000.'))
      .toBe('Intro text about the year.\n\n# Funding\nPartners contributed £412,000.');
    expect(isOnlyNonContent('What has changed for families?\nTBC')).toBe(true);
  });
  it('keeps a question heading that is answered', () => {
    // seed 001:L690-692 and L912-914: the report's own question headings with their answers.
    const text = '# WHAT DIFFERENCE DID WE MAKE?\n\nFeedback on the quality of Rapid Review minutes continues to be positive from the National Panel.';
    expect(content(text)).toBe(text);
  });
  it('removes a question heading with nothing under it', () => {
    expect(kinds('# What difference did training make on practice?\n\n# Next steps\nA learning event in May.')).toEqual(['unanswered-question']);
  });
  it('keeps a question that the next sentence answers', () => {
    // seed 004:L355
    const text = '- Multi-agency task and finish group formed to devise programme of training 4 courses identified, what is a good annual review? What does a good EHCP look like? Using the graduated response, how to write a good EHCP outcome.';
    expect(content(text)).toBe(text);
  });
  it('keeps questions inside the partnership\'s own sentences', () => {
    // seed 001:L33, L29, L984
    for (const text of [
      'The biggest challenge in a report such as this is being able to demonstrate the difference that the Partnership\'s activities have made, and asking the question: are children safer as a result?',
      'Young people told us about their concerns around gangs, knife crime, \'what next?\' after school/college, drug use and bullying in schools.',
      '- Consideration of the response to neglect e.g. is GCP2 the right tool to identify neglect for Sandwell?',
    ]) expect(content(text)).toBe(text);
  });
  it('keeps a child\'s quoted question and the partnership\'s answer', () => {
    // seed 001:L1410-1412
    const text = 'Each young person shared their experiences of bullying, and asked members "What is being done about bullying?"\n\n"What is being done about bullying?"\n\nMembers pledged an anti-bullying roadshow in every secondary school; 13 schools took part.';
    expect(content(text)).toBe(text);
    // seed 001:L1428-1436: a quoted question, then the response
    const care = '"What support is out there for young people that want to go to University or into Further Education?"\nThe response from SCSP: there is a Care Leavers offer, which should be the best that it can be.';
    expect(content(care)).toBe(care);
  });
  it('keeps questions the partnership reports having asked', () => {
    // seed 004:L411-419: a questionnaire sent to agencies, quoted in the progress update.
    const text = [
      'Progress: A questionnaire has been sent out to all agencies via the QAPP Group asking them the following:',
      '',
      '- 1. How has your organisation disseminated the learning from the Worcestershire Child Safeguarding Practice Review \'Sarah\' to your own staff?',
      '- 2. How does your organisation plan to assure itself that the learning relevant to your agency has been embedded?',
      '- 6. Are you assured your agency is appropriately attending and contributing to children\'s Looked after Reviews? How is this monitored and followed up where there is non-attendance?',
    ].join('\n');
    expect(content(text)).toBe(text);
  });
  it('does not take "Questions to consider:" as a questionnaire', () => {
    expect(isOnlyNonContent('Questions to consider:\n- How do we know?\n- What difference has this made?')).toBe(true);
  });
});

describe('non-content: headings and bullets without content', () => {
  it.each([
    ['-\n*\n•\n1.\n2)'],
    ['# Impact\n\n## Early help\n\n## Exploitation'],
    ['##'],
    ['Strengths:\nBarriers:\nNext steps:'],
    ['- \n- TBC\n- [insert]'],
  ])('%j has no content', (text) => {
    expect(isOnlyNonContent(text)).toBe(true);
  });
  it('removes the empty heading in a real report and keeps its neighbours', () => {
    // seed 001:L686-690: "Barriers / Challenges" has nothing under it before the next heading.
    const text = '# Barriers / Challenges\n\n# WHAT DIFFERENCE DID WE MAKE?\n\nTracking and assurance on implementation of recommendations from reviews continually improves safeguarding systems.';
    const { content: left, removed } = contentOf(text);
    expect(removed).toEqual<Removed[]>([{ kind: 'empty-item', text: '# Barriers / Challenges' }]);
    expect(left).toBe('# WHAT DIFFERENCE DID WE MAKE?\n\nTracking and assurance on implementation of recommendations from reviews continually improves safeguarding systems.');
  });
  it('keeps a heading whose content is under its subheadings, and a label followed by its list', () => {
    const text = '# Priorities\n## Neglect\nA review of the GCP2 tool began in January 2023.\nProgress:\n- Ten cases are now audited each month.';
    expect(content(text)).toBe(text);
  });
  it('keeps a numbered paragraph and a bullet with a stray second dash', () => {
    // seed 000:L58 numbered paragraphs; seed 001:L1334 "- -Adequate budget"
    for (const text of ['15. In relation to online exploitation across Worcestershire, processes for sharing information have been reviewed.', '- -Adequate budget for partnership business support']) {
      expect(content(text)).toBe(text);
    }
  });
});

describe('non-content: references to what the report does not have', () => {
  it.each([
    ['See Appendix 3.'],
    ['Please refer to Appendix B for the budget.'],
    // seed 000:L98
    ['Details of the Worcestershire Safeguarding Children Partnership budget for 2021/2022 are included within the report at Appendix A.'],
    // seed 001:L1540
    ['The activity undertaken in my independent scrutineer capacity, along with my reflections on the strengths and barriers and challenges of the safeguarding partnership arrangements, are detailed at Page 34.'],
    // seed 004:L180
    ['The key priorities are reflected in the Transformation Plan and an update is provided as an appendix to this paper.'],
    ['See page 14.'],
    ['Further details are set out in Table 2 below.'],
  ])('"%s" only points elsewhere', (text) => {
    expect(isOnlyNonContent(text)).toBe(true);
    expect(kinds(text)).toEqual(['missing-reference']);
  });
  it.each([
    ['As shown in Figure 2, referrals from schools rose by 12% in the year.', 'referrals from schools rose by 12% in the year.'],
    ['Referrals from schools rose by 12% in the year (see Appendix 3).', 'Referrals from schools rose by 12% in the year.'],
    ['Referrals from schools rose by 12% in the year, as shown in Figure 2.', 'Referrals from schools rose by 12% in the year.'],
    // seed 004:L210
    ['Reporting is provided as an appendix to this report and noted that access to specialist CAMHS support remains a challenge for the system.',
      'Reporting is provided and noted that access to specialist CAMHS support remains a challenge for the system.'],
    // seed 001:L44: a contents line
    ['Independent Chair\tPage 15', 'Independent Chair'],
    // seed 001:L39: "on" at the end of "Population" is not "on page 7"
    ['2. Sandwell\'s Child Population\tPage 7', '2. Sandwell\'s Child Population'],
    // seed 001:L423: the chart is the report's own, drawn from its data; the sentence's finding stays
    ['Chart 2 above shows that in the 3 years preceding 2022-23, Sandwell saw a year on year increase in the number of child deaths.',
      'shows that in the 3 years preceding 2022-23, Sandwell saw a year on year increase in the number of child deaths.'],
  ])('"%s" keeps its claim and loses the pointer', (text, left) => {
    expect(content(text)).toBe(left);
    expect(kinds(text)).toEqual(['missing-reference']);
  });
  it('keeps references to appendices the report has', () => {
    const text = 'The budget by partner is at Appendix A. See Appendix 2 for the audit programme.';
    expect(content(text, { appendices: ['Appendix A: Budget', '2'] })).toBe(text);
    expect(content(text, { appendices: ['Appendix A: Budget'] })).toBe('The budget by partner is at Appendix A.');
  });
  it.each([
    ['The partnership published its Early Help Strategy with an appendix of local services (https://example.org/early-help-strategy).'],
    ['The appendix to the Threshold Guidance lists local services: [Threshold Guidance](https://example.org/thresholds).'],
    // Another document's parts: the guidance's own chapter, page and appendix.
    ['This report is produced to comply with Chapter 3 of Working Together, and Appendix A of Working Together defines a serious child safeguarding case.'],
    ['Ofsted\'s findings were presented to the board in a table showing the actions taken.'],
    ['Over 1,200 practitioners attended, a figure 20% higher than last year.'],
  ])('"%s" is kept', (text) => {
    expect(content(text)).toBe(text);
  });
});

describe('non-content: a real passage passes through whole', () => {
  it('keeps a subgroup\'s "what difference did we make" section', () => {
    // seed 001:L694-696
    const text = '# WHAT DIFFERENCE DID WE MAKE?\n\nAs a result of learning identified in the YS CSPR, the Domestic Abuse Strategic Partnership shared that the following work has been undertaken: secured funding to support children in the community, delivery of community events e.g. Coffee Mornings, and the funding of two specialist posts. Both workers provided a case study to show the impact of their work.';
    expect(contentOf(text)).toEqual({ content: text, removed: [] });
    expect(contentWords(text)).toBe(wordCount(text));
  });
  it('counts "TBC and two words" as no content, and three real words as content', () => {
    expect(isOnlyNonContent('Impact: TBC\nSee Appendix 3.\nOutcome:')).toBe(true);
    expect(isOnlyNonContent('Re-referrals fell sharply.')).toBe(false);
  });
});
