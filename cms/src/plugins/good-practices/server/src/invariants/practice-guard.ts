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
 * and after it, the values shared by every language (shared-values.ts) are settled:
 *
 * - a write of a draft (create, update, clone; admin, REST, import with status draft) leaves every
 *   draft of the practice with the same shared values — those written, else those the drafts
 *   held — and never changes a published version;
 * - a publish (one locale or all) gives every published locale the shared values of the version
 *   just published, in the publish's transaction, and announces each other locale it changed;
 * - discarding a locale's draft brings back its published shared values, in every draft: the
 *   shared values are one value per practice, so discarding its unpublished changes in one
 *   language discards them in all (the alternative, keeping the other drafts' values, would make
 *   a shared edit impossible to discard in a practice with two languages, and would leave the
 *   discarded draft disagreeing with the others or keeping what the editor discarded);
 * - unpublish and delete change no remaining version's shared values, so they need nothing.
 *
 * The terms (integration areas, target groups) follow the same rules as a set of term documents
 * (shared-terms.ts); a write that does not set them (a new locale from XLIFF or a bare create)
 * gets the drafts' terms.
 */
import type { Core } from '@strapi/strapi';
import { isPlainObject } from '../domain/json-values';
import type { DocumentContext, Next, WriteAction } from './document-write';
import { resultDocumentId, writes, writtenData } from './document-write';
import { checkPracticeWrite, PRACTICE_SUBJECT } from './practice-check';
import { assertNoProblems } from './rejection';
import { loadSharedVersions, publishSharedValues, type SharedValues, sharedValuesOf, writeSharedValues } from './shared-values';
import { completeSets, loadTermVersions, shareTerms, termPagesChanged, type TermSets, termRelations, unionOf, writesTerms } from './shared-terms';

interface GuardedWrite {
  data: Record<string, unknown>;
  locale: string;
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
  return { data: verdict.data, locale: verdict.locale };
}

/**
 * The shared values the drafts hold before a write: the locale's own draft, else (a new locale of
 * an existing practice) another locale's draft. Taken before the write because Strapi fills a
 * new locale from the *published* version when there is one (copyNonLocalizedFields prefers it)
 * and i18n then copies that into the other drafts, which would silently revert their unpublished
 * shared edits.
 */
async function draftValuesBefore(strapi: Core.Strapi, documentId: string | undefined, locale: string): Promise<SharedValues | undefined> {
  if (!documentId) return undefined;
  const drafts = await loadSharedVersions(strapi, { documentId, publishedAt: null });
  const base = drafts.find((draft) => draft.locale === locale) ?? drafts[0];
  return base && sharedValuesOf(strapi, base);
}

/** The drafts' term set before a write (all drafts together hold it), for the reason above. */
async function draftTermsBefore(strapi: Core.Strapi, documentId: string | undefined): Promise<TermSets | undefined> {
  if (!documentId) return undefined;
  const drafts = await loadTermVersions(strapi, { documentId, publishedAt: null });
  return drafts.length > 0 ? unionOf(drafts) : undefined;
}

const entriesOf = (result: unknown): { id: number }[] =>
  isPlainObject(result) && Array.isArray(result.entries)
    ? result.entries.filter((entry): entry is { id: number } => isPlainObject(entry) && typeof entry.id === 'number')
    : [];

const isPublishedEntry = (result: unknown): result is { id: number } =>
  isPlainObject(result) && typeof result.id === 'number' && result.publishedAt !== null && result.publishedAt !== undefined;

async function settleWrite(strapi: Core.Strapi, action: WriteAction, context: DocumentContext, next: Next): Promise<unknown> {
  const { data, locale } = await guardWrite(strapi, action, context);
  context.params = { ...context.params, data };
  // A clone is a new document whose drafts are copies of agreeing drafts: nothing to carry over.
  const before = action === 'update' ? await draftValuesBefore(strapi, context.params.documentId, locale) : undefined;
  const termsBefore = action === 'update' ? await draftTermsBefore(strapi, context.params.documentId) : undefined;
  // create/update with status 'published' publish inside the call (no publish middleware runs).
  const publishing = context.params.status === 'published';
  const publishedBefore = publishing && context.params.documentId ? await loadSharedVersions(strapi, { documentId: context.params.documentId, publishedAt: { $notNull: true } }) : [];
  const publishedTermsBefore = publishing && context.params.documentId ? await loadTermVersions(strapi, { documentId: context.params.documentId, publishedAt: { $notNull: true } }) : [];

  const result = await next();
  const documentId = resultDocumentId(result) ?? context.params.documentId;
  if (!documentId) return result;
  const [written] = await loadSharedVersions(strapi, { documentId, locale, publishedAt: null });
  if (!written) return result;
  const values = sharedValuesOf(strapi, written);
  if (before) {
    for (const [name, value] of Object.entries(before)) if (!writes(data, name)) values[name] = value;
  }
  await writeSharedValues(strapi, documentId, 'draft', values);
  const [writtenTerms] = await loadTermVersions(strapi, { id: written.id });
  // Written terms replace the set, except those the locale cannot link (completeSets); a write
  // that does not set them (a new locale from XLIFF) leaves the drafts' set.
  const chosen = Object.fromEntries(
    termRelations.map((relation) => [relation, writesTerms(data, relation) || !termsBefore ? writtenTerms!.sets[relation] : termsBefore[relation]]),
  ) as TermSets;
  const terms = termsBefore ? await completeSets(strapi, chosen, termsBefore, locale, false) : chosen;
  await shareTerms(strapi, documentId, 'draft', terms);
  if (publishing && isPublishedEntry(result)) {
    const termsChanged = termPagesChanged(publishedTermsBefore, terms, await shareTerms(strapi, documentId, 'published', terms));
    await publishSharedValues(strapi, documentId, values, publishedBefore, termsChanged);
  }
  return result;
}

async function settlePublish(strapi: Core.Strapi, context: DocumentContext, next: Next): Promise<unknown> {
  const documentId = context.params.documentId;
  const publishedBefore = documentId ? await loadSharedVersions(strapi, { documentId, publishedAt: { $notNull: true } }) : [];
  const publishedTermsBefore = documentId ? await loadTermVersions(strapi, { documentId, publishedAt: { $notNull: true } }) : [];
  const result = await next();
  const [first] = entriesOf(result);
  if (!documentId || !first) return result;
  const [source] = await loadSharedVersions(strapi, { id: first.id });
  if (!source) return result;
  // The version just published is the practice's shared values from now on: every published
  // locale gets them, and the drafts too (they agree already, unless written around the
  // document service: then what was just published wins, as the editor saw it).
  const values = sharedValuesOf(strapi, source);
  // The terms as the drafts hold them together (what was published): one version lacks the terms
  // with no version in its locale, the published one also those not published there.
  const drafts = await loadTermVersions(strapi, { documentId, publishedAt: null });
  const terms = unionOf(drafts);
  const termsChanged = drafts.length > 0 ? termPagesChanged(publishedTermsBefore, terms, await shareTerms(strapi, documentId, 'published', terms)) : [];
  await publishSharedValues(strapi, documentId, values, publishedBefore, termsChanged);
  await writeSharedValues(strapi, documentId, 'draft', values);
  return result;
}

async function settleDiscard(strapi: Core.Strapi, context: DocumentContext, next: Next): Promise<unknown> {
  const result = await next();
  const documentId = resultDocumentId(result) ?? context.params.documentId;
  const [first] = entriesOf(result);
  if (!documentId || !first) return result;
  const [restored] = await loadSharedVersions(strapi, { id: first.id });
  // The restored draft holds the published shared values; the other drafts follow it (see above).
  if (restored) await writeSharedValues(strapi, documentId, 'draft', sharedValuesOf(strapi, restored));
  // Likewise the terms: the drafts take the published set (all published versions together).
  const published = await loadTermVersions(strapi, { documentId, publishedAt: { $notNull: true } });
  if (published.length > 0) await shareTerms(strapi, documentId, 'draft', unionOf(published));
  return result;
}

export async function guardPractice(strapi: Core.Strapi, context: DocumentContext, next: Next): Promise<unknown> {
  const { action } = context;
  if (action === 'create' || action === 'update' || action === 'clone') return settleWrite(strapi, action, context, next);
  if (action === 'publish') return settlePublish(strapi, context, next);
  if (action === 'discardDraft') return settleDiscard(strapi, context, next);
  return next();
}
