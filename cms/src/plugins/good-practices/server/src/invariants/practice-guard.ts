/**
 * Every write of a practice, whatever its path (admin content manager, REST, document service
 * used by the import), passes here before it reaches the database:
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
import { type Assessment, readAssessment } from '../domain/assessment';
import { readAnswers } from '../domain/answers';
import { isoDate, today } from '../domain/dates';
import { writeLocale } from '../locales/configured-locales';
import { uids } from '../plugin-id';
import { checkAnswers, toolIdsIn } from './answer-rules';
import { checkAssessment } from './assessment-rules';
import { type DocumentContext, type Next, type WriteAction, resultDocumentId, writes, writtenData } from './document-write';
import { type FrameworkKeys, loadFrameworkKeys } from './framework-keys';
import { checkPracticeFacts } from './practice-field-rules';
import { baseVersion, loadPracticeRows, type PracticeRow } from './practice-rows';
import { assertNoProblems, type FieldProblem } from './rejection';
import { checkSlug } from './slug-rules';

const SUBJECT = 'practice';

function storedAssessment(rows: readonly PracticeRow[]): Assessment {
  // Versions agree by this very invariant; merging is the lenient reading of older data.
  return Object.assign({}, ...rows.map((row) => readAssessment(row.assessment))) as Assessment;
}

async function existingToolIds(strapi: Core.Strapi, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = (await strapi.db.query(uids.tool).findMany({
    where: { documentId: { $in: [...new Set(ids)] } },
    select: ['documentId'],
  })) as { documentId: string }[];
  return new Set(rows.map((row) => row.documentId));
}

interface GuardedWrite {
  data: Record<string, unknown>;
  assessmentWritten: boolean;
}

async function guardWrite(strapi: Core.Strapi, action: WriteAction, context: DocumentContext): Promise<GuardedWrite> {
  const { params } = context;
  const data = { ...writtenData(params) };
  const locale = await writeLocale(strapi, params.locale);
  // create: a new document; update: this document; clone: a new document copied from this one.
  const rows = action === 'create' ? [] : await loadPracticeRows(strapi, params.documentId);
  const base = baseVersion(rows, locale);
  const sameLocale = rows.filter((row) => row.locale === locale);
  const merged = (field: keyof PracticeRow & string): unknown => (writes(data, field) ? data[field] : base?.[field]);

  const problems: FieldProblem[] = checkPracticeFacts({
    country: merged('country'),
    website: merged('website'),
    projectStart: merged('projectStart'),
    projectEnd: merged('projectEnd'),
  });

  const slug = writes(data, 'slug') ? data.slug : action === 'clone' ? sameLocale[0]?.slug : undefined;
  problems.push(
    ...(await checkSlug(strapi, uids.practice, { slug, locale, documentId: action === 'update' ? params.documentId : undefined }, SUBJECT)),
  );

  let keys: FrameworkKeys | undefined;
  const frameworkKeys = async (): Promise<FrameworkKeys> => (keys ??= await loadFrameworkKeys(strapi));
  const outdated: string[] = [];

  const assessmentWritten = writes(data, 'assessment');
  if (assessmentWritten) {
    const check = checkAssessment(data.assessment, storedAssessment(rows), await frameworkKeys());
    problems.push(...check.problems);
    outdated.push(...check.keptOutdatedKeys.map((key) => `assessment ${key}`));
  }
  if (writes(data, 'answers')) {
    const check = checkAnswers(data.answers, {
      knownQuestions: (await frameworkKeys()).questions,
      knownTools: await existingToolIds(strapi, toolIdsIn(data.answers)),
      stored: sameLocale.flatMap((row) => readAnswers(row.answers)),
    });
    problems.push(...check.problems);
    outdated.push(...check.keptOutdatedQuestions.map((key) => `answer ${key}`));
  }

  assertNoProblems(SUBJECT, problems);

  if (outdated.length > 0) {
    strapi.log.warn(
      `[good-practices] practice ${params.documentId ?? '(new)'} (${locale}) keeps keys that are retired from or no longer in the criteria framework: ${outdated.join(', ')}. They are kept unchanged; see the unknown-keys service (reportUnknownKeys).`,
    );
  }

  // A validated practice always carries the date it was validated.
  if (merged('validationStatus') === 'validated' && !isoDate(merged('validationDate'))) {
    data.validationDate = today();
  }
  return { data, assessmentWritten };
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
