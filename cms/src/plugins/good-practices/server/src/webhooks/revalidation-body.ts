/**
 * Which content events change what the public site shows, and the body that tells the site
 * (RevalidationBody of contract/revalidation-webhook.ts), which the site maps to its cache tags.
 *
 * Drafts never reach the site, and every content type of the plugin has draft & publish
 * (practices, tools, the site texts, the criteria framework and the taxonomy terms), so the events
 * that matter are publish, unpublish and the deletion of a published version — and an update
 * only when it is of the published version; saving a draft (an editor's or a translator's, in the
 * admin or by an XLIFF import) changes nothing public and tells the site nothing. (Publishing one
 * locale of a practice also changes the shared values of its other published locales: the
 * invariants announce each of those with `entry.update`, invariants/shared-values.ts.)
 */
import type { RevalidationBody } from '../../../contract/revalidation-webhook';
import { isPlainObject } from '../domain/json-values';
import { uids } from '../plugin-id';

const DRAFT_AND_PUBLISH: ReadonlySet<string> = new Set(Object.values(uids));

export const CONTENT_EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'] as const;

/** What Strapi's event hub passes to entry.* listeners (document-service/events.ts). */
export interface EntryEvent {
  model?: unknown;
  uid?: unknown;
  entry?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function revalidationBody(event: string, payload: EntryEvent): RevalidationBody | undefined {
  const uid = typeof payload.uid === 'string' ? payload.uid : '';
  const entry = isPlainObject(payload.entry) ? payload.entry : {};
  const isPublished = entry.publishedAt !== null && entry.publishedAt !== undefined;
  const relevant =
    DRAFT_AND_PUBLISH.has(uid) &&
    (event === 'entry.publish' || event === 'entry.unpublish' || ((event === 'entry.delete' || event === 'entry.update') && isPublished));
  if (!relevant) return undefined;
  return {
    event,
    model: typeof payload.model === 'string' ? payload.model : uid.split('.').pop() ?? uid,
    entry: { documentId: text(entry.documentId), slug: text(entry.slug), locale: text(entry.locale) },
  };
}
