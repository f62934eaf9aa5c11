import { LANDMARKS } from '../../../model/catalogue.js';
import { outcome, type Check, type Finding } from '../check.js';

const ICB = LANDMARKS.integratedCareBoards;

/**
 * Children Act 2004 s16E: the three safeguarding partners, the local authority, the health
 * partner and the chief officer of police; before the partnership arrangements of 2019, the
 * Local Safeguarding Children Board's partners under s13, among them the same three. The
 * health partner is the period's: a clinical commissioning group (CCG) for a period that starts
 * before integrated care boards (ICBs) replaced CCGs on 1 July 2022, an ICB from then.
 */
export const statutoryPartners: Check = {
  id: 'statutory-partners',
  paths: ['partnership.yaml safeguarding_partners[].type'],
  sections: ['about'],
  run({ report, at }) {
    const partners = report.partnership.safeguarding_partners;
    const { start, end } = report.sections.report.period;
    const partner = start >= LANDMARKS.partnersReport.from ? 'safeguarding partner' : 'board partner';
    const missing: Finding[] = [];
    const met: Finding[] = [];
    const found = (index: number, message = partners[index]!.name) => met.push({ message, where: at('partnership', ['safeguarding_partners', index, 'name']), quote: partners[index]!.name });
    const indexOf = (type: string) => partners.findIndex((entry) => entry.type === type);

    const council = indexOf('local-authority');
    if (council < 0) missing.push({ message: `No ${partner} is the local authority: add it with type: local-authority`, where: at('partnership', ['safeguarding_partners']) });
    else found(council);

    const icb = indexOf('integrated-care-board');
    const ccg = indexOf('clinical-commissioning-group');
    if (start < ICB.from) {
      // Before ICBs the health partner was the CCG; a period that straddles the change may name either.
      if (ccg >= 0) {
        found(ccg, end >= ICB.from
          ? `${partners[ccg]!.name}: the clinical commissioning group, the health partner for this period, which began before integrated care boards replaced CCGs on ${ICB.when}`
          : `${partners[ccg]!.name}: the clinical commissioning group, the health partner in this period`);
      } else if (icb >= 0) {
        found(icb, end < ICB.from
          ? `${partners[icb]!.name} (integrated care boards replaced clinical commissioning groups on ${ICB.when}, after this period: the health partner in the period was the CCG)`
          : partners[icb]!.name);
      } else {
        missing.push({ message: `No ${partner} is the health partner: add the clinical commissioning group with type: clinical-commissioning-group`, where: at('partnership', ['safeguarding_partners']) });
      }
    } else if (icb >= 0) {
      found(icb);
    } else if (ccg >= 0) {
      missing.push({
        message: `${partners[ccg]!.name} is a clinical commissioning group, but integrated care boards replaced CCGs on ${ICB.when}, before this period began: name the integrated care board with type: integrated-care-board`,
        where: at('partnership', ['safeguarding_partners', ccg, 'type']),
      });
    } else {
      missing.push({ message: `No ${partner} is the integrated care board: add it with type: integrated-care-board`, where: at('partnership', ['safeguarding_partners']) });
    }

    const police = indexOf('police');
    if (police < 0) missing.push({ message: `No ${partner} is the chief officer of police: add it with type: police`, where: at('partnership', ['safeguarding_partners']) });
    else found(police);
    return outcome(missing, met);
  },
};
