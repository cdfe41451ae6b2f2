/**
 * Text made fit for XML 1.0. Editors paste titles and summaries from word processors and PDFs,
 * which can carry control characters; one of them in a title made the whole RSS feed invalid XML
 * (feed readers refuse the document, not the item). Escaping cannot help: XML 1.0 does not allow
 * these characters at all, not even as character references.
 */

/** C0 controls except tab, LF and CR; U+FFFE and U+FFFF; surrogates that are not part of a pair. */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 does not allow. */
export function xmlText(text: string): string {
  return text.replace(NOT_IN_XML, '');
}
