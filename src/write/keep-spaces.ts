/**
 * Keeps the space at every line break in the printed PDF.
 *
 * Where a line wraps at a space, Chromium drops the space (CSS removes collapsible spaces at
 * the end of a line), so the PDF's text reads "BoroughCouncil" to a screen reader, in copied
 * text and in the bookmarks. Under `white-space: break-spaces` every space is kept and painted,
 * the one at a line's end too. (Under pre-wrap a space that does not fit on the line is still
 * dropped: 5 in the demo.) A word that fits only without its following space now goes to the
 * next line, which is the only change to the layout.
 *
 * Break-spaces also keeps the newlines and indentation of the HTML source, so before switching
 * to it this does, once, the collapsing CSS would have done: in each block whose content is
 * text and inline elements, every run of white space becomes one space, and none is left at the
 * block's start or end or after a line break (<br>).
 *
 * Runs inside the page (page.evaluate) just before printing; it refers to nothing outside itself.
 * The website's HTML is not changed.
 */
export function keepSpacesAtLineEnds(): number {
  const INLINE = new Set(['inline', 'contents']);
  let changed = 0;
  const blocks = [...document.body.querySelectorAll<HTMLElement>('*')].filter((element) => {
    const style = getComputedStyle(element);
    if (INLINE.has(style.display) || style.display === 'none' || style.whiteSpace !== 'normal') return false;
    if (element instanceof HTMLImageElement || element instanceof SVGElement || element.closest('svg')) return false;
    let text = false;
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (/\S/.test(child.nodeValue ?? '')) text = true;
      } else if (child instanceof Element) {
        const display = getComputedStyle(child).display;
        // A block inside: the text beside it sits in anonymous boxes this leaves alone.
        if (!INLINE.has(display) && display !== 'none' && !display.startsWith('inline')) return false;
        if (child.tagName !== 'BR') text = true;
      }
    }
    return text;
  });
  for (const block of blocks) {
    // The text nodes this block lays out itself: not those inside inline-blocks (their own blocks).
    const nodes: Array<Text | HTMLBRElement> = [];
    const walk = (parent: Node) => {
      for (const child of parent.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) nodes.push(child as Text);
        else if (child instanceof HTMLBRElement) nodes.push(child);
        else if (child instanceof HTMLElement) {
          const style = getComputedStyle(child);
          if (style.display === 'none') continue;
          if (!INLINE.has(style.display) || style.whiteSpace !== 'normal' || child instanceof HTMLImageElement) {
            // An inline-block (its own block, done on its own), an image, or nowrap text: it is
            // content, so a space after it is a real one.
            nodes.push(document.createTextNode('x'));
            continue;
          }
          walk(child);
        }
      }
    };
    walk(block);
    let afterSpace = true;
    let lastWithText: Text | undefined;
    for (const node of nodes) {
      if (node instanceof HTMLBRElement) {
        afterSpace = true;
        if (lastWithText) lastWithText.nodeValue = lastWithText.nodeValue!.replace(/ $/, '');
        continue;
      }
      if (!node.parentNode) {
        afterSpace = false;
        continue;
      }
      let value = (node.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' ');
      if (afterSpace && value.startsWith(' ')) value = value.slice(1);
      if (value !== node.nodeValue) {
        node.nodeValue = value;
        changed++;
      }
      if (value.length > 0) {
        afterSpace = value.endsWith(' ');
        lastWithText = node;
      }
    }
    if (lastWithText?.nodeValue?.endsWith(' ')) lastWithText.nodeValue = lastWithText.nodeValue.slice(0, -1);
  }
  // Only once every block is done: white-space is inherited, and the walks above read it.
  for (const block of blocks) block.style.whiteSpace = 'break-spaces';
  return changed;
}
