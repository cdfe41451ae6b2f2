/**
 * Test data for practices and tools, written through the document service (the path the import
 * uses), and direct reads of every stored version for assertions.
 */
import type { Core } from '@strapi/strapi';

export const PRACTICE = 'plugin::good-practices.practice';
export const TOOL = 'plugin::good-practices.tool';
export const CHECKLIST_ITEM = 'plugin::good-practices.checklist-item';
export const QUESTION = 'plugin::good-practices.question';
export const CRITERIA_GROUP = 'plugin::good-practices.criteria-group';
export const INTEGRATION_AREA = 'plugin::good-practices.integration-area';
export const TARGET_GROUP = 'plugin::good-practices.target-group';
export const SITE = 'plugin::good-practices.site';

type Data = Record<string, unknown>;

export interface WrittenDocument {
  id: number;
  documentId: string;
  locale: string;
  [field: string]: unknown;
}

/** The document service without the app's generated types (plugin UIDs are not in them). */
export interface LooseDocuments {
  create(params: Data): Promise<WrittenDocument>;
  update(params: Data): Promise<WrittenDocument | null>;
  publish(params: Data): Promise<{ documentId: string; entries: WrittenDocument[] }>;
  unpublish(params: Data): Promise<unknown>;
  discardDraft(params: Data): Promise<unknown>;
  delete(params: Data): Promise<unknown>;
  findMany(params?: Data): Promise<WrittenDocument[]>;
  findFirst(params?: Data): Promise<WrittenDocument | null>;
}

export function documents(strapi: Core.Strapi, uid: string): LooseDocuments {
  return strapi.documents(uid as 'plugin::good-practices.practice') as unknown as LooseDocuments;
}

let counter = 0;
/** A unique slug per call, so tests never clash by accident. */
export function uniqueSlug(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export function practiceData(overrides: Data = {}): Data {
  const slug = (overrides.slug as string | undefined) ?? uniqueSlug('practice');
  return {
    title: `Practice ${slug}`,
    slug,
    summary: 'A practice used in tests.',
    country: 'DE',
    projectStart: '2020-01-01',
    projectEnd: null,
    website: 'https://example.org/practice',
    validationStatus: 'submitted',
    assessment: { 'inclusivity.accessible-services.1': 'met' },
    answers: [{ questionKey: 'inclusivity.accessible-services', body: 'We make services **accessible**.', tools: [] }],
    ...overrides,
  };
}

export async function createPractice(
  strapi: Core.Strapi,
  overrides: Data = {},
  options: { locale?: string; status?: 'draft' | 'published' } = {},
): Promise<WrittenDocument> {
  return documents(strapi, PRACTICE).create({
    locale: options.locale ?? 'en',
    ...(options.status === 'draft' ? {} : { status: 'published' }),
    data: practiceData(overrides),
  });
}

export async function createTool(
  strapi: Core.Strapi,
  overrides: Data = {},
  options: { locale?: string; status?: 'draft' | 'published' } = {},
): Promise<WrittenDocument> {
  const slug = (overrides.slug as string | undefined) ?? uniqueSlug('tool');
  return documents(strapi, TOOL).create({
    locale: options.locale ?? 'en',
    ...(options.status === 'draft' ? {} : { status: 'published' }),
    data: { name: `Tool ${slug}`, slug, kind: 'portal', url: 'https://example.org/tool', description: 'A tool.', ...overrides },
  });
}

export interface StoredVersion {
  locale: string;
  publishedAt: string | Date | null;
  assessment: unknown;
}

/** Every stored version (locale x draft/published) of a practice, read around the document service. */
export async function storedVersions(strapi: Core.Strapi, documentId: string): Promise<StoredVersion[]> {
  const rows = (await strapi.db.query(PRACTICE).findMany({ where: { documentId }, select: ['locale', 'publishedAt', 'assessment'] })) as StoredVersion[];
  return rows.map((row) => ({ ...row, assessment: typeof row.assessment === 'string' ? JSON.parse(row.assessment) : row.assessment }));
}

/** The documentId of a seeded taxonomy term or framework entry by key, in a locale. */
export async function documentIdByKey(strapi: Core.Strapi, uid: string, key: string, locale = 'en'): Promise<string> {
  const found = await documents(strapi, uid).findFirst({ locale, filters: { key } });
  if (!found) throw new Error(`${uid} ${key} not found in ${locale}`);
  return found.documentId;
}
