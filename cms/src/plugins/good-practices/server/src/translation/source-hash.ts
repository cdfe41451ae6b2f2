/**
 * The fingerprint of a source text at the time it was translated. Comparing fingerprints (not
 * `updatedAt`) tells whether the text a translation was made from has changed since: saving
 * another field of the source, publishing it or re-saving it unchanged does not make a
 * translation outdated; changing the words does.
 *
 * Line endings and Unicode normalization are not changes of the text (XML parsers and editors
 * rewrite them), and neither is surrounding whitespace.
 */
import { createHash } from 'node:crypto';

export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

export function sourceHash(text: string): string {
  return createHash('sha256').update(normaliseText(text), 'utf8').digest('hex').slice(0, 20);
}
