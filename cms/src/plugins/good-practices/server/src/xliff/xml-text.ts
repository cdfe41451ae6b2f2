/**
 * Text made fit for XML 1.0. Editors paste from word processors and PDFs, which can carry control
 * characters; written into an XLIFF file, one of them makes the whole file invalid XML that CAT
 * tools refuse. Escaping cannot help: XML 1.0 does not allow these characters at all, not even as
 * character references. (The site has the same function for its feeds: web/src/lib/site/xml-text.ts.)
 */

/** C0 controls except tab, LF and CR; U+FFFE and U+FFFF; surrogates that are not part of a pair. */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 does not allow. */
export function xmlText(text: string): string {
  return text.replace(NOT_IN_XML, '');
}
