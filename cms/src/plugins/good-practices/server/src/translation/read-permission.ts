/**
 * What the signed-in admin may read of the translation work: the translation status and the XLIFF
 * export show entry texts and titles of every locale (drafts included), so each content type is
 * exposed only in the locales where the admin's roles grant the content manager's `read` on it —
 * the same permission, with the i18n `locales` restriction, that decides what the Content Manager
 * shows them (the read-side counterpart of access/write-permission.ts).
 *
 * A translation compares the default locale (the source) with a target locale, so a type is
 * readable "in a target" only when the admin may read it in both. Server code without an admin
 * (scripts) passes no ability and reads everything.
 */
import type { Core } from '@strapi/strapi';
import { type AdminAbility, asSubject } from '../access/write-permission';
import { type TranslatableType, translatableTypes } from './translatable-types';

const READ = 'plugin::content-manager.explorer.read';

export interface ReadPermission {
  /**
   * Whether the admin may read entries of `type` in `locale` (an entry of that locale as the
   * subject, so the locales condition applies) — and, given a `field` (a segment's first path
   * part: `title`, `answers`, `labels`), that field, as the role's field list says.
   */
  mayRead(type: TranslatableType, locale: string, field?: string): boolean;
  /** The types readable both in the source locale and in `target`. */
  typesFor(source: string, target: string, among?: readonly TranslatableType[]): TranslatableType[];
}

/** The stored field a segment path belongs to (`answers/<key>/body` → `answers`). */
export const fieldOfSegment = (path: string): string => path.split('/')[0] ?? path;

export const readEverything: ReadPermission = {
  mayRead: () => true,
  typesFor: (_source, _target, among = translatableTypes) => [...among],
};

export function readPermissionOf(strapi: Core.Strapi, ability: AdminAbility | undefined): ReadPermission {
  if (!ability) return readEverything;
  const answers = new Map<string, boolean>();
  const mayRead = (type: TranslatableType, locale: string, field?: string): boolean => {
    const key = `${type.uid}\u0000${locale}\u0000${field ?? ''}`;
    let allowed = answers.get(key);
    if (allowed === undefined) {
      allowed = ability.can(READ, asSubject(strapi, ability, type.uid, { locale }), field);
      answers.set(key, allowed);
    }
    return allowed;
  };
  return {
    mayRead,
    typesFor: (source, target, among = translatableTypes) => among.filter((type) => mayRead(type, source) && mayRead(type, target)),
  };
}
