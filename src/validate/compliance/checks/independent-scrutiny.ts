import { outcome, written, type Check, type Finding } from '../check.js';

/** Working Together 2018 ch. 3: independent scrutiny of the arrangements. */
export const independentScrutiny: Check = {
  id: 'independent-scrutiny',
  paths: ['partnership.yaml scrutineer', 'scrutiny.yaml'],
  sections: ['scrutiny'],
  run({ report, at }) {
    const scrutiny = report.sections.scrutiny;
    const scrutineer = scrutiny?.scrutineer ?? report.partnership.scrutineer;
    const missing: Finding[] = [];
    const met: Finding[] = [];
    if (scrutineer) met.push({ message: `Scrutineer: ${scrutineer.name}`, where: scrutiny?.scrutineer ? at('scrutiny', ['scrutineer']) : at('partnership', ['scrutineer']) });
    else missing.push({ message: 'No independent scrutineer is named: add scrutineer to partnership.yaml', where: at('partnership') });
    const findings = (scrutiny?.findings ?? []).map(written).filter((finding): finding is string => finding !== undefined);
    if (findings.length) met.push({ message: `${findings.length} findings from the scrutiny`, where: at('scrutiny', ['findings']), quote: findings[0] });
    else if (scrutiny) missing.push({ message: 'scrutiny.yaml gives no findings: say what the independent scrutiny found', where: at('scrutiny', scrutiny.findings ? ['findings'] : []) });
    else missing.push({ message: 'There is no scrutiny.yaml: report what the independent scrutiny did and found', where: at('scrutiny') });
    return outcome(missing, met);
  },
};
