/**
 * A table that runs over pages repeats its header row at the top of each page, and Chromium
 * tags each repetition as more content of the same header cell: a screen reader then reads
 * "Recommendation Recommendation" for the column's header. PDF/UA asks for repeated headers to
 * be artifacts. This keeps each header cell's content on the page where it first appears, takes
 * the repetitions out of the structure tree (and the parent tree), and returns which marked
 * content on which page is to become an artifact (pdf-artifacts.ts does that).
 */
import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRef, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';

const K = PDFName.of('K');
const PG = PDFName.of('Pg');

interface Content {
  /** The structure element whose /K holds it. */
  owner: PDFDict;
  kid: PDFObject;
  page: PDFRef;
  mcid: number;
}

/** Marked content to make artifacts, by page (the page's reference, as text). */
export function unrepeatHeaderCells(document: PDFDocument): Map<string, Set<number>> {
  const { context, catalog } = document;
  const retag = new Map<string, Set<number>>();
  const tree = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!tree) return retag;

  const visit = (element: PDFDict, page: PDFRef | undefined) => {
    const own = pageOf(element) ?? page;
    if (element.get(PDFName.of('S')) === PDFName.of('TH')) {
      const contents: Content[] = [];
      collect(context, element, own, contents);
      const first = contents[0]?.page.toString();
      const repeated = contents.filter((content) => content.page.toString() !== first);
      for (const content of repeated) {
        removeKid(context, content.owner, content.kid);
        const key = content.page.toString();
        if (!retag.has(key)) retag.set(key, new Set());
        retag.get(key)!.add(content.mcid);
      }
      return;
    }
    for (const kid of kidsOf(context, element)) {
      const child = context.lookup(kid);
      if (child instanceof PDFDict && child.has(PDFName.of('S'))) visit(child, own);
    }
  };
  for (const kid of kidsOf(context, tree)) {
    const child = context.lookup(kid);
    if (child instanceof PDFDict) visit(child, undefined);
  }
  if (retag.size > 0) clearParentTree(document, tree, retag);
  return retag;
}

function pageOf(element: PDFDict): PDFRef | undefined {
  const page = element.get(PG);
  return page instanceof PDFRef ? page : undefined;
}

function kidsOf(context: PDFContext, element: PDFDict): PDFObject[] {
  const kids = element.get(K);
  if (kids === undefined) return [];
  const resolved = context.lookup(kids);
  return resolved instanceof PDFArray ? resolved.asArray() : [kids];
}

/** Every piece of marked content inside an element, in order. */
function collect(context: PDFContext, element: PDFDict, page: PDFRef | undefined, into: Content[]): void {
  const own = pageOf(element) ?? page;
  for (const kid of kidsOf(context, element)) {
    if (kid instanceof PDFNumber) {
      if (own) into.push({ owner: element, kid, page: own, mcid: kid.asNumber() });
      continue;
    }
    const child = context.lookup(kid);
    if (!(child instanceof PDFDict)) continue;
    if (child.get(PDFName.of('Type')) === PDFName.of('MCR')) {
      const mcid = child.get(PDFName.of('MCID'));
      const where = pageOf(child) ?? own;
      if (mcid instanceof PDFNumber && where) into.push({ owner: element, kid, page: where, mcid: mcid.asNumber() });
    } else if (child.has(PDFName.of('S'))) {
      collect(context, child, own, into);
    }
  }
}

/** Takes one kid out of an element's /K, and the element out of its parent once it is empty. */
function removeKid(context: PDFContext, owner: PDFDict, kid: PDFObject): void {
  const left = kidsOf(context, owner).filter((other) => other !== kid);
  if (left.length > 0) {
    owner.set(K, left.length === 1 ? left[0]! : context.obj(left));
    return;
  }
  owner.delete(K);
  const parent = context.lookup(owner.get(PDFName.of('P')));
  if (!(parent instanceof PDFDict) || parent.get(PDFName.of('Type')) === PDFName.of('StructTreeRoot')) return;
  const self = kidsOf(context, parent).find((other) => context.lookup(other) === owner);
  if (self !== undefined) removeKid(context, parent, self);
}

/** The parent tree maps each page's marked content back to its element: those now artifacts map to nothing. */
function clearParentTree(document: PDFDocument, tree: PDFDict, retag: Map<string, Set<number>>): void {
  const { context } = document;
  const keys = new Map<number, Set<number>>();
  for (const page of document.getPages()) {
    const mcids = retag.get(page.ref.toString());
    const key = page.node.get(PDFName.of('StructParents'));
    if (mcids && key instanceof PDFNumber) keys.set(key.asNumber(), mcids);
  }
  const visit = (node: PDFDict) => {
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      const key = nums.get(i);
      const mcids = key instanceof PDFNumber ? keys.get(key.asNumber()) : undefined;
      const entries = mcids && context.lookup(nums.get(i + 1));
      if (entries instanceof PDFArray) for (const mcid of mcids!) if (mcid < entries.size()) entries.set(mcid, PDFNull);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (const kid of kids?.asArray() ?? []) {
      const child = context.lookup(kid);
      if (child instanceof PDFDict) visit(child);
    }
  };
  const parentTree = tree.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  if (parentTree) visit(parentTree);
}
