/**
 * The content-stream rewriting behind the PDF's artifacts, on streams written for the purpose:
 * strings that look like operators, nesting, and marked content to turn into an artifact. (The
 * PDF structure test checks the result on real PDFs, read with pikepdf.)
 */
import { describe, expect, it } from 'vitest';
import { ContentStreamError, markUntaggedAsArtifacts, operators } from '../src/write/pdf-artifacts.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder('latin1').decode(data);

describe('marking untagged content as artifacts', () => {
  it('reads operators, not the words inside strings, names and dictionaries', () => {
    const stream = '/P <</MCID 3 /Alt (a \\) BDC EMC \\(x\\)) >> BDC BT /F1 12 Tf (EMC (nested) Tj) Tj <0041> Tj [(a) -20 (b)] TJ ET EMC % EMC in a comment\n';
    expect(operators(bytes(stream)).map((op) => op.name)).toEqual(['BDC', 'BT', 'Tf', 'Tj', 'Tj', 'TJ', 'ET', 'EMC']);
  });

  it('wraps each run of untagged painting, inside the same nesting, and leaves tagged content alone', () => {
    const stream = 'q 1 0 0 1 0 0 cm 0 0 10 10 re f Q /P <</MCID 0>> BDC BT (tagged) Tj ET EMC BT (footer) Tj ET';
    expect(text(markUntaggedAsArtifacts(bytes(stream)))).toBe(
      'q /Artifact BMC\n1 0 0 1 0 0 cm 0 0 10 10 re f \nEMC\nQ /P <</MCID 0>> BDC BT (tagged) Tj ET EMC BT /Artifact BMC\n(footer) Tj \nEMC\nET',
    );
  });

  it('gives back the same bytes when everything is tagged or nothing is painted', () => {
    const tagged = bytes('/P <</MCID 0>> BDC BT (a) Tj ET EMC q 1 0 0 1 0 0 cm Q');
    expect(markUntaggedAsArtifacts(tagged)).toBe(tagged);
  });

  it('turns the marked content it is told of into an artifact, in place', () => {
    const stream = '/TH <</MCID 4>> BDC BT (Owner) Tj ET EMC /TD <</MCID 5>> BDC BT (x) Tj ET EMC';
    expect(text(markUntaggedAsArtifacts(bytes(stream), new Set([4])))).toBe('/Artifact BMC BT (Owner) Tj ET EMC /TD <</MCID 5>> BDC BT (x) Tj ET EMC');
  });

  it('refuses what it cannot read rather than guess', () => {
    expect(() => operators(bytes('BT (not closed Tj ET'))).toThrow(ContentStreamError);
    expect(() => operators(bytes('BI /W 1 /H 1 ID xyz EI'))).toThrow(ContentStreamError);
  });
});
