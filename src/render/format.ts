/**
 * How figures and dates are written in the report: the one place for number formats.
 * Counts get thousands separators; percentages and rates one decimal place, as official
 * statistics give them.
 */
import type { Figure } from '../model/report-year.js';

export type Unit = 'count' | 'percentage' | 'rate-per-10000';

const counts = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

export const SUPPRESSED = 'c';

/** A figure as printed in a table: "29,563", "23.0%", "39.0", or "c" when suppressed. */
export function formatFigure(value: Figure | undefined, unit: Unit): string {
  if (value === undefined) return '';
  if (value === SUPPRESSED) return SUPPRESSED;
  if (unit === 'count') return counts.format(value);
  if (unit === 'percentage') return `${oneDecimal.format(value)}%`;
  return oneDecimal.format(value);
}

/** A figure as said in a sentence: "23.0%", "39.0 per 10,000 children", "29,563". */
export function sayFigure(value: Figure, unit: Unit): string {
  if (value === SUPPRESSED) return 'a suppressed value';
  if (unit === 'rate-per-10000') return `${oneDecimal.format(value)} per 10,000 children`;
  return formatFigure(value, unit);
}

export function unitLabel(unit: Unit): string {
  return { count: 'Number', percentage: 'Percentage', 'rate-per-10000': 'Rate per 10,000 children' }[unit];
}

export function formatCount(value: number): string {
  return counts.format(value);
}

export function formatMoney(value: number): string {
  return money.format(value);
}

export function formatPercent(value: number): string {
  return `${oneDecimal.format(value)}%`;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 2023-03-31 -> "31 March 2023". */
export function formatDate(iso: string): string {
  return longDate.format(new Date(`${iso}T00:00:00Z`));
}

/** 2022-05-16 -> "16 May 2022"; 2022-05 -> "May 2022"; 2022 -> "2022": as precisely as the data says, no more. */
export function formatEventDate(value: string): string {
  if (value.length === 4) return value;
  return value.length === 7 ? formatMonth(`${value}-01`) : formatDate(value);
}

/**
 * When a figure applies, as a phrase after it: "in 2022-23" for the whole reporting year,
 * "as at 31 March 2023" for a snapshot, "from April 2022 to December 2022" for part of a year.
 */
export function sayWhen(year: string, when: { as_at?: string; from?: string; to?: string } | undefined): string {
  if (when?.as_at !== undefined) return `as at ${formatEventDate(when.as_at)}`;
  if (when?.from !== undefined && when.to !== undefined) return `from ${formatEventDate(when.from)} to ${formatEventDate(when.to)}`;
  return `in ${year}`;
}

/** The same, short, for a table cell or an axis label: "as at 31 March 2023", "April 2022 to December 2022". */
export function whenLabel(when: { as_at?: string; from?: string; to?: string } | undefined): string | undefined {
  if (when?.as_at !== undefined) return `as at ${formatEventDate(when.as_at)}`;
  if (when?.from !== undefined && when.to !== undefined) return `${formatEventDate(when.from)} to ${formatEventDate(when.to)}`;
  return undefined;
}

/** 2023-03-31 -> "March 2023". */
export function formatMonth(iso: string): string {
  return monthYear.format(new Date(`${iso}T00:00:00Z`));
}

/** "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
