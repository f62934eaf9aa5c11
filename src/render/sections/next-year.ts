/** Our priorities for next year, and why. */
import type { SafeHtml } from '../markdown.js';
import { md, mdList, type SectionDefinition } from './section.js';

export interface NextYearView {
  introHtml?: SafeHtml;
  priorities: Array<{ title: string; whyHtml?: SafeHtml; actions?: SafeHtml[] }>;
}

export const nextYear: SectionDefinition<NextYearView> = {
  title: 'Our priorities for next year',
  view({ data }) {
    const file = data['next-year'];
    if (!file || (file.priorities.length === 0 && file.introduction === undefined)) return undefined;
    return {
      introHtml: md(file.introduction),
      priorities: file.priorities.map((priority) => ({
        title: priority.title,
        whyHtml: md(priority.why),
        actions: mdList(priority.actions),
      })),
    };
  },
};
