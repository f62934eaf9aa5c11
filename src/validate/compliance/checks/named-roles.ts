import { LANDMARKS } from '../../../model/catalogue.js';
import { notApplicable, outcome, type Check, type Finding } from '../check.js';

const WT2023 = LANDMARKS.workingTogether2023;

/**
 * Working Together 2023: lead and delegated safeguarding partners, and a partnership chair.
 * The roles did not exist before it (December 2023): a period that ended before then is not
 * asked for them.
 */
export const namedRoles: Check = {
  id: 'named-roles',
  paths: ['partnership.yaml safeguarding_partners[].lead', 'partnership.yaml safeguarding_partners[].delegate', 'partnership.yaml chair'],
  sections: ['about'],
  run({ report, at }) {
    const { end } = report.sections.report.period;
    if (end < WT2023.from) {
      return notApplicable(`Lead and delegated safeguarding partners and the partnership chair came with Working Together 2023 in ${WT2023.when}, after this period ended on ${end}`);
    }
    const missing: Finding[] = [];
    const met: Finding[] = [];
    report.partnership.safeguarding_partners.forEach((partner, p) => {
      if (partner.type === 'other') return;
      for (const role of ['lead', 'delegate'] as const) {
        const person = partner[role];
        const words = role === 'lead' ? 'lead safeguarding partner' : 'delegated safeguarding partner';
        if (person) met.push({ message: `${partner.name}: ${words} ${person.name}`, where: at('partnership', ['safeguarding_partners', p, role]) });
        else missing.push({ message: `${partner.name} has no ${words} named: add ${role}: with their name and role`, where: at('partnership', ['safeguarding_partners', p]) });
      }
    });
    if (report.partnership.chair) met.push({ message: `Partnership chair: ${report.partnership.chair.name}`, where: at('partnership', ['chair']) });
    else missing.push({ message: 'No partnership chair is named: add chair: to partnership.yaml', where: at('partnership') });
    return outcome(missing, met);
  },
};
