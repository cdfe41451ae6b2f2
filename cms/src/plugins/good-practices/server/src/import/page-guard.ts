/**
 * Rejecting input that is not page text before parsing it: an importer fed
 * the wrong file (empty, binary, raw HTML) should fail loudly, not produce an
 * empty practice with a long report.
 */
import { NotASpringPageError } from './errors';

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml)/i;
// `[^<>]*`, not `[^>]*`: a tag never holds "<", and stopping there keeps the search linear (with
// `[^>]*`, every "<a" of a long text without ">" scanned to its end: quadratic).
const HTML_TAG = /<\/?(?:html|head|body|div|span|p|a|script|style|meta|link|section|article|ul|li|h[1-6])\b[^<>]*>/gi;

export function assertPageText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new NotASpringPageError(`expected page text, got ${text === null ? 'null' : typeof text}.`);
  if (text.trim() === '') throw new NotASpringPageError('the text is empty.');
  // NUL, other C0 controls (except tab/CR/LF) or U+FFFD from a failed decode mean binary data.
  const suspicious = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (text.includes('\u0000') || suspicious > text.length * 0.01) {
    throw new NotASpringPageError('the input looks like binary data, not text.');
  }
  if (HTML_START.test(text) || (text.match(HTML_TAG)?.length ?? 0) >= 3) {
    throw new NotASpringPageError("the input is HTML markup; pass the page's text content.");
  }
}
