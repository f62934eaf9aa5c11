/** The foreword, signed by its author. */
import type { ReportYear } from '../../model/report-year.js';
import type { SafeHtml } from '../markdown.js';
import { md, type SectionDefinition } from './section.js';

export interface ForewordView {
  html?: SafeHtml;
  author?: NonNullable<ReportYear['report']['foreword']>['author'];
}

export const foreword: SectionDefinition<ForewordView> = {
  title: 'Foreword',
  view: ({ data }) => data.report.foreword && { html: md(data.report.foreword.text), author: data.report.foreword.author },
};
