/**
 * Cache tags: each page rendered on request is tagged with what it shows, and the revalidation
 * webhook invalidates by the same tags. Tags are locale-independent on purpose: a practice
 * change also refreshes the fallback pages that show it under other locales.
 */
import type { RevalidatePayload } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import { changedKind } from '../webhook';

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

/** The tags to invalidate for a webhook payload. */
export function tagsForChange(payload: RevalidatePayload): string[] {
  const entry = payload.entry ?? {};
  const out = new Set<string>();
  switch (changedKind(payload)) {
    case 'practice':
      out.add(tags.practices);
      if (entry.slug) out.add(tags.practice(entry.slug));
      if (entry.documentId) out.add(tags.practiceDoc(entry.documentId));
      if (!entry.slug && !entry.documentId) out.add(tags.practicePages);
      break;
    case 'tool':
      out.add(tags.tools);
      if (entry.slug) out.add(tags.tool(entry.slug));
      if (entry.documentId) out.add(tags.toolDoc(entry.documentId));
      if (!entry.slug && !entry.documentId) out.add(tags.toolPages);
      break;
    case 'framework':
      out.add(tags.framework);
      break;
    case 'taxonomy':
      out.add(tags.taxonomy);
      break;
    case 'site':
    case 'locale':
    case 'unknown':
      // The site single type and the locales are on every page.
      out.add(tags.site);
      break;
  }
  return [...out];
}
