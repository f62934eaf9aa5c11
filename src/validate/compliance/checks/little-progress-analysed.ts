import { outcome, quoteOf, unwritten, written, type Check, type Finding } from '../check.js';

/** Working Together 2018 ch. 3: an analysis of any areas where there has been little or no evidence of progress. */
export const littleProgressAnalysed: Check = {
  id: 'little-progress-analysed',
  paths: ['priorities.yaml priorities[].progress_analysis', 'report.yaml effectiveness.little_or_no_progress'],
  sections: ['effectiveness', 'priorities'],
  run({ report, at }) {
    const missing: Finding[] = [];
    const met: Finding[] = [];
    const statement = written(report.sections.report.effectiveness?.little_or_no_progress);
    if (statement !== undefined) {
      met.push({ message: 'The report says where progress was little or none', where: at('report', ['effectiveness', 'little_or_no_progress']), quote: quoteOf(statement) });
    } else if (report.sections.report.effectiveness?.little_or_no_progress !== undefined) {
      missing.push({ message: 'effectiveness.little_or_no_progress holds only placeholders, prompts or unanswered questions: say where progress was little or none and why, or that there was none', where: at('report', ['effectiveness', 'little_or_no_progress']) });
    } else {
      missing.push({ message: 'The report does not say where there was little or no progress, or that there was none: add effectiveness.little_or_no_progress to report.yaml', where: at('report', report.sections.report.effectiveness ? ['effectiveness'] : []) });
    }
    report.sections.priorities.priorities.forEach((priority, p) => {
      if (priority.progress !== 'little' && priority.progress !== 'none') return;
      const analysis = written(priority.progress_analysis);
      if (analysis) {
        met.push({ message: `"${priority.title}" (${priority.progress} progress) is analysed`, where: at('priorities', ['priorities', p, 'progress_analysis']), quote: quoteOf(analysis) });
      } else {
        missing.push({
          message: `"${priority.title}" made ${priority.progress} progress but has no progress_analysis: say why, and what will change`,
          where: at('priorities', ['priorities', p, 'progress']),
        });
      }
    });
    // Nothing written on it at all: to do while the report is a draft, not met in a final one.
    if (met.length === 0 && missing.length > 0 && report.sections.report.status === 'draft') return unwritten(report, missing);
    return outcome(missing, met);
  },
};
