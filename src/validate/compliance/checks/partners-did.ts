import { outcome, quoteOf, unwritten, written, type Check } from '../check.js';

/** Children Act 2004 s16G: what the partners did as a result of the arrangements, including on reviews. */
export const partnersDid: Check = {
  id: 'partners-did',
  paths: ['report.yaml arrangements.what_the_partners_did', 'reviews.yaml'],
  sections: ['what-we-did', 'reviews'],
  run({ report, at }) {
    const did = (report.sections.report.arrangements?.what_the_partners_did ?? []).map(written).filter((item): item is string => item !== undefined);
    if (did.length === 0) {
      return unwritten(report, [{ message: 'The report does not say what the partners did as a result of the arrangements: add arrangements.what_the_partners_did to report.yaml', where: at('report', report.sections.report.arrangements ? ['arrangements'] : []) }]);
    }
    const met = [{ message: `${did.length} things the partners did are listed`, where: at('report', ['arrangements', 'what_the_partners_did', 0]), quote: quoteOf(did[0]) }];
    if (!report.sections.reviews) {
      return outcome(
        [{ message: 'There is no reviews.yaml: say what the partners did on child safeguarding practice reviews, even if there were none this year', where: at('reviews') }],
        met,
      );
    }
    return outcome([], [...met, { message: 'Reviews are reported', where: at('reviews', ['summary']) }]);
  },
};
