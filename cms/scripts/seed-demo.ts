/**
 * Demo content of `npm start` (run by scripts/lib/demo-content.ts in cms/, with the environment,
 * on a database that does not exist yet): boots Strapi in-process (no HTTP) and, through the
 * document service (so the plugin's invariants check every write), everything published:
 *
 * 1. the locales: en (default), cs, es, ar;
 * 2. the criteria framework (5 groups, 12 questions, 40 checklist items) and the taxonomy terms
 *    translated into every other locale (the plugin's bootstrap has seeded them in English);
 * 3. the site texts and UI labels in every locale, and the logo (demo/logo.png) of the default one;
 * 4. the SPRING pages of demo/pages imported as published practices (the plugin's import
 *    service), completed with what the pages do not say: summary, integration areas, target groups,
 *    featured, and a cover image (demo/covers, drawn for the demo) with its description;
 * 5. the practice translations of the data files: both practices in Spanish, the Czech portal
 *    under a Spanish slug of its own (the site redirects its English slug there), MigraCode
 *    under the same name; Czech and Arabic get none, so that the site shows its fallback.
 *
 * Data: demo/translations/<locale>.json and demo/practices.json (see lib/demo-data.ts).
 * Running it again on the same database rewrites the same content (the import is idempotent).
 * On failure, a SQLite database created by this run is removed, so that the next `npm start`
 * seeds again instead of reusing a half-seeded database.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { loadDemoContent, type DemoContent, type DemoPractice, type DemoTranslation } from './lib/demo-data.ts';
import { CMS_DIR, importService, loadStrapi, stopStrapi } from './lib/strapi-app.ts';
import { documents, localesService, UID, type Data, type Entry } from './lib/untyped-documents.ts';

const say = (message: string): void => {
  process.stdout.write(`  ${message}\n`);
};

async function ensureLocales(strapi: Core.Strapi, demo: DemoContent): Promise<void> {
  const locales = localesService(strapi);
  for (const { locale } of demo.translations) {
    if (!(await locales.findByCode(locale.code))) await locales.create({ code: locale.code, name: locale.name });
    if (locale.default) await locales.setDefaultLocale({ code: locale.code });
  }
  say(`locales: ${demo.translations.map(({ locale }) => `${locale.code}${locale.default ? ' (default)' : ''}`).join(', ')}`);
}

/** documentId by key of a keyed type (framework, taxonomy), read in the source locale. */
async function idsByKey(strapi: Core.Strapi, uid: string, locale: string): Promise<Map<string, string>> {
  const rows = await documents(strapi, uid).findMany({ locale, fields: ['key'] });
  return new Map(rows.map((row) => [String(row.key), row.documentId]));
}

/** Writes and publishes one text field of keyed entries in `locale`; every key must exist. */
async function translateKeyed(strapi: Core.Strapi, uid: string, field: string, texts: Record<string, string>, source: string, locale: string): Promise<number> {
  const ids = await idsByKey(strapi, uid, source);
  for (const [key, text] of Object.entries(texts)) {
    const documentId = ids.get(key);
    if (!documentId) throw new Error(`${uid}: no entry with key “${key}” in ${source} to translate into ${locale}`);
    await documents(strapi, uid).update({ documentId, locale, data: { [field]: text } });
    await documents(strapi, uid).publish({ documentId, locale });
  }
  return Object.keys(texts).length;
}

async function translateTerms(strapi: Core.Strapi, demo: DemoContent): Promise<void> {
  for (const translation of demo.translations) {
    const { code } = translation.locale;
    if (translation.framework) {
      const { groups, questions, items } = translation.framework;
      const counts = [
        await translateKeyed(strapi, UID.criteriaGroup, 'title', groups, demo.sourceLocale, code),
        await translateKeyed(strapi, UID.question, 'text', questions, demo.sourceLocale, code),
        await translateKeyed(strapi, UID.checklistItem, 'text', items, demo.sourceLocale, code),
      ];
      say(`framework in ${code}: ${counts[0]} groups, ${counts[1]} questions, ${counts[2]} checklist items`);
    }
    if (translation.taxonomy) {
      const areas = await translateKeyed(strapi, UID.integrationArea, 'name', translation.taxonomy.integrationAreas, demo.sourceLocale, code);
      const groups = await translateKeyed(strapi, UID.targetGroup, 'name', translation.taxonomy.targetGroups, demo.sourceLocale, code);
      say(`taxonomy in ${code}: ${areas} integration areas, ${groups} target groups`);
    }
  }
}

/**
 * An image of the demo folder in the media library, uploaded once under `name`: a second run
 * reuses it. The upload service works on a temporary copy (it may move or remove what it is given).
 */
async function demoImage(strapi: Core.Strapi, demo: DemoContent, file: string, name: string, alternativeText: string): Promise<number> {
  const files = strapi.db.query('plugin::upload.file');
  const existing = (await files.findOne({ where: { name }, select: ['id'] })) as { id: number } | null;
  if (existing) return existing.id;
  const folder = mkdtempSync(path.join(tmpdir(), 'gp-demo-image-'));
  try {
    const filepath = path.join(folder, name);
    copyFileSync(path.join(demo.dir, file), filepath);
    const mimetype = name.endsWith('.png') ? 'image/png' : 'image/jpeg';
    const uploaded = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { name, alternativeText } }, files: { filepath, originalFilename: name, mimetype, size: statSync(filepath).size } })) as { id: number }[];
    const [stored] = uploaded;
    if (!stored) throw new Error(`the demo image ${file} was not uploaded`);
    return stored.id;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The demo's logo: decorative (the site name follows it in the header), so no alternative text. */
const demoLogo = (strapi: Core.Strapi, demo: DemoContent): Promise<number> => demoImage(strapi, demo, 'logo.png', 'good-practices-demo-logo.png', '');

async function writeSite(strapi: Core.Strapi, demo: DemoContent): Promise<void> {
  const sites = documents(strapi, UID.site);
  const logo = await demoLogo(strapi, demo);
  let documentId = (await sites.findFirst({ locale: demo.sourceLocale, fields: ['siteName'] }))?.documentId;
  for (const { locale, site } of demo.translations) {
    // The logo of the default language's site texts; the other languages show it by fallback.
    const data = { ...site, ...(locale.code === demo.sourceLocale ? { logo } : {}) };
    if (documentId) await sites.update({ documentId, locale: locale.code, data });
    else documentId = (await sites.create({ locale: locale.code, data })).documentId;
    await sites.publish({ documentId, locale: locale.code });
  }
  say(`site texts and labels in ${demo.translations.map(({ locale }) => locale.code).join(', ')}`);
}

/** Imports a page as a published practice and adds what the page does not say. */
async function seedPractice(strapi: Core.Strapi, demo: DemoContent, practice: DemoPractice): Promise<void> {
  const file = path.join(demo.dir, practice.file);
  const result = await importService(strapi).importPage(readFileSync(file, 'utf8'), {
    locale: demo.sourceLocale,
    status: 'published',
    title: practice.title,
    country: practice.country,
    fileName: practice.file,
  });
  if (result.slug !== practice.slug) throw new Error(`${practice.file} was imported as “${result.slug}”, the demo data expects “${practice.slug}”`);
  if (!result.documentId) throw new Error(`${practice.file}: the import returned no documentId`);
  const areas = await idsByKey(strapi, UID.integrationArea, demo.sourceLocale);
  const groups = await idsByKey(strapi, UID.targetGroup, demo.sourceLocale);
  const pick = (ids: Map<string, string>, keys: readonly string[], what: string): string[] =>
    keys.map((key) => {
      const documentId = ids.get(key);
      if (!documentId) throw new Error(`${practice.file}: there is no ${what} “${key}”`);
      return documentId;
    });
  const practices = documents(strapi, UID.practice);
  await practices.update({
    documentId: result.documentId,
    locale: demo.sourceLocale,
    data: {
      summary: practice.summary,
      integrationAreas: pick(areas, practice.integrationAreas, 'integration area'),
      targetGroups: pick(groups, practice.targetGroups, 'target group'),
      featured: practice.featured === true,
      coverImage: practice.cover
        ? await demoImage(strapi, demo, practice.cover.file, `good-practices-demo-${path.basename(practice.cover.file)}`, practice.cover.alternativeText)
        : null,
    },
  });
  await practices.publish({ documentId: result.documentId, locale: demo.sourceLocale });
  const warnings = result.report.length;
  say(`practice “${result.title}” (${result.slug}): ${result.action}, ${result.practice.answers.length} answers, ${result.tools.length} tools, ${warnings} import notes`);
}

interface StoredAnswer {
  questionKey: string;
  body: string;
  tools: string[];
}

async function translatePractices(strapi: Core.Strapi, demo: DemoContent, translation: DemoTranslation): Promise<void> {
  const practices = documents(strapi, UID.practice);
  for (const [sourceSlug, text] of Object.entries(translation.practices ?? {})) {
    const source = await practices.findFirst({
      locale: demo.sourceLocale,
      status: 'published',
      filters: { slug: { $eq: sourceSlug } },
      fields: ['answers'],
      populate: { integrationAreas: { fields: ['key'] }, targetGroups: { fields: ['key'] } },
    });
    if (!source) throw new Error(`${translation.file}: no practice “${sourceSlug}” in ${demo.sourceLocale} to translate`);
    const sourceAnswers = (Array.isArray(source.answers) ? source.answers : []) as StoredAnswer[];
    const missing = sourceAnswers.map((answer) => answer.questionKey).filter((key) => !(key in text.answers));
    const extra = Object.keys(text.answers).filter((key) => !sourceAnswers.some((answer) => answer.questionKey === key));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(`${translation.file}: the answers of “${sourceSlug}” do not match the ${demo.sourceLocale} ones (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'})`);
    }
    const related = (value: unknown): string[] => (Array.isArray(value) ? value.map((entry) => String((entry as Entry).documentId)) : []);
    const locale = translation.locale.code;
    await practices.update({
      documentId: source.documentId,
      locale,
      data: {
        title: text.title,
        slug: text.slug,
        summary: text.summary,
        // Same questions and cited tools as the source; the tools show in their own locale or the default one.
        answers: sourceAnswers.map((answer) => ({ questionKey: answer.questionKey, body: text.answers[answer.questionKey], tools: answer.tools })),
        integrationAreas: related(source.integrationAreas),
        targetGroups: related(source.targetGroups),
      },
    });
    await practices.publish({ documentId: source.documentId, locale });
    say(`practice “${sourceSlug}” translated into ${locale} (“${text.title}”, ${sourceAnswers.length} answers)`);
  }
}

async function seed(strapi: Core.Strapi, demo: DemoContent): Promise<void> {
  await ensureLocales(strapi, demo);
  await translateTerms(strapi, demo);
  await writeSite(strapi, demo);
  for (const practice of demo.practices) await seedPractice(strapi, demo, practice);
  for (const translation of demo.translations) await translatePractices(strapi, demo, translation);
}

/**
 * The demo content of `npm start`, written into a Strapi that is already loaded (e.g. the test
 * harness's in-process one, tests/harness/strapi.ts): what running this file does, minus the boot.
 */
export async function seedDemoContent(strapi: Core.Strapi): Promise<void> {
  await seed(strapi, loadDemoContent(path.join(CMS_DIR, 'scripts', 'demo')));
}

/** The SQLite file the configuration points at (as cms/config/database.ts resolves it), if SQLite. */
function sqliteFile(): string | null {
  if ((process.env.DATABASE_CLIENT ?? 'sqlite') !== 'sqlite') return null;
  const filename = process.env.DATABASE_FILENAME ?? '.tmp/data.db';
  return path.isAbsolute(filename) ? filename : path.join(CMS_DIR, filename);
}

async function main(): Promise<number> {
  const demo = loadDemoContent(path.join(CMS_DIR, 'scripts', 'demo'));
  let strapi: Core.Strapi | undefined;
  try {
    strapi = await loadStrapi();
    await seed(strapi, demo);
    return 0;
  } catch (error) {
    process.stderr.write(`Demo content could not be created: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    const details = (error as { details?: unknown }).details;
    if (details) process.stderr.write(`${JSON.stringify(details, null, 2)}\n`);
    return 1;
  } finally {
    await stopStrapi(strapi);
  }
}

/** True when this file is the program Node runs (not when a test or script imports it). */
function runDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(path.resolve(entry));
  } catch {
    return false;
  }
}

if (runDirectly()) {
  const database = sqliteFile();
  const createdHere = database !== null && !existsSync(database);
  main().then(
    (code) => {
      if (code !== 0 && createdHere && database) {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${database}${suffix}`, { force: true });
        process.stderr.write(`Removed the half-seeded database ${path.relative(CMS_DIR, database)}.\n`);
      }
      process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
