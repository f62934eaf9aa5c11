/** Listening to children and families: what was heard, and what changed because of it. */
import { formatEventDate } from '../format.js';
import type { SafeHtml } from '../markdown.js';
import { md, type SectionDefinition } from './section.js';

export interface VoiceView {
  summaryHtml?: SafeHtml;
  feedback: Array<{ title: string; who?: string; date?: string; heardHtml?: SafeHtml; changedHtml?: SafeHtml }>;
}

export const voice: SectionDefinition<VoiceView> = {
  title: 'Listening to children and families',
  view({ data }) {
    const file = data.voice;
    if (!file) return undefined;
    return {
      summaryHtml: md(file.summary),
      feedback: file.feedback.map((item) => ({
        title: item.title,
        who: item.who,
        date: item.date ? formatEventDate(item.date) : undefined,
        heardHtml: md(item.heard),
        changedHtml: md(item.changed),
      })),
    };
  },
};
