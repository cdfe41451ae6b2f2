/**
 * Splitting page text into numbered lines.
 *
 * Copied page text carries CRLF or CR line ends, a byte-order mark, and
 * "blank" lines that hold only a non-breaking space; all of those are layout,
 * not content, so they are neutralised here once, keeping the 1-based line
 * numbers of the original file for the report.
 */
import { normaliseText } from '../framework/framework';

export interface PageLine {
  /** 1-based line number in the source text. */
  line: number;
  /** The line without surrounding whitespace (including non-breaking spaces); '' for a blank line. */
  text: string;
}

const BLANK = /[\s\u200B\uFEFF]/u;

/**
 * The line without blanks at either end. Not `replace(/[\s…]+$/)`: that regex retries from every
 * blank of a long run that does not end the line, quadratic in the run's length (a 70 KB line of
 * spaces took seconds); scanning from each end is linear.
 */
function trimBlanks(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && BLANK.test(raw[start]!)) start += 1;
  while (end > start && BLANK.test(raw[end - 1]!)) end -= 1;
  return raw.slice(start, end);
}

export function splitPageLines(text: string): PageLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ line: index + 1, text: trimBlanks(raw) }));
}

export function contentLines(lines: readonly PageLine[]): PageLine[] {
  return lines.filter((line) => line.text !== '');
}

/**
 * The site footer (partners, newsletter, copyright) follows the last answer
 * on every page; everything from its first line on is site chrome.
 */
export function isFooterStart(text: string): boolean {
  const key = normaliseText(text);
  return (
    key === 'consortium' ||
    key.startsWith('subscribe to our newsletter') ||
    /^(©|\(c\)) ?spring\b/.test(key)
  );
}
