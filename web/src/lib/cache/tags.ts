/**
 * Every cache tag, built here and nowhere else (tests/unit/cache-tags.test.ts fails on a tag
 * written elsewhere).
 *
 * Content tags: each page rendered on request is tagged with what it shows, and the revalidation
 * webhook invalidates by the same tags (../revalidation/tags-for-change.ts). Tags are
 * locale-independent on purpose: a practice change also refreshes the fallback pages that show it
 * under other locales.
 *
 * Reserved tags, starting with `gp:` (which no content tag does): what a render tells the route
 * cache about itself, read by ./hints.ts, never invalidated.
 */
export const tags = {
  /** Every page: site chrome (labels, footer, locales list). */
  site: 'site',
  /** Pages listing practices (home, lists, RSS, sitemap, framework counts, tool pages). */
  practices: 'practices',
  /** Every practice page (used when a webhook does not say which practice changed). */
  practicePages: 'practice-pages',
  practice: (slug: string) => `practice:${slug}`,
  practiceDoc: (documentId: string) => `practice-doc:${documentId}`,
  tools: 'tools',
  toolPages: 'tool-pages',
  tool: (slug: string) => `tool:${slug}`,
  toolDoc: (documentId: string) => `tool-doc:${documentId}`,
  framework: 'framework',
  taxonomy: 'taxonomy',
} as const;

/** The render depends on the request's practice list parameters (`listQueryOf`, ../data/page-context.ts). */
export const READS_LIST_QUERY_TAG = 'gp:reads-list-query';
const CANONICAL_PREFIX = 'gp:canonical=';

/** The tag of a page whose own (canonical) URL path is `path`. A comma would split the tag list: escaped, so it never matches. */
export function canonicalTag(path: string): string {
  return `${CANONICAL_PREFIX}${path.replaceAll(',', '%2C')}`;
}

/** The path a `canonicalTag` carries; undefined for any other tag. */
export function canonicalPathOf(tag: string): string | undefined {
  return tag.startsWith(CANONICAL_PREFIX) ? tag.slice(CANONICAL_PREFIX.length) : undefined;
}
