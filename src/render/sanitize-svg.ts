/**
 * An SVG logo is published as a file of its own, and an SVG opened directly is a document
 * that can run scripts and fetch things. Before it is published it is parsed as XML and
 * cleaned by DOMPurify (over a jsdom DOM) to drawing only: no scripts, no event handlers, no
 * foreignObject, and nothing that reaches outside the file. A link may only point inside the
 * file (#id) or hold a PNG, JPEG or GIF as a data: address; url(...) in an attribute or in a
 * <style> may only be url(#id), and a <style> may hold no @-rules.
 *
 * jsdom is heavy: only render-report imports this module, and only for an SVG logo.
 */
import createDOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** The SVG cannot be published; `message` and `hint` are for the person who supplied it. */
export class UnusableSvg extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'UnusableSvg';
  }
}

/** A reference to an element of the same file. */
const FRAGMENT = /^#[A-Za-z_][\w.:-]*$/;
/** An embedded raster image: nothing in it can run or fetch. */
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*$/i;
/** Elements whose link may hold an embedded raster image; every other link is a fragment. */
const IMAGE_ELEMENTS = new Set(['image', 'feimage']);
/** Attributes that are links. */
const LINKS = new Set(['href', 'xlink:href', 'src']);
/** CSS functions that draw or compute and never fetch (url is checked on its own). */
const INERT_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch',
  'matrix', 'translate', 'translatex', 'translatey', 'scale', 'scalex', 'scaley', 'rotate', 'skewx', 'skewy',
  'calc', 'min', 'max', 'clamp',
  'blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia',
  // Selectors in a <style>.
  'not', 'is', 'where', 'nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type',
]);
const LOCAL_URL = /url\(\s*(['"]?)#[A-Za-z_][\w.:-]*\1\s*\)/gi;
/** Elements that put something on the page. */
const DRAWING = 'path, rect, circle, ellipse, line, polyline, polygon, text, image, use';

/**
 * True when CSS text (a style sheet, a style attribute, a presentation attribute such as
 * fill) cannot fetch anything: no escapes or comments that could hide a word, no @-rules
 * when `sheet`, url() only to #id, and only functions that are known to fetch nothing.
 */
function cssIsInert(css: string, sheet: boolean): boolean {
  if (css.includes('\\') || css.includes('/*') || css.includes('<')) return false;
  if (sheet && css.includes('@')) return false;
  // What is left of url() after the local ones is refused below: url is not in the list.
  const rest = css.replace(LOCAL_URL, 'local');
  for (const [, name] of rest.matchAll(/([A-Za-z_-][\w-]*)\s*\(/g)) {
    if (!INERT_FUNCTIONS.has(name!.toLowerCase())) return false;
  }
  // A parenthesis not after a known function name: e.g. a string followed by "(".
  const calls = [...rest.matchAll(/\(/g)].length;
  const named = [...rest.matchAll(/[A-Za-z_-][\w-]*\s*\(/g)].length;
  return calls === named;
}

function linkIsLocal(element: string, value: string): boolean {
  const link = value.trim();
  return FRAGMENT.test(link) || (IMAGE_ELEMENTS.has(element) && RASTER_DATA.test(link));
}

/**
 * The SVG text with everything that could run or fetch removed. Throws UnusableSvg when the
 * text is not an SVG image, or when nothing drawable is left once it is cleaned.
 */
export function sanitizeSvg(svg: string): string {
  const { window } = new JSDOM('');
  try {
    const text = svg.charCodeAt(0) === 0xfeff ? svg.slice(1) : svg;
    const document = new window.DOMParser().parseFromString(text, 'image/svg+xml');
    const root = document.documentElement;
    if (!root || root.getElementsByTagName('parsererror').length > 0 || root.localName === 'parsererror') {
      throw new UnusableSvg(
        'is not a valid SVG image (it could not be read as SVG/XML)',
        'open the logo in a drawing program (such as Inkscape or Illustrator) and export or save it again as SVG, or use a PNG instead',
      );
    }
    if (root.localName !== 'svg' || root.namespaceURI !== SVG_NS) {
      throw new UnusableSvg(
        root.localName === 'svg'
          ? 'is not an SVG image: its <svg> element does not say it is SVG'
          : `is not an SVG image (it starts with <${root.localName}>, not <svg>)`,
        root.localName === 'svg'
          ? 'add xmlns="http://www.w3.org/2000/svg" to the <svg> element, or export the logo again as SVG'
          : 'use an SVG file saved by a drawing program, or a PNG instead',
      );
    }

    const purify = createDOMPurify(window as unknown as WindowLike);
    purify.addHook('uponSanitizeAttribute', (node, data) => {
      const element = node.localName.toLowerCase();
      if (LINKS.has(data.attrName) || data.attrName.endsWith(':href')) {
        if (!linkIsLocal(element, data.attrValue)) data.keepAttr = false;
      } else if (!data.attrName.startsWith('aria-') && !cssIsInert(data.attrValue, false)) {
        data.keepAttr = false;
      }
    });
    purify.sanitize(root, {
      IN_PLACE: true,
      USE_PROFILES: { svg: true, svgFilters: true },
      // `use` drawing a part of the same file is ordinary; its link is held to #id above.
      ADD_TAGS: ['use'],
      ADD_ATTR: ['role'],
      // What is inside a removed element goes with it (the text of a script, say).
      KEEP_CONTENT: false,
      FORBID_TAGS: ['script', 'foreignObject', 'foreignobject', 'animate', 'set', 'iframe'],
    });

    // A <style> is kept only if it cannot fetch anything; its comments are dropped.
    for (const style of [...root.getElementsByTagNameNS(SVG_NS, 'style')]) {
      const css = (style.textContent ?? '').replace(/\/\*[\s\S]*?\*\//g, ' ');
      if (cssIsInert(css, true)) style.textContent = css;
      else style.remove();
    }

    // A use or image whose link was removed draws nothing.
    for (const element of [...root.querySelectorAll('use, image')]) {
      if (!element.hasAttribute('href') && !element.hasAttributeNS(XLINK_NS, 'href')) element.remove();
    }

    if (!root.querySelector(DRAWING)) {
      throw new UnusableSvg(
        'has nothing left to draw once the parts that are not allowed in a published logo are removed (scripts, links to other files or sites, embedded web pages)',
        'export the logo again as a plain SVG drawing (in Inkscape: Save As, "Plain SVG"; in Illustrator: Export As SVG), or use a PNG instead',
      );
    }
    return `${new window.XMLSerializer().serializeToString(root)}\n`;
  } finally {
    window.close();
  }
}
