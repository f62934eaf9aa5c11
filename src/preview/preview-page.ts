/**
 * What the preview adds to the report page it serves, and its own pages. None of this is
 * written into a built report: the server puts it into the page as it sends it.
 *
 * - The reload script: listens to the server's events and reloads the page after each rebuild.
 * - The problems overlay: when a rebuild fails, the last good report stays on screen with a
 *   panel over it listing every problem (file:line:column, field, message and how to fix it).
 * - The TO DO banner: how many fields are still marked "TO DO:", with a list of them, and a
 *   yellow outline with a "TO DO" label round each place in the page that still shows one.
 *
 * Every problem and TO DO quotes the user's text, so everything put in the page is escaped.
 */
import { location, fieldName, sortProblems, type Problem } from '../problems.js';
import { themeFor } from '../render/theme.js';
import { toDoCounts, type ToDo } from '../validate/to-do.js';

/** The address of the server's event stream: one "reload" message after each rebuild. */
export const EVENTS_PATH = '/__report/events';

/**
 * Reloads the page after each rebuild, and also when the connection comes back after it was
 * lost (the computer slept, or the preview was stopped and started again), as the page may
 * have changed meanwhile.
 */
export const RELOAD = `<script>(() => { const events = new EventSource("${EVENTS_PATH}"); let lost = false; events.onmessage = () => location.reload(); events.onerror = () => { lost = true; }; events.onopen = () => { if (lost) location.reload(); }; })();</script>`;

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const THEME = themeFor();

const pageStyle = (mark: string) =>
  `<style>body{font-family:sans-serif;color:${THEME.ink};max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{white-space:pre-wrap;background:${THEME.wash};border-left:4px solid ${mark};padding:1rem}${PROBLEM_LIST_STYLE}</style>`;

const PROBLEM_LIST_STYLE = `.report-preview-problems{list-style:none;padding:0;margin:0}.report-preview-problems li{margin:0 0 .75rem;padding:.5rem .75rem;background:${THEME.wash};border-left:4px solid ${THEME.little}}.report-preview-problems code{font-weight:bold}.report-preview-problems .hint{display:block}`;

/** One list item per problem, in reading order: "file:line:column  field: message", then how to fix it. */
function problemList(problems: Problem[]): string {
  const items = sortProblems(problems).map((problem) => {
    const field = fieldName(problem.path);
    const hint = problem.hint ? `<span class="hint">How to fix: ${escapeHtml(problem.hint)}</span>` : '';
    return `<li><code>${escapeHtml(location(problem))}</code>  ${field ? `${escapeHtml(field)}: ` : ''}${escapeHtml(problem.message)}${hint}</li>`;
  });
  return `<ul class="report-preview-problems">${items.join('')}</ul>`;
}

const problemCount = (n: number) => (n === 1 ? '1 problem' : `${n} problems`);

export function buildingPage(): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Building the report</title></head><body><p>Building the report: this page reloads by itself when it is ready.</p>${RELOAD}</body></html>`;
}

/** The page shown when the report has never been built: what is wrong, and that it reloads. */
export function problemsPage(problems: Problem[]): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Problems in the data</title>
${pageStyle(THEME.little)}</head>
<body><main><h1>The report cannot be shown yet</h1><p>Fix ${problems.length === 1 ? 'this problem' : `these ${problemCount(problems.length)}`} in the data and save: this page updates by itself when you next save.</p>
${problemList(problems)}</main>${RELOAD}</body></html>`;
}

function faultText(error: unknown): string {
  return (error as Error)?.stack ?? String(error);
}

/** The page shown when a fault in the tool stopped the first build. */
export function faultPage(error: unknown): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A fault in the tool</title>
${pageStyle(THEME.none)}</head>
<body><main><h1>The report could not be rebuilt</h1><p>This is a fault in report itself, not in your data. Please report it with the details below. This page reloads by itself when you next save.</p>
<pre>${escapeHtml(faultText(error))}</pre></main>${RELOAD}</body></html>`;
}

/** Styles for what the preview lays over the report; every rule is under its own id, so the report's own styles are untouched. */
const OVERLAY_STYLE = `<style>
#report-preview-overlay{position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483646;background:#fff;color:${THEME.ink};border:3px solid ${THEME.none};border-radius:6px;box-shadow:0 4px 24px rgba(0,0,0,.35);padding:1rem 1.25rem;font:16px/1.5 sans-serif}
#report-preview-overlay h2{margin:0 0 .5rem;font-size:1.2rem;color:${THEME.none}}
#report-preview-overlay p{margin:0 0 .75rem}
#report-preview-overlay pre{white-space:pre-wrap;background:${THEME.wash};padding:.75rem}
#report-preview-overlay button{font:inherit;float:right}
${PROBLEM_LIST_STYLE}
</style>`;

const HIDE_BUTTON = `<button type="button" onclick="this.parentNode.hidden=true">Hide until the next save</button>`;

/** The panel over the last good report when a rebuild found problems in the data. */
export function problemsOverlay(problems: Problem[]): string {
  return `${OVERLAY_STYLE}<section id="report-preview-overlay" role="alert" aria-labelledby="report-preview-overlay-title">${HIDE_BUTTON}<h2 id="report-preview-overlay-title">The report could not be rebuilt: ${problemCount(problems.length)} in the data</h2>
<p>This is the last report that built. Fix what is listed here and save: this updates by itself when you next save.</p>
${problemList(problems)}</section>`;
}

/** The panel over the last good report when a fault in the tool stopped a rebuild. */
export function faultOverlay(error: unknown): string {
  return `${OVERLAY_STYLE}<section id="report-preview-overlay" role="alert" aria-labelledby="report-preview-overlay-title">${HIDE_BUTTON}<h2 id="report-preview-overlay-title">The report could not be rebuilt: a fault in the tool</h2>
<p>This is the last report that built. The fault is in report itself, not in your data: please report it with the details below. The preview tries again when you next save.</p>
<pre>${escapeHtml(faultText(error))}</pre></section>`;
}

/**
 * The TO DO banner, and a script that outlines each element whose text still starts a
 * "TO DO:" (the same mark `report validate` lists). The count and list come from the data,
 * so a TO DO in a field the page does not show is still counted.
 */
export function toDoBanner(toDos: ToDo[]): string {
  if (toDos.length === 0) return '';
  const items = toDos.map((item) => `<li><code>${escapeHtml(`${item.file}:${item.line}`)}</code>  ${escapeHtml(item.field)}: ${escapeHtml(item.what)}</li>`).join('');
  const label = toDoCounts(toDos).join(', ');
  return `<style>
#report-preview-todos{position:fixed;top:.5rem;right:.5rem;z-index:2147483645;max-width:min(30rem,calc(100vw - 1rem));max-height:50vh;overflow:auto;background:${THEME.focus};color:${THEME.focusInk};border:2px solid ${THEME.focusInk};border-radius:6px;padding:.25rem .75rem;font:15px/1.4 sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)}
#report-preview-todos summary{cursor:pointer;font-weight:bold}
#report-preview-todos ul{margin:.5rem 0;padding-left:1rem}
.report-preview-todo{outline:3px solid ${THEME.focus} !important;outline-offset:2px;position:relative}
.report-preview-todo::before{content:"TO DO";position:absolute;top:-1.1em;left:0;background:${THEME.focus};color:${THEME.focusInk};font:bold 11px/1.4 sans-serif;padding:0 .35em;border-radius:3px}
@media print{#report-preview-todos{display:none}.report-preview-todo{outline:none !important}.report-preview-todo::before{content:none}}
</style><details id="report-preview-todos"><summary>${label}</summary><p>Only in this preview: the built report has no highlights.</p><ul>${items}</ul></details>
<script>(() => {
  const mark = /(^|\\s)TO DO:/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !mark.test(node.nodeValue)) continue;
    if (parent.closest('script, style, noscript, #report-preview-todos, #report-preview-overlay')) continue;
    found.add(parent.closest('p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, figcaption, blockquote, caption') || parent);
  }
  for (const block of found) block.classList.add('report-preview-todo');
})();</script>`;
}

/**
 * The report page as the preview serves it: the reload script, the TO DO banner and, when the
 * latest rebuild failed, the overlay, put in just before </body>.
 */
export function previewPage(html: string, additions: { toDos: ToDo[]; overlay?: string }): string {
  const extra = `${toDoBanner(additions.toDos)}${additions.overlay ?? ''}${RELOAD}`;
  const end = html.lastIndexOf('</body>');
  return end === -1 ? `${html}${extra}` : `${html.slice(0, end)}${extra}${html.slice(end)}`;
}
