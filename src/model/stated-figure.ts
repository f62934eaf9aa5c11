/**
 * A figure as a report states it: the number, and when it applies when that is not the whole
 * reporting year (a snapshot on a date, or part of a year).
 */
import type { Figure, StatedFigure } from './report-year.js';

export interface FigureWhen {
  as_at?: string;
  from?: string;
  to?: string;
}

/** The number (or c) of a stated figure. */
export function figureValue(stated: StatedFigure | undefined): Figure | undefined {
  return stated === undefined || typeof stated === 'number' || stated === 'c' ? stated : stated.value;
}

/** When a stated figure applies, when the data says: undefined for a whole-year figure. */
export function figureWhen(stated: StatedFigure | undefined): FigureWhen | undefined {
  if (stated === undefined || typeof stated === 'number' || stated === 'c') return undefined;
  if (stated.as_at !== undefined) return { as_at: stated.as_at };
  if (stated.from !== undefined && stated.to !== undefined) return { from: stated.from, to: stated.to };
  return undefined;
}

/** The note a stated figure carries, if any. */
export function figureNote(stated: StatedFigure | undefined): string | undefined {
  return stated === undefined || typeof stated === 'number' || stated === 'c' ? undefined : stated.note;
}

/** A year's values as plain figures, for arithmetic and charts. */
export function plainValues(values: Record<string, StatedFigure> | undefined): Record<string, Figure> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([year, stated]) => [year, figureValue(stated)!]));
}

/** The same stated figure with another value (the date or period it applies to kept). */
export function withValue(stated: StatedFigure, value: Figure): StatedFigure {
  return typeof stated === 'number' || stated === 'c' ? value : { ...stated, value };
}
