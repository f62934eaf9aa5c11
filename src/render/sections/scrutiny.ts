/** Independent scrutiny: who scrutinised the arrangements, how, and what they found. */
import type { Partnership } from '../../model/partnership.js';
import type { SafeHtml } from '../markdown.js';
import { md, mdList, type SectionDefinition } from './section.js';

export interface ScrutinyView {
  scrutineer?: Partnership['scrutineer'];
  arrangementsHtml?: SafeHtml;
  activities?: SafeHtml[];
  findings?: SafeHtml[];
  recommendations?: SafeHtml[];
  statementHtml?: SafeHtml;
}

export const scrutiny: SectionDefinition<ScrutinyView> = {
  title: 'Independent scrutiny',
  view({ data, partnership }) {
    const file = data.scrutiny;
    if (!file) return undefined;
    return {
      scrutineer: file.scrutineer ?? partnership.scrutineer,
      arrangementsHtml: md(file.arrangements),
      activities: mdList(file.activities),
      findings: mdList(file.findings),
      recommendations: mdList(file.recommendations),
      statementHtml: md(file.statement),
    };
  },
};
