/**
 * Markdown from the data becomes HTML that can only format text: marked renders it and
 * sanitize-html keeps an allow-list of tags and attributes. No script, event handler,
 * style, frame, form or image can get through, and links may only go to http(s), mailto
 * or an anchor in the report.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { rememberedBy } from '../util/remembered.js';

/** HTML that has been made safe to insert into the report unescaped. */
export type SafeHtml = string & { readonly __safeHtml: unique symbol };

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'b', 'i', 'u', 's', 'code', 'blockquote', 'ul', 'ol', 'li', 'a',
    'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'abbr', 'sup', 'sub',
  ],
  allowedAttributes: { a: ['href', 'title'], abbr: ['title'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings inside narrative sit below the section (h2) and subsection (h3) headings.
  transformTags: {
    h1: 'h4',
    h2: 'h4',
    h3: 'h4',
  },
};

/**
 * sanitize-html has already removed any href outside the allowed schemes, leaving a bare
 * <a>; unwrap those so the words stay, and mark links that leave the report.
 * (Its output is normalised, so these patterns see exactly what it writes.)
 */
function finishLinks(html: string): string {
  return html
    .replace(/<a>([\s\S]*?)<\/a>/g, '$1')
    .replace(/<a href="(?!https?:|mailto:|#)[^"]*"( title="[^"]*")?>([\s\S]*?)<\/a>/gi, '$2')
    .replace(/<a href="(https?:[^"]*)"/gi, '<a rel="noopener noreferrer" href="$1"');
}

// Remembered by their text in the preview, where most fields are unchanged from one edit to the next.
export const renderMarkdown = rememberedBy((source: string): SafeHtml => {
  const html = marked.parse(source) as string;
  return finishLinks(sanitizeHtml(html, SANITIZE)) as SafeHtml;
});

/** One line of Markdown (a list point, a table cell): no wrapping paragraph. */
export const renderInlineMarkdown = rememberedBy((source: string): SafeHtml => {
  const html = marked.parseInline(source) as string;
  return finishLinks(sanitizeHtml(html, SANITIZE)) as SafeHtml;
});
