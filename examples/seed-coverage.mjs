#!/usr/bin/env node
/**
 * How many of a seed's figures an example carries.
 *
 *   node examples/seed-coverage.mjs examples/sandwell ../shared/seeds/001_*.txt [--missing]
 *
 * A "figure" is a number in the seed's text that states a quantity: a count, an amount, a
 * percentage, a rate. Not counted: years (1900 to 2035) and year labels (2022-23, 22/23), the
 * parts of dates (16 May 2022, 01/04/2022), page references ("Page 14"), numbered headings and
 * list items at the start of a line ("3.", "4.2"), version numbers ("V.1"), telephone numbers,
 * and names that carry digits (Child 1, Q1, ASQ-3, section 11, 0-19). Each value is counted
 * once however often the seed repeats it ("distinct figures").
 *
 * A figure is carried when the same value appears anywhere in the example's YAML files (a
 * number, or a number inside text), compared after removing thousands separators and %.
 * So the count is a proxy: it says which of the seed's values the example holds, not that
 * each is used in the same sense; a reader checks that (the # seed comments in the YAML).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/** The seed's text with every non-figure number blanked out. */
function figureText(text) {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•]\s*)?\d+(?:\.\d+)*\.?\s/, ' ') // numbered headings and list items
        .replace(/<li>\s*\d+(?:\.\d+)*\.?\s/g, ' ')
        .replace(new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\b`, 'gi'), ' ') // 16 May
        .replace(new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'gi'), ' ') // May 16th
        .replace(/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g, ' ') // 01/04/2022
        .replace(/\b(?:19|20)\d{2}\s*[-–/]\s*\d{2,4}\b/g, ' ') // 2022-23, 2022/2023
        .replace(/\b\d{2}\s*[-–/]\s*\d{2}\b(?!\s*%)/g, (m) => (/^(?:1\d|2\d)\s*[-–/]\s*(?:1\d|2\d)$/.test(m.replace(/\s/g, '')) ? ' ' : m)) // 22/23
        .replace(/\bpages?\s+\d+/gi, ' ')
        .replace(/\bV\.?\s?\d+(?:\.\d+)?\b/g, ' ')
        .replace(/\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b/g, ' ') // telephone numbers
        .replace(/\b(?:Child|Baby|Q|ASQ|section|s|Year|Key Stage|KS|Tier|Level|Step|Phase|Appendix|Table|Figure|Chapter|Priority|No\.?)\s*[-–]?\s*\d+\b/gi, ' ')
        .replace(/\b\d+\s*[-–]\s*\d+\s*(?:year|yr|month)s?\b/gi, ' ') // age ranges: 0-19 years
        .replace(/\b\d+(?:st|nd|rd|th)\b/gi, ' '), // ordinals
    )
    .join('\n');
}

function normal(token) {
  const n = Number(token.replace(/[,%£]/g, ''));
  return Number.isFinite(n) ? String(n) : undefined;
}

export function seedFigures(text) {
  const figures = new Set();
  for (const match of figureText(text).matchAll(/£?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|£?\d+(?:\.\d+)?%?/g)) {
    const token = match[0];
    const value = normal(token);
    if (value === undefined) continue;
    const n = Number(value);
    if (!token.includes('%') && !token.includes('.') && n >= 1900 && n <= 2035) continue; // a year
    figures.add(value);
  }
  return figures;
}

function yamlFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.(ya?ml|csv)$/.test(name) ? [path] : [];
  });
}

export function exampleNumbers(folder) {
  const numbers = new Set();
  for (const file of yamlFiles(folder)) {
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.replace(/(^|\s)#.*$/, '')) // comments cite the seed; they are not the example
      .join('\n');
    for (const match of text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
      const value = normal(match[0]);
      if (value !== undefined) numbers.add(value);
    }
  }
  return numbers;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const [folder, ...rest] = process.argv.slice(2);
  const seeds = rest.filter((arg) => !arg.startsWith('--'));
  if (!folder || seeds.length === 0) {
    console.error('usage: node examples/seed-coverage.mjs <example folder> <seed.txt>... [--missing]');
    process.exit(2);
  }
  const seedSet = new Set(seeds.flatMap((seed) => [...seedFigures(readFileSync(seed, 'utf8'))]));
  const held = exampleNumbers(folder);
  const carried = [...seedSet].filter((value) => held.has(value));
  console.log(`${folder}: ${carried.length} of the ${seedSet.size} distinct figures in ${seeds.join(', ')}`);
  if (rest.includes('--missing')) {
    console.log([...seedSet].filter((value) => !held.has(value)).sort((a, b) => Number(a) - Number(b)).join(' '));
  }
}
