/**
 * Cache tags: each page rendered on request is tagged with what it shows, and the revalidation
 * webhook invalidates by the same tags (../revalidation/tags-for-change.ts). Tags are
 * locale-independent on purpose: a practice change also refreshes the fallback pages that show it
 * under other locales.
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
