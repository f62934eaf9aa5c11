/**
 * --base-url: where the --out folder is published, from which the report's canonical and
 * social links are made. Only an absolute http(s) address makes sense there; anything else
 * (a bare word, javascript:, ftp:, a path) would put a broken or unsafe link in every page,
 * so it is refused before any work is done.
 */
import { UsageError } from '../errors.js';

/** The value as typed, with any control character shown escaped rather than sent to the terminal. */
const shown = (value: string) => (value === '' ? '""' : value).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The base URL, checked: throws UsageError (exit 2) unless it is an absolute http or https address. */
export function checkBaseUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const ok = url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && /^https?:\/\//i.test(value.trim());
  if (!ok) {
    throw new UsageError(
      `--base-url ${shown(value)} is not understood: give the full web address the report is published at, starting with https:// (or http://), e.g. --base-url https://www.example.org.uk/reports/`,
    );
  }
  return value;
}
