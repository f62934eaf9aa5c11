/** Listening to children and families: what was heard, and what changed because of it. */
import { formatEventDate } from '../format.js';
import type { SafeHtml } from '../markdown.js';
import { md, unlessEmpty, type SectionDefinition } from './section.js';

export interface VoiceView {
  summaryHtml?: SafeHtml;
  feedback?: Array<{
    title: string;
    who?: string;
    date?: string;
    /** Children's and families' own words, as the report gives them. */
    quotes?: Array<{ text: string; who?: string }>;
    heardHtml?: SafeHtml;
    changedHtml?: SafeHtml;
    heardOrChanged: boolean;
    links?: Array<{ text: string; url: string }>;
  }>;
}

export const voice: SectionDefinition<VoiceView> = {
  title: 'Listening to children and families',
  view({ data }) {
    const file = data.voice;
    if (!file) return undefined;
    return unlessEmpty({
      summaryHtml: md(file.summary),
      feedback: file.feedback.length === 0 ? undefined : file.feedback.map((item) => ({
        title: item.title,
        who: item.who,
        date: item.date ? formatEventDate(item.date) : undefined,
        quotes: item.quotes?.length ? item.quotes : undefined,
        heardHtml: md(item.heard),
        changedHtml: md(item.changed),
        heardOrChanged: item.heard !== undefined || item.changed !== undefined,
        links: item.links?.length ? item.links : undefined,
      })),
    });
  },
};
