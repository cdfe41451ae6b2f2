/**
 * A slug names a page of the site in one language: it must be URL-friendly (the contract's
 * lowercase-hyphen form, stricter than Strapi's uid default which allows capitals, dots and
 * underscores) and unique per locale among the other documents of its type. Strapi only checks
 * uid uniqueness when publishing; checking every draft write tells the editor at once.
 */
import type { Core } from '@strapi/strapi';
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
