/**
 * Where an entry is edited in a given locale: the Content Manager's edit view, with the locale the
 * i18n plugin reads from the URL. For a locale version that does not exist yet, the same address
 * opens the empty form of that locale, ready to translate. Relative to the admin's router (no
 * `/admin` prefix), for react-router links.
 */
import { uids } from '../../../contract/plugin-id';

const SINGLE_TYPES: ReadonlySet<string> = new Set([uids.site]);

export function contentManagerPath(uid: string, documentId: string, locale: string): string {
  const query = `plugins[i18n][locale]=${encodeURIComponent(locale)}`;
  if (SINGLE_TYPES.has(uid)) return `/content-manager/single-types/${uid}?${query}`;
  return `/content-manager/collection-types/${uid}/${encodeURIComponent(documentId)}?${query}`;
}
