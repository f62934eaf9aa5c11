/**
 * Building blocks shared by every data file's schema. Each one carries its plain-English
 * description (shown in editors through the JSON Schema) and the message a business manager
 * sees when a value is wrong.
 */
import { z } from 'zod';

/** Narrative text. Markdown: paragraphs, lists, **bold**, [links](https://example.org). */
export function markdown(description: string) {
  return z
    .string({ error: 'expected text (Markdown)' })
    .trim()
    .min(1, { error: 'is empty: write the text, or remove the field' })
    .meta({ description: `${description} (Markdown)` });
}

/** One of a fixed set of words, e.g. a progress rating. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum(values, { error: `expected one of: ${values.join(', ')}` }).meta({ description });
}

/** A short line of plain text: a name, a title, a label. */
export function text(description: string) {
  return z
    .string({ error: 'expected text' })
    .trim()
    .min(1, { error: 'is empty: write the text, or remove the field' })
    .meta({ description });
}

/**
 * An optional field whose absence says nothing about the partnership (a title, a logo, the
 * period of one figure): report validate does not list it among what the data leaves unsaid.
 */
export function setting<T extends z.ZodType>(schema: T) {
  return schema.optional().meta({ setting: true });
}

/** A list of Markdown points, such as "what we did". */
export function points(description: string) {
  return z.array(markdown('One point')).meta({ description });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date written as YYYY-MM-DD. */
export function isoDate(description: string) {
  return z
    .string({ error: 'expected a date like 2023-03-31 (year-month-day)' })
    .regex(ISO_DATE, { error: 'expected a date like 2023-03-31 (year-month-day)', abort: true })
    .refine(isRealDate, { error: 'is not a real date: check the day and month' })
    .meta({ description, format: 'date' });
}

const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ISO_YEAR = /^\d{4}$/;

/** How precisely a date is known: the day, the month or only the year. */
export type DatePrecision = 'day' | 'month' | 'year';

export function precisionOf(date: string): DatePrecision {
  return ISO_YEAR.test(date) ? 'year' : ISO_MONTH.test(date) ? 'month' : 'day';
}

const DATE_WORDS = 'expected a date like 2022-05-16, a month like 2022-05, or a year like 2022';

/**
 * When something happened, as precisely as the report says it: a full date (2022-05-16), a
 * month (2022-05) or a year (2022). YAML reads an unquoted 2022 as a number, so a whole
 * number of four digits is taken as the year it spells.
 */
export function eventDate(description: string) {
  return z
    .preprocess(
      (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999 ? String(value) : value),
      z.string({ error: DATE_WORDS }).refine((value) => ISO_YEAR.test(value) || ISO_MONTH.test(value) || isRealDate(value), {
        error: `${DATE_WORDS} (a real date)`,
      }),
    )
    .meta({ description: `${description}: a date like 2022-05-16, a month like 2022-05, or a year like 2022` });
}

/** Marks a dated item that falls outside the reporting period as deliberate context. */
export const outsidePeriodIsContext = z
  .boolean({ error: 'expected true or false' })
  .meta({ description: 'true when this falls outside the reporting period and is included as context' })
  .optional();

/** A reporting year label such as 2022-23: April 2022 to March 2023. */
export const yearLabel = z
  .string({ error: 'expected a reporting year like 2022-23' })
  .regex(/^\d{4}-\d{2}$/, { error: 'expected a reporting year like 2022-23', abort: true })
  .refine((label) => (Number(label.slice(0, 4)) + 1) % 100 === Number(label.slice(5, 7)), {
    error: 'the two years must follow on, like 2022-23',
  })
  .meta({ description: 'A reporting year, written like 2022-23' });

/** A short identifier other entries can refer to: lower case letters, digits and hyphens. */
export function identifier(description: string) {
  return z
    .string({ error: 'expected an identifier like re-referrals' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'expected lower-case letters, digits and hyphens, like re-referrals',
    })
    .meta({ description });
}

export function count(description: string) {
  return z
    .number({ error: 'expected a whole number, like 42' })
    .int({ error: 'expected a whole number, like 42' })
    .min(0, { error: 'cannot be negative' })
    .meta({ description });
}

export function money(description: string) {
  return z
    .number({ error: 'expected an amount in pounds, like 125000 (no £ sign or commas)' })
    .min(0, { error: 'cannot be negative' })
    .meta({ description });
}

export function percentage(description: string) {
  return z
    .number({ error: 'expected a percentage as a number, like 86.1 (no % sign)' })
    .min(0, { error: 'a percentage cannot be negative' })
    .max(100, { error: 'a percentage cannot be over 100' })
    .meta({ description });
}

export function webAddress(description: string) {
  return z
    .string({ error: 'expected a web address like https://www.example.org.uk' })
    .regex(/^https?:\/\/[^\s]+$/, { error: 'expected a web address starting https://' })
    .meta({ description, format: 'uri' });
}

export const emailAddress = z
  .string({ error: 'expected an email address' })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'expected an email address like team@example.org.uk' })
  .meta({ description: 'An email address', format: 'email' });

export const colour = z
  .string({ error: 'expected a colour like #1d4f91' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a six-digit hex colour like #1d4f91' })
  .meta({ description: 'A colour written as six-digit hex, like #1d4f91' });

/** A named person in a role, e.g. the independent chair. */
export const person = z
  .strictObject({
    name: text('Full name'),
    role: text('Role or job title, e.g. "Independent Chair"'),
    organisation: text('Organisation they work for').optional(),
  })
  .meta({ description: 'A named person and their role' });

/** Where a report keeps a link: a web address or an in-report anchor. */
export const link = z
  .strictObject({
    text: text('The words of the link'),
    url: webAddress('Where the link goes'),
  })
  .meta({ description: 'A link to a published document or page' });
