/**
 * Synthetic data for the benchmarks: N practices × L locales with realistic text lengths, every
 * criteria question answered in varied ways (some unanswered, short and long Markdown answers,
 * cited tools), assessments using all three checklist states, inspiring tools and taxonomies,
 * the framework and the site texts translated into every locale — all published. Practices are
 * written in the default locale; each other locale translates about half of them
 * (`translatedShare`), and a fifth of those translations are partial (`partialShare`: title,
 * slug, summary and half the answers), as a real database grows: the shape the locale fallback
 * (lists merged along each locale's chain, field-level fallback) is measured on.
 *
 * Everything is written through Strapi's Document Service (the path the import and the admin
 * use), so the plugin's invariants (slug rules, framework keys, assessment propagation to every
 * locale) run on every write. Extra locales are created with the i18n locales service. The data
 * is deterministic for a given seed.
 *
 * On its own (boots the compiled CMS in-process through cms/tests/harness/strapi.ts):
 *
 *   node bench/generate.ts [--practices 2000] [--locales 5] [--database sqlite|postgres] [--keep] [--seed 1] [--concurrency N]
 *
 * PostgreSQL: TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres. With --keep the
 * database is kept and its name printed (reuse it with startStrapi({ databaseName })).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { documents, localesService as i18nLocales, UID, type Data, type Entry } from '../cms/scripts/lib/untyped-documents.ts';
import { createRandom, type Random } from './lib/random.ts';
import { EXTRA_LOCALES, markdown, sentence, text, title } from './lib/text.ts';

export { UID };

export interface GenerateOptions {
  practices: number;
  /** Total number of locales, the default one included. */
  locales: number;
  seed?: number;
  /** Practices written at the same time (default 1: comparable across databases; more does not help on 2 cores). */
  concurrency?: number;
  /** Share of the practices each non-default locale translates (default 0.5). */
  translatedShare?: number;
  /** Share of those translations that are partial: title, slug, summary, half the answers (default 0.2). */
  partialShare?: number;
  log?: (message: string) => void;
}

/** A published practice page: what the read benchmarks request. */
export interface PracticeTarget {
  documentId: string;
  slug: string;
  locale: string;
}

export interface GenerateResult {
  locales: string[];
  defaultLocale: string;
  practices: number;
  /** Practice versions written (documents × locales), each created or updated and then published. */
  practiceVersions: number;
  tools: number;
  toolVersions: number;
  /** Seconds spent writing practices (the insert throughput below). */
  practiceSeconds: number;
  /** Seconds for everything (locales, translations of framework/taxonomies/site, tools, practices). */
  totalSeconds: number;
  practicesPerSecond: number;
  versionsPerSecond: number;
  /** Versions per second over the first and the last tenth of the practices: does writing slow down as the tables grow? */
  versionsPerSecondFirstTenth: number;
  versionsPerSecondLastTenth: number;
  concurrency: number;
  targets: PracticeTarget[];
  /** Filter values that exist in the data (for the list benchmark). */
  facets: { countries: string[]; areas: string[]; targetGroups: string[]; groups: string[]; items: string[] };
}

const COUNTRIES = ['DE', 'IT', 'ES', 'FR', 'GR', 'PL', 'CZ', 'NL', 'SE', 'AT', 'BE', 'PT', 'IE', 'DK', 'FI', 'HU', 'RO', 'BG', 'HR', 'SI'];
const TOOL_KINDS = ['portal', 'case-study', 'guide', 'recommendation', 'report', 'toolkit', 'other'] as const;

/** Locale codes of a run: the default one plus the first `count - 1` extra ones. */
export function localeCodes(defaultLocale: string, count: number): string[] {
  const extra = EXTRA_LOCALES.filter((code) => code !== defaultLocale).slice(0, Math.max(0, count - 1));
  if (extra.length < count - 1) throw new Error(`At most ${EXTRA_LOCALES.length + 1} locales are supported (asked for ${count}).`);
  return [defaultLocale, ...extra];
}

function localeName(code: string): string {
  const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  return `${name} (${code})`;
}

export function slugify(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/**
 * Lets the event loop turn once. On SQLite (better-sqlite3, synchronous) a chain of Document
 * Service writes never leaves the microtask queue, so the whole generation would be one macrotask:
 * the listening HTTP server, timers and Node's setImmediate queue (where N-API finalizers run)
 * would wait for its end. The CMS's statement cache (cms/src/sqlite-statements.ts) is what bounds
 * SQLite's memory; this keeps the rest of the process responsive during a long generation.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `fn` over 0..count-1 with at most `limit` calls in flight, yielding to the event loop after each. */
async function pool(count: number, limit: number, fn: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      await fn(index);
      await yieldToEventLoop();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

interface Framework {
  groups: { key: string; items: string[] }[];
  questions: string[];
  items: string[];
}

async function readFramework(strapi: Core.Strapi, locale: string): Promise<Framework> {
  const rows = await documents(strapi, UID.checklistItem).findMany({
    locale,
    fields: ['key'],
    populate: { question: { fields: ['key'], populate: { group: { fields: ['key'] } } } },
  });
  const questions = (await documents(strapi, UID.question).findMany({ locale, fields: ['key'] })).map((row) => String(row.key));
  const byGroup = new Map<string, string[]>();
  for (const row of rows) {
    const question = row.question as { key?: string; group?: { key?: string } } | null;
    const group = question?.group?.key ?? String(row.key).split('.')[0]!;
    byGroup.set(group, [...(byGroup.get(group) ?? []), String(row.key)]);
  }
  return { groups: [...byGroup].map(([key, items]) => ({ key, items })), questions, items: rows.map((row) => String(row.key)) };
}

async function keyedIds(strapi: Core.Strapi, uid: string, locale: string): Promise<Map<string, string>> {
  const rows = await documents(strapi, uid).findMany({ locale, fields: ['key'] });
  return new Map(rows.map((row) => [String(row.key), row.documentId]));
}

/** Framework, taxonomy and site texts in every extra locale (the plugin seeds them in English). */
async function translateShared(strapi: Core.Strapi, source: string, locales: readonly string[], random: Random): Promise<void> {
  const fields: [string, string, number, number][] = [
    [UID.criteriaGroup, 'title', 15, 40],
    [UID.question, 'text', 60, 160],
    [UID.checklistItem, 'text', 40, 140],
    [UID.integrationArea, 'name', 6, 24],
    [UID.targetGroup, 'name', 6, 24],
  ];
  for (const [uid, field, min, max] of fields) {
    const ids = await keyedIds(strapi, uid, source);
    for (const locale of locales) {
      const existing = new Set((await documents(strapi, uid).findMany({ locale, fields: ['key'] })).map((row) => String(row.key)));
      for (const [key, documentId] of ids) {
        if (existing.has(key)) continue;
        const value = field === 'title' || field === 'name' ? title(random, locale).slice(0, max) : text(random, locale, min, max);
        await documents(strapi, uid).update({ documentId, locale, data: { [field]: value } });
        await documents(strapi, uid).publish({ documentId, locale });
      }
    }
  }
  const sites = documents(strapi, UID.site);
  const site = await sites.findFirst({ locale: source, fields: ['siteName'] });
  for (const locale of locales) {
    const data = {
      siteName: title(random, locale).slice(0, 60),
      tagline: sentence(random, locale, 5, 10),
      intro: markdown(random, locale, 300, 600),
      about: markdown(random, locale, 800, 1500),
      partners: markdown(random, locale, 200, 500),
      privacy: markdown(random, locale, 400, 900),
      consortium: sentence(random, locale, 3, 6),
      fundingDisclaimer: text(random, locale, 200, 300),
      labels: {},
    };
    if (site) {
      await sites.update({ documentId: site.documentId, locale, data });
      await sites.publish({ documentId: site.documentId, locale });
    } else {
      const created = await sites.create({ locale, data });
      await sites.publish({ documentId: created.documentId, locale });
    }
  }
}

async function createTools(strapi: Core.Strapi, count: number, locales: readonly string[], random: Random): Promise<{ ids: string[]; versions: number }> {
  const tools = documents(strapi, UID.tool);
  const [source, ...extra] = locales;
  const ids: string[] = [];
  let versions = 0;
  for (let index = 0; index < count; index += 1) {
    const name = title(random, source!).slice(0, 120);
    const created = await tools.create({
      locale: source,
      status: 'published',
      data: {
        name,
        slug: `${slugify(name) || 'tool'}-${index}`,
        kind: TOOL_KINDS[index % TOOL_KINDS.length],
        url: `https://tools.example.org/${index}`,
        description: markdown(random, source!, 200, 900),
      },
    });
    ids.push(created.documentId);
    versions += 1;
    // About half the tools are translated: the others show in the default locale (the site's fallback).
    for (const locale of extra) {
      if (!random.chance(0.5)) continue;
      const localName = title(random, locale).slice(0, 120);
      await tools.update({
        documentId: created.documentId,
        locale,
        data: { name: localName, slug: `${slugify(localName) || 'tool'}-${index}`, url: `https://tools.example.org/${locale}/${index}`, description: markdown(random, locale, 200, 900) },
      });
      await tools.publish({ documentId: created.documentId, locale });
      versions += 1;
    }
  }
  return { ids, versions };
}

interface PracticePlan {
  country: string;
  assessment: Record<string, string>;
  answered: { questionKey: string; tools: string[]; minChars: number; maxChars: number }[];
  areas: string[];
  groups: string[];
  facts: Data;
}

function planPractice(random: Random, framework: Framework, toolIds: readonly string[], areaIds: readonly string[], groupIds: readonly string[]): PracticePlan {
  // Skewed countries: a few have many practices, as in real collections.
  const country = COUNTRIES[Math.min(COUNTRIES.length - 1, Math.floor(COUNTRIES.length * random.next() ** 2))]!;
  const assessment: Record<string, string> = {};
  const fullGroup = random.chance(0.2) ? random.pick(framework.groups) : undefined;
  for (const item of framework.items) {
    if (fullGroup?.items.includes(item)) {
      assessment[item] = 'met';
      continue;
    }
    const roll = random.next();
    // All three states; some items are simply absent (= not assessed).
    if (roll < 0.45) assessment[item] = 'met';
    else if (roll < 0.7) assessment[item] = 'not-met';
    else if (roll < 0.85) assessment[item] = 'not-assessed';
  }
  const answered = framework.questions
    .filter(() => random.chance(0.85))
    .map((questionKey) => {
      const long = random.chance(0.3);
      return {
        questionKey,
        tools: random.chance(0.35) ? random.sample(toolIds, random.int(1, 3)) : [],
        minChars: long ? 800 : 150,
        maxChars: long ? 2500 : 700,
      };
    });
  const start = random.int(2008, 2023);
  const status = random.pick(['submitted', 'in-review', 'validated', 'validated'] as const);
  const facts: Data = {
    country,
    projectStart: `${start}-${String(random.int(1, 12)).padStart(2, '0')}-01`,
    projectEnd: random.chance(0.4) ? null : `${start + random.int(1, 5)}-${String(random.int(1, 12)).padStart(2, '0')}-28`,
    validationStatus: status,
    ...(status === 'validated' ? { validationDate: `${random.int(2019, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-15` } : {}),
    website: random.chance(0.8) ? `https://practice.example.org/${random.int(1, 1_000_000)}` : null,
  };
  return {
    country,
    assessment,
    answered,
    areas: random.sample(areaIds, random.int(1, 3)),
    groups: random.sample(groupIds, random.int(1, 3)),
    facts,
  };
}

/**
 * A partial translation, as an agency's first XLIFF round leaves it: title, slug, summary and the
 * first half of the answers; the rest comes from the fallback chain, field by field.
 */
function partialData(random: Random, locale: string, plan: PracticePlan, slug: string, practiceTitle: string): Data {
  const answered = plan.answered.slice(0, Math.ceil(plan.answered.length / 2));
  return {
    title: practiceTitle,
    slug,
    summary: text(random, locale, 200, 600),
    answers: answered.map((answer) => ({ questionKey: answer.questionKey, body: markdown(random, locale, answer.minChars, answer.maxChars), tools: answer.tools })),
    integrationAreas: plan.areas,
    targetGroups: plan.groups,
  };
}

/** The localized fields of one version of a practice. */
function localizedData(random: Random, locale: string, plan: PracticePlan, slug: string, practiceTitle: string): Data {
  return {
    title: practiceTitle,
    slug,
    summary: text(random, locale, 200, 600),
    contactDetails: `${title(random, locale).slice(0, 40)}\ncontact-${random.int(1, 99999)}@example.org\n+49 30 ${random.int(1000000, 9999999)}`,
    funding: text(random, locale, 60, 250),
    objectives: markdown(random, locale, 500, 1500),
    inspiration: random.chance(0.7) ? markdown(random, locale, 200, 800) : null,
    answers: plan.answered.map((answer) => ({ questionKey: answer.questionKey, body: markdown(random, locale, answer.minChars, answer.maxChars), tools: answer.tools })),
    integrationAreas: plan.areas,
    targetGroups: plan.groups,
  };
}

export async function generate(strapi: Core.Strapi, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? ((message: string) => process.stdout.write(`  ${message}\n`));
  const seed = options.seed ?? 1;
  const started = performance.now();
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const translatedShare = options.translatedShare ?? 0.5;
  const partialShare = options.partialShare ?? 0.2;

  const localesService = i18nLocales(strapi);
  const defaultLocale = (await localesService.getDefaultLocale()) || 'en';
  const locales = localeCodes(defaultLocale, options.locales);
  const extra = locales.slice(1);
  for (const code of extra) {
    if (!(await localesService.findByCode(code))) await localesService.create({ code, name: localeName(code) });
  }

  const shared = createRandom(seed);
  await translateShared(strapi, defaultLocale, extra, shared);
  const framework = await readFramework(strapi, defaultLocale);
  if (framework.items.length === 0) throw new Error('The criteria framework is not seeded (the plugin bootstrap should have done it).');
  const areaIds = [...(await keyedIds(strapi, UID.integrationArea, defaultLocale)).values()];
  const groupIds = [...(await keyedIds(strapi, UID.targetGroup, defaultLocale)).values()];
  const toolCount = Math.max(8, Math.ceil(options.practices / 25));
  const tools = await createTools(strapi, toolCount, locales, shared);
  log(`${locales.length} locales (${locales.join(', ')}), framework and taxonomies translated, ${tools.ids.length} tools (${tools.versions} versions)`);

  const practices = documents(strapi, UID.practice);
  const targets: PracticeTarget[] = [];
  const countries = new Set<string>();
  let done = 0;
  let versions = 0;
  let lastReport = performance.now();
  const practiceStarted = performance.now();
  const tenth = Math.max(1, Math.floor(options.practices / 10));
  const marks: { done: number; versions: number; at: number }[] = [];

  await pool(options.practices, concurrency, async (index) => {
    // One generator per practice: the data does not depend on the write order.
    const random = createRandom(seed * 1_000_003 + index + 1);
    const plan = planPractice(random, framework, tools.ids, areaIds, groupIds);
    countries.add(plan.country);
    const baseTitle = title(random, defaultLocale).slice(0, 200);
    const baseSlug = `${slugify(baseTitle) || 'practice'}-${index}`;
    const created = await practices.create({
      locale: defaultLocale,
      status: 'published',
      data: { ...localizedData(random, defaultLocale, plan, baseSlug, baseTitle), ...plan.facts, assessment: plan.assessment },
    });
    const written: PracticeTarget[] = [{ documentId: created.documentId, slug: baseSlug, locale: defaultLocale }];
    for (const locale of extra) {
      // Drawn for every locale, translated or not, so a share changes only what it decides.
      const translated = random.chance(translatedShare);
      const partial = random.chance(partialShare);
      if (!translated) continue;
      const localTitle = title(random, locale).slice(0, 200);
      // Half the translations keep the default locale's slug, the others have their own.
      const localSlug = random.chance(0.5) ? baseSlug : `${slugify(localTitle) || locale}-${index}`;
      const data = partial ? partialData(random, locale, plan, localSlug, localTitle) : localizedData(random, locale, plan, localSlug, localTitle);
      await practices.update({ documentId: created.documentId, locale, data });
      await practices.publish({ documentId: created.documentId, locale });
      written.push({ documentId: created.documentId, slug: localSlug, locale });
    }
    targets.push(...written);
    done += 1;
    versions += written.length;
    const now = performance.now();
    if (done === tenth || done === options.practices - tenth || done === options.practices) marks.push({ done, versions, at: now });
    if (now - lastReport > 5000 || done === options.practices) {
      lastReport = now;
      const seconds = (now - practiceStarted) / 1000;
      log(`${done}/${options.practices} practices (${versions} versions) in ${seconds.toFixed(0)} s: ${(done / seconds).toFixed(1)} practices/s, ${(versions / seconds).toFixed(1)} versions/s`);
    }
  });

  const practiceSeconds = (performance.now() - practiceStarted) / 1000;
  const rate = (from: { versions: number; at: number }, to: { versions: number; at: number }): number => ((to.versions - from.versions) * 1000) / Math.max(1, to.at - from.at);
  const first = marks[0];
  const [beforeLast, last] = marks.length >= 3 ? [marks[1]!, marks[2]!] : [marks[0], marks.at(-1)];
  return {
    locales,
    defaultLocale,
    practices: options.practices,
    practiceVersions: versions,
    tools: tools.ids.length,
    toolVersions: tools.versions,
    practiceSeconds,
    totalSeconds: (performance.now() - started) / 1000,
    practicesPerSecond: options.practices / practiceSeconds,
    versionsPerSecond: versions / practiceSeconds,
    versionsPerSecondFirstTenth: first ? rate({ versions: 0, at: practiceStarted }, first) : Number.NaN,
    versionsPerSecondLastTenth: beforeLast && last && last !== beforeLast ? rate(beforeLast, last) : versions / practiceSeconds,
    concurrency,
    targets: targets.sort((a, b) => a.locale.localeCompare(b.locale) || a.slug.localeCompare(b.slug)),
    facets: {
      countries: [...countries].sort(),
      areas: [...(await keyedIds(strapi, UID.integrationArea, defaultLocale)).keys()],
      targetGroups: [...(await keyedIds(strapi, UID.targetGroup, defaultLocale)).keys()],
      groups: framework.groups.map((group) => group.key),
      items: framework.items,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

export const GENERATE_USAGE =
  'usage: node bench/generate.ts [--practices 2000] [--locales 5] [--database sqlite|postgres] [--keep] [--seed 1] [--concurrency N]';

export interface GenerateCliArgs {
  practices: number;
  locales: number;
  database: 'sqlite' | 'postgres';
  keep: boolean;
  seed: number;
  concurrency?: number;
}

export function parseGenerateArgs(argv: readonly string[]): GenerateCliArgs {
  const args: GenerateCliArgs = { practices: 2000, locales: 5, database: 'sqlite', keep: false, seed: 1 };
  const number = (flag: string, value: string | undefined, min: number): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new Error(`${flag} needs an integer ≥ ${min}\n${GENERATE_USAGE}`);
    return parsed;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    switch (flag) {
      case '--practices':
        args.practices = number(flag, value, 1);
        index += 1;
        break;
      case '--locales':
        args.locales = number(flag, value, 1);
        index += 1;
        break;
      case '--seed':
        args.seed = number(flag, value, 0);
        index += 1;
        break;
      case '--concurrency':
        args.concurrency = number(flag, value, 1);
        index += 1;
        break;
      case '--database':
        if (value !== 'sqlite' && value !== 'postgres') throw new Error(`--database is sqlite or postgres\n${GENERATE_USAGE}`);
        args.database = value;
        index += 1;
        break;
      case '--keep':
        args.keep = true;
        break;
      default:
        throw new Error(`unknown argument ${flag}\n${GENERATE_USAGE}`);
    }
  }
  return args;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function main(argv: readonly string[]): Promise<number> {
  let args: GenerateCliArgs;
  try {
    args = parseGenerateArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (args.database === 'postgres') process.env.TEST_DATABASE_URL ??= DEFAULT_POSTGRES_URL;
  const { startStrapi } = await import('../cms/tests/harness/strapi.ts');
  const started = performance.now();
  process.stdout.write(`▸ Booting the CMS on a fresh ${args.database} database…\n`);
  const app = await startStrapi({ database: args.database, keepDatabase: args.keep });
  app.strapi.log.level = 'warn';
  process.stdout.write(`✓ CMS up at ${app.url} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  try {
    process.stdout.write(`▸ Generating ${args.practices} practices × ${args.locales} locales…\n`);
    const result = await generate(app.strapi, { practices: args.practices, locales: args.locales, seed: args.seed, concurrency: args.concurrency });
    process.stdout.write(
      `✓ ${result.practices} practices, ${result.practiceVersions} published versions in ${result.practiceSeconds.toFixed(1)} s ` +
        `(insert throughput ${result.practicesPerSecond.toFixed(2)} practices/s, ${result.versionsPerSecond.toFixed(2)} versions/s, concurrency ${result.concurrency}; ` +
        `${result.totalSeconds.toFixed(1)} s with locales, translations and tools)\n`,
    );
  } finally {
    await app.stop();
  }
  if (args.keep) {
    const name = app.database === 'sqlite' ? path.relative(path.resolve(fileURLToPath(import.meta.url), '..', '..', 'cms'), app.databaseName) : app.databaseName;
    process.stdout.write(`Kept the ${app.database} database: ${name} (startStrapi({ database: '${app.database}', databaseName: '${name}' }))\n`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
