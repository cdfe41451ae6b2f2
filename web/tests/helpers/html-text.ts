/**
 * Page text as a reader sees it, for tests that look for a title or a label in served HTML: the
 * entities the site's templates write (&amp; &lt; &gt; &quot; &#39;) decoded in one pass, so that
 * an escaped entity ("&amp;lt;") stays what the page shows ("&lt;").
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function decode(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_entity, name: string) => ENTITIES[name]!);
}
