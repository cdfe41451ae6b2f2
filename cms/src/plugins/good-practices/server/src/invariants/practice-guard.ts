/**
 * Every write of a practice, whatever its path (admin content manager, REST, document service
 * used by the import), passes here before it reaches the database; the rules themselves are in
 * practice-check.ts, which the admin's check endpoint reuses:
 *
 * - field rules (country, website, project dates) on the values the practice will have;
 * - slug unique per locale;
 * - assessment and answers checked against the current framework, keeping outdated keys the
 *   practice already stores;
 * - a validated practice gets its validation date (today) when none is given;
 *
 * and after it: the assessment, a fact about the practice, is copied to every locale and to
 * both draft and published versions, so that locales can never disagree (Strapi itself only
 * syncs non-localized fields between locales of the same status, and only on some paths).
 */
import type { Core } from '@strapi/strapi';
import { uids } from '../plugin-id';
import type { DocumentContext, Next, WriteAction } from './document-write';
import { resultDocumentId, writtenData } from './document-write';
import { checkPracticeWrite, PRACTICE_SUBJECT } from './practice-check';
import { assertNoProblems } from './rejection';

interface GuardedWrite {
  data: Record<string, unknown>;
  assessmentWritten: boolean;
}

async function guardWrite(strapi: Core.Strapi, action: WriteAction, context: DocumentContext): Promise<GuardedWrite> {
  const { params } = context;
  const verdict = await checkPracticeWrite(strapi, { action, documentId: params.documentId, locale: params.locale, data: writtenData(params) });
  assertNoProblems(PRACTICE_SUBJECT, verdict.problems);
  if (verdict.outdated.length > 0) {
    strapi.log.warn(
      `[good-practices] practice ${params.documentId ?? '(new)'} (${verdict.locale}) keeps keys that are retired from or no longer in the criteria framework: ${verdict.outdated.join(', ')}. They are kept unchanged; see the unknown-keys service (reportUnknownKeys).`,
    );
  }
  return { data: verdict.data, assessmentWritten: verdict.assessmentWritten };
}

/** Copies one assessment to every version (all locales, draft and published) of a practice. */
export async function propagateAssessment(strapi: Core.Strapi, documentId: string, assessment: unknown): Promise<void> {
  await strapi.db.query(uids.practice).updateMany({ where: { documentId }, data: { assessment: assessment ?? null } });
}

async function assessmentOfEntry(strapi: Core.Strapi, documentId: string, locale: unknown): Promise<unknown> {
  const where: Record<string, unknown> = { documentId, publishedAt: { $notNull: true } };
  if (typeof locale === 'string' && locale !== '*') where.locale = locale;
  const row = (await strapi.db.query(uids.practice).findOne({ where, select: ['assessment'] })) as { assessment: unknown } | null;
  return row?.assessment;
}

export async function guardPractice(strapi: Core.Strapi, context: DocumentContext, next: Next): Promise<unknown> {
  const { action } = context;
  if (action === 'create' || action === 'update' || action === 'clone') {
    const { data, assessmentWritten } = await guardWrite(strapi, action, context);
    context.params = { ...context.params, data };
    const result = await next();
    const documentId = resultDocumentId(result);
    if (assessmentWritten && documentId) await propagateAssessment(strapi, documentId, data.assessment);
    return result;
  }
  if (action === 'publish') {
    // Publishing copies a draft; re-spreading the published value repairs versions written
    // around the document service before this invariant existed.
    const result = await next();
    const documentId = resultDocumentId(result) ?? context.params.documentId;
    if (documentId) {
      const assessment = await assessmentOfEntry(strapi, documentId, context.params.locale);
      if (assessment !== undefined) await propagateAssessment(strapi, documentId, assessment);
    }
    return result;
  }
  return next();
}
