/**
 * Which stored practices refer to framework keys that no longer exist (an item or question
 * deleted or re-keyed since). Such keys are kept, never dropped (see assessment-rules.ts); this
 * report lets editors find and resolve them. Reads every version, drafts included (of the
 * practices and of the framework: a key that exists as an unpublished draft is not unknown): it is
 * an editorial tool, never exposed by the public API.
 */
import type { Core } from '@strapi/strapi';
import { readAnswers } from '../domain/answers';
import { readAssessment } from '../domain/assessment';
import { loadFrameworkKeys } from '../invariants/framework-keys';
import { uids } from '../plugin-id';

export interface UnknownKeysEntry {
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** Assessment keys that are not checklist items of the framework (retired items excluded). */
  assessmentKeys: string[];
  /** Answered question keys that are not questions of the framework. */
  questionKeys: string[];
}

interface VersionRow {
  documentId: string;
  locale: string;
  publishedAt: string | Date | null;
  assessment: unknown;
  answers: unknown;
}

/**
 * Versions read at a time: every version's answers at once (all drafts and published versions)
 * would be held for a moment, and at 2,000 practices × 5 locales that moment left the CMS
 * process hundreds of megabytes larger for good (V8 keeps the heap it grew; issue 17.6).
 */
export const UNKNOWN_KEYS_BATCH = 250;

export function createUnknownKeysReport({ strapi }: { strapi: Core.Strapi }) {
  return {
    async reportUnknownKeys(): Promise<UnknownKeysEntry[]> {
      const keys = await loadFrameworkKeys(strapi, 'all');
      const entries: UnknownKeysEntry[] = [];
      for (let offset = 0; ; offset += UNKNOWN_KEYS_BATCH) {
        const rows = (await strapi.db.query(uids.practice).findMany({
          select: ['documentId', 'locale', 'publishedAt', 'assessment', 'answers'],
          orderBy: { id: 'asc' },
          offset,
          limit: UNKNOWN_KEYS_BATCH,
        })) as VersionRow[];
        for (const row of rows) {
          const entry: UnknownKeysEntry = {
            documentId: row.documentId,
            locale: row.locale,
            status: row.publishedAt === null ? 'draft' : 'published',
            assessmentKeys: Object.keys(readAssessment(row.assessment)).filter((key) => !keys.activeItems.has(key) && !keys.retiredItems.has(key)),
            questionKeys: readAnswers(row.answers)
              .map((answer) => answer.questionKey)
              .filter((key) => !keys.questions.has(key)),
          };
          if (entry.assessmentKeys.length > 0 || entry.questionKeys.length > 0) entries.push(entry);
        }
        if (rows.length < UNKNOWN_KEYS_BATCH) return entries;
      }
    },
  };
}
