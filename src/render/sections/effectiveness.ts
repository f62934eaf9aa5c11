/** How effective the arrangements are: the partners' own assessment, strengths, and where there was little progress. */
import type { SafeHtml } from '../markdown.js';
import { md, mdList, unlessEmpty, type SectionDefinition } from './section.js';

export interface EffectivenessView {
  assessmentHtml?: SafeHtml;
  strengths?: SafeHtml[];
  littleProgressHtml?: SafeHtml;
  challenges?: SafeHtml[];
}

export const effectiveness: SectionDefinition<EffectivenessView> = {
  title: 'How effective are our arrangements?',
  view: ({ data }) =>
    unlessEmpty({
      assessmentHtml: md(data.report.effectiveness?.assessment),
      strengths: mdList(data.report.effectiveness?.strengths),
      littleProgressHtml: md(data.report.effectiveness?.little_or_no_progress),
      challenges: mdList(data.report.effectiveness?.challenges),
    }),
};
