import { outcome, type Check, type Finding } from '../check.js';

const REQUIRED = [
  ['local-authority', 'the local authority'],
  ['integrated-care-board', 'the integrated care board'],
  ['police', 'the chief officer of police'],
] as const;

/** Children Act 2004 s16E: the three safeguarding partners. */
export const statutoryPartners: Check = {
  id: 'statutory-partners',
  paths: ['partnership.yaml safeguarding_partners[].type'],
  sections: ['about'],
  run({ report, at }) {
    const partners = report.partnership.safeguarding_partners;
    const missing: Finding[] = [];
    const met: Finding[] = [];
    for (const [type, words] of REQUIRED) {
      const index = partners.findIndex((partner) => partner.type === type);
      if (index < 0) missing.push({ message: `No safeguarding partner is ${words}: add it with type: ${type}`, where: at('partnership', ['safeguarding_partners']) });
      else met.push({ message: partners[index]!.name, where: at('partnership', ['safeguarding_partners', index, 'name']) });
    }
    return outcome(missing, met);
  },
};
