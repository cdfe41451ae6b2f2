/** Which pages a revalidation call makes stale: the cache tags (../cache/tags.ts) of what changed. */
import type { RevalidatePayload } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import { tags } from '../cache/tags';
import { changedKind } from './webhook';

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
