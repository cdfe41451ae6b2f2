/**
 * Writes a prepared page into the content model, through the document service (so the plugin's
 * invariants check every write) and in one transaction (a write the invariants refuse leaves
 * nothing behind, not even the tools created for it).
 *
 * Identity and idempotency:
 * - the practice is identified by its slug within the locale: importing the same page again
 *   updates that practice (same documentId), and changes nothing when the page did not change;
 * - tools are identified by name (compared like framework texts: case, quotes, dashes and final
 *   period do not matter) within the locale: an existing tool is reused as it is, never renamed
 *   or re-kinded (an editor may have corrected it); a missing one is created with the parser's
 *   kind and a slug derived from its name.
 *
 * What the import writes: title, slug, the metadata the page gives (empty metadata leaves the
 * stored value alone, so an editor's addition survives a re-import), the answers of this locale
 * (replaced as a whole: the page is their source) and the assessment (a fact of the practice,
 * which the invariants keep the same in every locale: invariants/shared-values.ts). It never
 * touches the summary, the taxonomies or the cover image. A page with a validation date marks
 * the practice validated.
 *
 * Status: 'draft' writes the drafts only (an already published version stays as it was, shared
 * values included, until the practice is published); 'published' also publishes the practice
 * (its shared values then reach every published locale) and every cited tool that has no
 * published version yet. Strapi publishes whole versions: publishing also publishes whatever
 * else the draft holds (an editor's unpublished summary, say). A practice that is already
 * published as the page says is left alone ('unchanged'), even if its draft holds other
 * unpublished edits.
 */
import type { Core } from '@strapi/strapi';
import { readAnswers, type StoredAnswer } from '../domain/answers';
import { readAssessment } from '../domain/assessment';
import { normaliseText } from '../framework/framework';
import { toIsoDate } from '../invariants/practice-field-rules';
import { uids } from '../plugin-id';
import { slugFor, uniqueSlug } from '../domain/slug';
import type { PracticeDraft, ToolKind } from './types';
import type { ImportAction, ImportStatus, PreparedPage, ToolOutcome } from '../../../contract/services';

export interface WriteOptions {
  locale: string;
  status: ImportStatus;
  /** Work out what would happen, reading only. */
  dryRun: boolean;
}

export interface WriteOutcome {
  /** null on a dry run for a practice that would be created. */
  documentId: string | null;
  action: ImportAction;
  /** True when this import published (or, on a dry run, would publish) the practice. */
  published: boolean;
  tools: ToolOutcome[];
}

/** The document-service calls used here, untyped: the app's generated types do not know plugin UIDs. */
interface Documents {
  findMany(params: Record<string, unknown>): Promise<unknown[]>;
  findFirst(params: Record<string, unknown>): Promise<unknown>;
  create(params: Record<string, unknown>): Promise<unknown>;
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
}

function documents(strapi: Core.Strapi, uid: typeof uids.practice | typeof uids.tool): Documents {
  return strapi.documents(uid) as unknown as Documents;
}

interface ToolRow {
  documentId: string;
  name: string;
  slug: string;
  kind: string | null;
}

type PracticeRow = Record<string, unknown> & { documentId: string };

/** Metadata fields copied from the page when it gives a value. */
const FACT_FIELDS = [
  'country',
  'projectStart',
  'projectEnd',
  'validationDate',
  'contactDetails',
  'website',
  'funding',
  'objectives',
  'inspiration',
] as const satisfies readonly (keyof PracticeDraft)[];

const DATE_FIELDS = new Set<string>(['projectStart', 'projectEnd', 'validationDate']);

/** Every field the import may write, read back to decide whether anything changed. */
const COMPARED_FIELDS = ['title', 'slug', ...FACT_FIELDS, 'validationStatus', 'answers', 'assessment'];

const toolKey = (name: string): string => normaliseText(name);

function createdId(result: unknown, what: string): string {
  const documentId = (result as { documentId?: unknown } | null)?.documentId;
  if (typeof documentId !== 'string') throw new Error(`The document service returned no documentId for the new ${what}.`);
  return documentId;
}

/** Finds or creates the cited tools; returns them by normalised name, in page order. */
async function resolveTools(strapi: Core.Strapi, page: PreparedPage, options: WriteOptions): Promise<Map<string, ToolOutcome>> {
  const wanted = new Map<string, { name: string; kind: ToolKind }>();
  for (const answer of page.practice.answers) {
    for (const tool of answer.tools) if (!wanted.has(toolKey(tool.name))) wanted.set(toolKey(tool.name), tool);
  }
  const outcomes = new Map<string, ToolOutcome>();
  if (wanted.size === 0) return outcomes;

  const tools = documents(strapi, uids.tool);
  const { locale } = options;
  const publish = options.status === 'published';
  // Every document has a draft version; the published ones are listed separately.
  const existing = (await tools.findMany({ locale, status: 'draft', fields: ['name', 'slug', 'kind'] })) as ToolRow[];
  const publishedIds = publish
    ? new Set(((await tools.findMany({ locale, status: 'published', fields: ['slug'] })) as ToolRow[]).map((row) => row.documentId))
    : new Set<string>();
  const byName = new Map<string, ToolRow>();
  for (const row of existing) if (!byName.has(toolKey(row.name))) byName.set(toolKey(row.name), row);
  const takenSlugs = new Set(existing.map((row) => row.slug));

  for (const [key, tool] of wanted) {
    const found = byName.get(key);
    if (found) {
      const needsPublish = publish && !publishedIds.has(found.documentId);
      if (needsPublish && !options.dryRun) await tools.publish({ documentId: found.documentId, locale });
      outcomes.set(key, {
        name: found.name,
        kind: (found.kind as ToolKind | null) ?? tool.kind,
        slug: found.slug,
        documentId: found.documentId,
        action: 'reused',
        published: needsPublish,
      });
      continue;
    }
    const slug = uniqueSlug(slugFor(tool.name, 'tool'), takenSlugs);
    takenSlugs.add(slug);
    let documentId: string | null = null;
    if (!options.dryRun) {
      documentId = createdId(await tools.create({ locale, data: { name: tool.name, slug, kind: tool.kind } }), `tool “${tool.name}”`);
      if (publish) await tools.publish({ documentId, locale });
    }
    outcomes.set(key, { name: tool.name, kind: tool.kind, slug, documentId, action: 'created', published: publish });
  }
  return outcomes;
}

/** The practice fields this page sets. */
export function practiceData(page: PreparedPage, tools: ReadonlyMap<string, ToolOutcome>): Record<string, unknown> {
  const { practice } = page;
  const data: Record<string, unknown> = { title: page.title, slug: page.slug };
  for (const field of FACT_FIELDS) {
    if (practice[field] !== null) data[field] = practice[field];
  }
  if (practice.validationDate !== null) data.validationStatus = 'validated';
  data.answers = practice.answers.map(
    (answer): StoredAnswer => ({
      questionKey: answer.questionKey,
      body: answer.body,
      tools: answer.tools.map((tool) => tools.get(toolKey(tool.name))?.documentId ?? ''),
    }),
  );
  data.assessment = { ...practice.assessment };
  return data;
}

function canonicalAnswers(value: unknown): string {
  return JSON.stringify(readAnswers(value).map((answer) => [answer.questionKey, answer.body, answer.tools]));
}

function canonicalAssessment(value: unknown): string {
  return JSON.stringify(Object.entries(readAssessment(value)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sameValue(field: string, stored: unknown, wanted: unknown): boolean {
  if (field === 'answers') return canonicalAnswers(stored) === canonicalAnswers(wanted);
  if (field === 'assessment') return canonicalAssessment(stored) === canonicalAssessment(wanted);
  if (DATE_FIELDS.has(field)) return toIsoDate(stored) === wanted;
  return (stored ?? null) === wanted;
}

/** True when the stored version already holds every value the import would write. */
function holds(row: PracticeRow | null, data: Record<string, unknown>): boolean {
  return row !== null && Object.entries(data).every(([field, value]) => sameValue(field, row[field], value));
}

async function writeOrPlan(strapi: Core.Strapi, page: PreparedPage, options: WriteOptions): Promise<WriteOutcome> {
  const { locale, dryRun } = options;
  const publish = options.status === 'published';
  const tools = await resolveTools(strapi, page, options);
  const data = practiceData(page, tools);
  const practices = documents(strapi, uids.practice);

  const draft = (await practices.findFirst({
    locale,
    status: 'draft',
    filters: { slug: { $eq: page.slug } },
    fields: COMPARED_FIELDS,
  })) as PracticeRow | null;

  if (!draft) {
    let documentId: string | null = null;
    if (!dryRun) {
      documentId = createdId(await practices.create({ locale, data }), `practice “${page.title}”`);
      if (publish) await practices.publish({ documentId, locale });
    }
    return { documentId, action: 'created', published: publish, tools: [...tools.values()] };
  }

  const { documentId } = draft;
  const published = (await practices.findFirst({
    locale,
    status: 'published',
    filters: { documentId: { $eq: documentId } },
    fields: COMPARED_FIELDS,
  })) as PracticeRow | null;
  const draftHolds = holds(draft, data);
  const needsPublish = publish && !(draftHolds && holds(published, data));
  if (!dryRun) {
    if (!draftHolds) await practices.update({ documentId, locale, data });
    if (needsPublish) await practices.publish({ documentId, locale });
  }
  return {
    documentId,
    action: draftHolds && !needsPublish ? 'unchanged' : 'updated',
    published: needsPublish,
    tools: [...tools.values()],
  };
}

export async function writePractice(strapi: Core.Strapi, page: PreparedPage, options: WriteOptions): Promise<WriteOutcome> {
  if (options.dryRun) return writeOrPlan(strapi, page, options);
  return strapi.db.transaction(() => writeOrPlan(strapi, page, options));
}
