/**
 * The slug of a submitted practice: from its title (domain/slug.ts, as the import does), made
 * free in the locale by the slug rule itself (invariants/slug-rules.ts); a title with no Latin
 * letter or digit (Arabic, Greek…) gives `submission-<reference>`, which editors rename.
 */
import type { Core } from '@strapi/strapi';
import { slugify } from '../domain/slug';
import { checkSlug } from '../invariants/slug-rules';
import { uids } from '../plugin-id';

export async function freeSlug(strapi: Core.Strapi, title: string, locale: string, reference: string): Promise<string> {
  const fallback = `submission-${reference.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const base = slugify(title, 60) || fallback;
  for (const candidate of [base, `${base}-${reference.slice(-4).toLowerCase()}`, fallback]) {
    if ((await checkSlug(strapi, uids.practice, { slug: candidate, locale }, 'practice')).length === 0) return candidate;
  }
  return `${fallback}-${Date.now().toString(36)}`;
}
