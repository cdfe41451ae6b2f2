/**
 * The demo content of `npm start`, as data files under cms/scripts/demo/:
 *
 * - translations/<locale>.json: the locale itself, the site texts and UI labels in that language,
 *   and (for every locale but the source one) the translations of the criteria framework, of the
 *   taxonomy terms and of some practices, all keyed by their stable keys / slugs;
 * - practices.json: the SPRING pages to import (pages/*.txt) and what the page does not say
 *   (summary, country, integration areas, target groups).
 *
 * Read and shape-checked here (pure, no Strapi), written by seed-demo.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface DemoLocale {
  code: string;
  name: string;
  default?: boolean;
}

export interface DemoSite {
  siteName: string;
  tagline: string | null;
  intro: string | null;
  about: string | null;
  partners: string | null;
  privacy: string | null;
  consortium: string | null;
  fundingDisclaimer: string | null;
  privacyPolicyUrl: string | null;
  labels: Record<string, string>;
}

export interface DemoFramework {
  groups: Record<string, string>;
  questions: Record<string, string>;
  items: Record<string, string>;
}

export interface DemoTaxonomy {
  integrationAreas: Record<string, string>;
  targetGroups: Record<string, string>;
}

export interface DemoPracticeTranslation {
  slug: string;
  title: string;
  summary: string;
  /** Question key -> answer body (Markdown). */
  answers: Record<string, string>;
}

export interface DemoTranslation {
  file: string;
  locale: DemoLocale;
  site: DemoSite;
  framework?: DemoFramework;
  taxonomy?: DemoTaxonomy;
  /** By the slug of the practice in the source locale. */
  practices?: Record<string, DemoPracticeTranslation>;
}

export interface DemoPractice {
  /** Relative to the demo folder. */
  file: string;
  /** For a page without a title line. */
  title?: string;
  /** ISO 3166-1 alpha-2, for a page that gives no country. */
  country?: string;
  /** The slug the import derives from the title (checked when seeding). */
  slug: string;
  summary: string;
  integrationAreas: string[];
  targetGroups: string[];
  /** Among the home page's featured practices. */
  featured?: boolean;
  /** Its cover image (relative to the demo folder) and the image's description, which the CMS requires. */
  cover?: { file: string; alternativeText: string };
}

export interface DemoContent {
  dir: string;
  /** The locale the pages are imported in (the default one). */
  sourceLocale: string;
  /** Default locale first. */
  translations: DemoTranslation[];
  practices: DemoPractice[];
}

function fail(file: string, message: string): never {
  throw new Error(`${file}: ${message}`);
}

function isRecordOfStrings(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((entry) => typeof entry === 'string');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    return fail(file, (error as Error).message);
  }
}

function checkTranslation(file: string, raw: unknown): DemoTranslation {
  const data = raw as Partial<DemoTranslation>;
  if (typeof data.locale?.code !== 'string' || typeof data.locale.name !== 'string') fail(file, 'locale.code and locale.name are required');
  if (path.basename(file, '.json') !== data.locale.code) fail(file, `holds locale ${data.locale.code}: name the file ${data.locale.code}.json`);
  if (typeof data.site?.siteName !== 'string' || data.site.siteName.trim() === '') fail(file, 'site.siteName is required');
  if (!isRecordOfStrings(data.site.labels)) fail(file, 'site.labels must map label keys to texts');
  if (data.framework) {
    for (const part of ['groups', 'questions', 'items'] as const) {
      if (!isRecordOfStrings(data.framework[part])) fail(file, `framework.${part} must map keys to texts`);
    }
  }
  if (data.taxonomy) {
    for (const part of ['integrationAreas', 'targetGroups'] as const) {
      if (!isRecordOfStrings(data.taxonomy[part])) fail(file, `taxonomy.${part} must map keys to names`);
    }
  }
  for (const [slug, practice] of Object.entries(data.practices ?? {})) {
    if (typeof practice.title !== 'string' || typeof practice.slug !== 'string' || typeof practice.summary !== 'string' || !isRecordOfStrings(practice.answers)) {
      fail(file, `practices.${slug} needs slug, title, summary and answers`);
    }
  }
  return { ...(data as DemoTranslation), file };
}

function checkPractices(file: string, raw: unknown): { sourceLocale: string; practices: DemoPractice[] } {
  const data = raw as { locale?: unknown; practices?: Partial<DemoPractice>[] };
  if (typeof data.locale !== 'string') fail(file, 'locale is required');
  if (!Array.isArray(data.practices)) fail(file, 'practices must be a list');
  data.practices.forEach((practice, index) => {
    const where = `practices[${index}]`;
    if (typeof practice.file !== 'string' || typeof practice.slug !== 'string' || typeof practice.summary !== 'string') fail(file, `${where} needs file, slug and summary`);
    if (!Array.isArray(practice.integrationAreas) || !Array.isArray(practice.targetGroups)) fail(file, `${where} needs integrationAreas and targetGroups`);
    if (practice.featured !== undefined && typeof practice.featured !== 'boolean') fail(file, `${where}.featured must be true or false`);
    const { cover } = practice;
    if (cover !== undefined && (typeof cover?.file !== 'string' || typeof cover.alternativeText !== 'string' || cover.alternativeText.trim() === '')) {
      fail(file, `${where}.cover needs file and alternativeText (a cover image without a description is refused by the CMS)`);
    }
  });
  return { sourceLocale: data.locale, practices: data.practices as DemoPractice[] };
}

export function loadDemoContent(dir: string): DemoContent {
  const translationsDir = path.join(dir, 'translations');
  const translations = readdirSync(translationsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => checkTranslation(path.join(translationsDir, name), readJson(path.join(translationsDir, name))));
  const defaults = translations.filter((translation) => translation.locale.default === true);
  if (defaults.length !== 1) fail(translationsDir, `exactly one locale must be the default (found ${defaults.length})`);
  translations.sort((a, b) => Number(b.locale.default === true) - Number(a.locale.default === true));

  const practicesFile = path.join(dir, 'practices.json');
  const { sourceLocale, practices } = checkPractices(practicesFile, readJson(practicesFile));
  const defaultCode = defaults[0]!.locale.code;
  if (sourceLocale !== defaultCode) fail(practicesFile, `pages are imported in the default locale (${defaultCode}), not ${sourceLocale}`);
  return { dir, sourceLocale, translations, practices };
}
