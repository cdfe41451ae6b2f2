/**
 * Page text as a reader sees it, for tests that look for a title or a label in served HTML: the
 * entities the site's templates write (&amp; &lt; &gt; &quot; &#39;) decoded in one pass, so that
 * an escaped entity ("&amp;lt;") stays what the page shows ("&lt;").
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function decode(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_entity, name: string) => ENTITIES[name]!);
}

/**
 * The page's schema.org JSON-LD blocks, parsed, and the HTML without them, for the "no script"
 * checks: a `<script type="application/ld+json">` is data that browsers never run, so it is not
 * JavaScript; anything else that starts with `<script` stays in the HTML and fails those checks.
 * A block that is not valid JSON throws.
 */
export function splitJsonLd(html: string): { jsonLd: unknown[]; html: string } {
  const jsonLd: unknown[] = [];
  const rest = html.replace(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g, (_block, body: string) => {
    jsonLd.push(JSON.parse(body));
    return '';
  });
  return { jsonLd, html: rest };
}
