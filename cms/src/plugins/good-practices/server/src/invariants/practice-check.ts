/**
 * The verdict on a practice write, without writing: every rule of a practice in one place, used
 * both by the document-service guard (which refuses the write when there are problems) and by the
 * admin's "check before saving" endpoint (which only reports them), so that the edit view's
 * warnings and the server's refusals can never disagree.
 *
 * The rule modules themselves are pure (country-code, web-address, practice-field-rules,
 * assessment-rules, answer-rules); this module gathers the stored facts they need (the versions
 * the write builds on, the framework keys, the tools cited, slug clashes) and applies them.
 */
import type { Core } from '@strapi/strapi';
import { type Assessment, readAssessment } from '../domain/assessment';
import { readAnswers } from '../domain/answers';
import { isoDate, today } from '../domain/dates';
import { writeLocale } from '../locales/configured-locales';
import { uids } from '../plugin-id';
import { checkAnswers, toolIdsIn } from './answer-rules';
import { checkAssessment } from './assessment-rules';
import { checkCoverImage } from './cover-image';
import { type WriteAction, writes } from './document-write';
import { type FrameworkKeys, loadFrameworkKeys } from './framework-keys';
import { checkPracticeFacts } from './practice-field-rules';
import { baseVersion, loadPracticeRows, type PracticeRow } from './practice-rows';
import type { FieldProblem } from './rejection';
import { checkSlug, isPlaceholderSlug, slugFromTitle } from './slug-rules';

export const PRACTICE_SUBJECT = 'practice';

export interface PracticeWrite {
  /** create: a new document; update: this document; clone: a new document copied from this one. */
  action: WriteAction;
  documentId?: string;
  /** As the caller received it; resolved to a configured locale (the default when absent). */
  locale: unknown;
  data: Record<string, unknown>;
}

export interface PracticeVerdict {
  problems: FieldProblem[];
  /** Stored keys kept although the framework no longer offers them (to be logged). */
  outdated: string[];
  /** The data to write: the written data plus what the invariants complete (validation date). */
  data: Record<string, unknown>;
  locale: string;
}

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

/**
 * A validated practice always carries the date it was validated: the date the write gives, else
 * the one stored, else today. Pure, so that the edit view's workflow controls can apply it too.
 */
export function completedValidationDate(status: unknown, date: unknown): string | null {
  if (status !== 'validated') return null;
  return isoDate(date) ?? today();
}

export async function checkPracticeWrite(strapi: Core.Strapi, write: PracticeWrite): Promise<PracticeVerdict> {
  const { action, documentId } = write;
  const data = { ...write.data };
  const locale = await writeLocale(strapi, write.locale);
  const rows = action === 'create' ? [] : await loadPracticeRows(strapi, documentId);
  const base = baseVersion(rows, locale);
  const sameLocale = rows.filter((row) => row.locale === locale);
  const merged = (field: keyof PracticeRow & string): unknown => (writes(data, field) ? data[field] : base?.[field]);

  const problems: FieldProblem[] = checkPracticeFacts({
    country: merged('country'),
    website: merged('website'),
    projectStart: merged('projectStart'),
    projectEnd: merged('projectEnd'),
  });

  // A new practice, or its first version in this language, takes the slug of its title unless one was chosen.
  const firstInLocale = action === 'create' || (action === 'update' && sameLocale.length === 0);
  const writtenSlug = writes(data, 'slug') ? data.slug : undefined;
  if (firstInLocale && (writtenSlug === undefined || writtenSlug === null || writtenSlug === '' || isPlaceholderSlug(writtenSlug, PRACTICE_SUBJECT, data.title))) {
    const derived = await slugFromTitle(strapi, uids.practice, { title: data.title, locale, documentId: action === 'update' ? documentId : undefined });
    if (derived !== undefined) data.slug = derived;
  } else if (isPlaceholderSlug(writtenSlug, PRACTICE_SUBJECT, data.title)) {
    problems.push({ field: 'slug', message: `The web address is still the placeholder “${String(writtenSlug)}”: use the regenerate button next to it to take it from the title, or write one.` });
  }

  const slug = writes(data, 'slug') ? data.slug : action === 'clone' ? sameLocale[0]?.slug : undefined;
  problems.push(
    ...(await checkSlug(strapi, uids.practice, { slug, locale, documentId: action === 'update' ? documentId : undefined }, PRACTICE_SUBJECT)),
  );

  if (writes(data, 'coverImage')) problems.push(...(await checkCoverImage(strapi, data.coverImage)));

  let keys: FrameworkKeys | undefined;
  const frameworkKeys = async (): Promise<FrameworkKeys> => (keys ??= await loadFrameworkKeys(strapi));
  const outdated: string[] = [];

  if (writes(data, 'assessment')) {
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

  const validationDate = completedValidationDate(merged('validationStatus'), merged('validationDate'));
  if (validationDate && !isoDate(merged('validationDate'))) data.validationDate = validationDate;

  return { problems, outdated, data, locale };
}
