/**
 * Text normalisation for matching page text against the criteria framework.
 *
 * Page text is copied from a web page, so the same sentence arrives with
 * curly or straight quotes, different dash characters, non-breaking spaces,
 * a missing final period or different capitalisation. The normalised form is
 * only ever used as a comparison key; stored texts stay exactly as written.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
// Hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus sign, small/fullwidth hyphen-minus.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const TRAILING_PUNCTUATION = /[\s.,;:!?\u2026]+$/u;

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/&/g, ' and ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(TRAILING_PUNCTUATION, '')
    .toLowerCase();
}

/** Word tokens of the normalised text, for the fuzzy (Jaccard) comparison. */
export function tokenise(text: string): Set<string> {
  return new Set(normaliseText(text).split(/[^\p{L}\p{N}']+/u).filter((token) => token.length > 0));
}

/** Token-set Jaccard similarity in [0, 1]; 0 when either side has no tokens. */
export function tokenJaccard(a: string, b: string): number {
  const left = tokenise(a);
  const right = tokenise(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared += 1;
  return shared / (left.size + right.size - shared);
}
