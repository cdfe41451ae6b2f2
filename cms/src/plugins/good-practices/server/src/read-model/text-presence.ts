/**
 * Which texts each published practice version has (the fallback text fields it fills, the
 * questions it answers), without the texts themselves: what a practice detail needs to know
 * whether a later language of its chain can fill what its own version lacks.
 *
 * Real practices leave questions unanswered and fields such as funding empty in every language;
 * without this, each of their details read every other version of the practice (answers
 * included) to find nothing. Kept for the content generation and built in the background by the
 * first detail that misses it, like the versions index: one read of every version's texts per
 * generation, a few hundred bytes per version kept.
 */
import type { Core } from '@strapi/strapi';
import { readAnswers } from '../domain/answers';
import { FALLBACK_TEXT_FIELDS, type FallbackTextField, hasText, type TextVersion } from '../domain/text-fallback';
import { uids } from '../plugin-id';
import { cachedForGeneration, peekForGeneration } from './generation-cache';
import { publishedDocuments } from './published-documents';

export interface PresentTexts {
  fields: ReadonlySet<FallbackTextField>;
  /** Keys of the questions the version answers (a blank answer answers nothing). */
  answered: ReadonlySet<string>;
}

/** documentId → locale → what that published version has. */
export type TextPresence = ReadonlyMap<string, ReadonlyMap<string, PresentTexts>>;

const KEY = 'practice-text-presence';
const BATCH = 500;

export function presentTexts(version: TextVersion): PresentTexts {
  const fields = new Set(FALLBACK_TEXT_FIELDS.filter((field) => hasText(version[field])));
  const answered = new Set(readAnswers(version.answers).filter((answer) => hasText(answer.body)).map((answer) => answer.questionKey));
  return { fields, answered };
}

/** The index if it is built for the current generation (never builds). */
export function builtTextPresence(strapi: Core.Strapi): Promise<TextPresence | undefined> {
  return peekForGeneration(strapi, KEY);
}

export function textPresence(strapi: Core.Strapi): Promise<TextPresence> {
  return cachedForGeneration(strapi, KEY, async () => {
    const practices = publishedDocuments(strapi, uids.practice);
    const presence = new Map<string, Map<string, PresentTexts>>();
    // In batches: every version's answers at once would be tens of megabytes held for a moment.
    for (let start = 0; ; start += BATCH) {
      const rows = await practices.findMany<TextVersion & { documentId: string }>({
        locale: '*',
        fields: ['locale', ...FALLBACK_TEXT_FIELDS, 'answers'],
        sort: 'id:asc',
        start,
        limit: BATCH,
      });
      for (const row of rows) {
        let versions = presence.get(row.documentId);
        if (!versions) presence.set(row.documentId, (versions = new Map()));
        versions.set(row.locale, presentTexts(row));
      }
      if (rows.length < BATCH) return presence;
    }
  });
}
