/**
 * A slug names a page of the site in one language: it must be URL-friendly (the contract's
 * lowercase-hyphen form, stricter than Strapi's uid default which allows capitals, dots and
 * underscores) and unique per locale among the other documents of its type. Strapi only checks
 * uid uniqueness when publishing; checking every draft write tells the editor at once.
 */
import type { Core } from '@strapi/strapi';
import { slugFor, slugify, uniqueSlug } from '../domain/slug';
import type { PluginContentTypeUid } from '../plugin-id';
import type { FieldProblem } from './rejection';

export interface SlugClaim {
  slug: unknown;
  locale: string;
  /** The document being written (its own versions do not clash); absent for a new document. */
  documentId?: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function checkSlug(
  strapi: Core.Strapi,
  uid: PluginContentTypeUid,
  claim: SlugClaim,
  kind: string,
): Promise<FieldProblem[]> {
  if (claim.slug === undefined || claim.slug === null || claim.slug === '') return [];
  if (typeof claim.slug !== 'string' || !SLUG.test(claim.slug)) {
    return [{ field: 'slug', message: 'The slug may contain only lowercase letters, digits and single hyphens (for example “migracode-barcelona”).' }];
  }
  const clash = (await strapi.db.query(uid).findOne({
    where: {
      slug: claim.slug,
      locale: claim.locale,
      ...(claim.documentId ? { documentId: { $ne: claim.documentId } } : {}),
    },
    select: ['id'],
  })) as { id: number } | null;
  return clash
    ? [{ field: 'slug', message: `Another ${kind} in this language (${claim.locale}) already uses the slug “${claim.slug}”: choose a different one.` }]
    : [];
}

/**
 * The slug Strapi's admin gives a new entry before anyone types a title: the type's name
 * ("practice", "practice-2" when taken). Left in place, every practice created from the admin
 * would live at /practice, /practice-2… unless its editor found the small regenerate button.
 */
export function isPlaceholderSlug(slug: unknown, placeholder: string, title: unknown): boolean {
  if (typeof slug !== 'string') return false;
  if (!new RegExp(`^${placeholder}(?:-\\d{1,3})?$`).test(slug)) return false;
  // A practice really called "Practice" may keep the slug of its title.
  return typeof title !== 'string' || slugify(title) !== slug.replace(/-\d{1,3}$/, '');
}

/**
 * The slug of a new entry (or new language version): follows its title when the writer left it
 * empty or at the placeholder, made unique among the type's other entries in that locale.
 * `undefined` when the title gives nothing to follow (the slug is then left as written).
 */
export async function slugFromTitle(
  strapi: Core.Strapi,
  uid: PluginContentTypeUid,
  claim: { title: unknown; locale: string; documentId?: string },
): Promise<string | undefined> {
  if (typeof claim.title !== 'string' || claim.title.trim() === '') return undefined;
  const base = slugFor(claim.title, typeKey(uid));
  const rows = (await strapi.db.query(uid).findMany({
    where: { locale: claim.locale, slug: { $startsWith: base }, ...(claim.documentId ? { documentId: { $ne: claim.documentId } } : {}) },
    select: ['slug'],
  })) as { slug: string | null }[];
  return uniqueSlug(base, new Set(rows.map((row) => row.slug ?? '')));
}

function typeKey(uid: string): string {
  return uid.slice(uid.lastIndexOf('.') + 1);
}
