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

export function createUnknownKeysReport({ strapi }: { strapi: Core.Strapi }) {
  return {
    async reportUnknownKeys(): Promise<UnknownKeysEntry[]> {
      const [keys, rows] = await Promise.all([
        loadFrameworkKeys(strapi, 'all'),
        strapi.db.query(uids.practice).findMany({ select: ['documentId', 'locale', 'publishedAt', 'assessment', 'answers'] }) as Promise<VersionRow[]>,
      ]);
      return rows
        .map((row) => ({
          documentId: row.documentId,
          locale: row.locale,
          status: row.publishedAt === null ? ('draft' as const) : ('published' as const),
          assessmentKeys: Object.keys(readAssessment(row.assessment)).filter((key) => !keys.activeItems.has(key) && !keys.retiredItems.has(key)),
          questionKeys: readAnswers(row.answers)
            .map((answer) => answer.questionKey)
            .filter((key) => !keys.questions.has(key)),
        }))
        .filter((entry) => entry.assessmentKeys.length > 0 || entry.questionKeys.length > 0);
    },
  };
}

export type UnknownKeysReport = ReturnType<typeof createUnknownKeysReport>;
