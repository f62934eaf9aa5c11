/** Reporting-year labels: 2022-23 is April 2022 to March 2023. */

/** The label of the reporting year that starts in `start`: 2022 -> "2022-23". */
export function yearStarting(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The reporting year before `year`: 2021-22 for 2022-23. */
export function yearBefore(year: string): string {
  return yearStarting(Number(year.slice(0, 4)) - 1);
}
