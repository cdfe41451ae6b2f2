/**
 * The name a downloaded XLIFF file is saved under: the one the server gives in
 * Content-Disposition (good-practices-<source>-<target>.xlf), else one built from the locale.
 */
export function downloadName(contentDisposition: string | null | undefined, locale: string): string {
  const quoted = contentDisposition ? /filename="([^"]+)"/i.exec(contentDisposition) : null;
  const bare = contentDisposition ? /filename=([^;\s]+)/i.exec(contentDisposition) : null;
  const name = quoted?.[1] ?? bare?.[1];
  // Only a plain file name: a path or anything odd from a header is not trusted.
  if (name && /^[\w.-]+$/.test(name)) return name;
  return `good-practices-${locale}.xlf`;
}
