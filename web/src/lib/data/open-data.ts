/**
 * The open data of a locale: every published practice as the locale's visitors see it, one row
 * each, for `/{locale}/practices.json` (the contract's `openDataResponse`) and
 * `/{locale}/practices.csv` (the same fields, flattened), and the field list the data page
 * describes. Published content only: rows come from the published summaries and details the
 * public API serves (drafts never reach it).
 */
import { DEFAULT_DATA_LICENCE, type OpenDataPractice, type OpenDataResponse } from 'strapi-plugin-good-practices/contract';
import type { Framework } from '../cms/loaders/types';
import { countryName } from '../i18n';
import type { LabelKey } from '../i18n/labels';
import { paths } from '../site/urls';
import { getFramework, getPracticeSummaries, getPracticesWithFacts } from './index';
import type { PageContext } from './page-context';
import { isServerMode } from '../mode';

/** The framework's checklist item keys and group keys, in its order. */
function frameworkColumns(framework: Framework | null): { items: string[]; groups: string[] } {
  const groups = [...(framework?.groups ?? [])].sort((a, b) => a.order - b.order);
  return {
    groups: groups.map((g) => g.key),
    items: groups.flatMap((g) => [...g.questions].sort((a, b) => a.order - b.order).flatMap((q) => [...q.items].sort((a, b) => a.order - b.order).map((i) => i.key))),
  };
}

const latest = (values: (string | null)[]) =>
  values.reduce<string | null>((max, value) => (value && (!max || Date.parse(value) > Date.parse(max)) ? value : max), null);

/** The locale's framework columns (its own framework, else the default locale's). */
async function columnsOf(page: PageContext): Promise<{ items: string[]; groups: string[] }> {
  return frameworkColumns((await getFramework(page.locale.code)) ?? (await getFramework(page.defaultLocale.code)));
}

/** What the data page says about the downloads, without reading every detail: the same `meta` as the JSON's. */
export async function openDataMeta(page: PageContext): Promise<OpenDataResponse['meta']> {
  const columns = await columnsOf(page);
  const summaries = await getPracticeSummaries(page.locale.code);
  return {
    locale: page.locale.code,
    licence: page.site?.data.dataLicence ?? DEFAULT_DATA_LICENCE,
    modified: latest(summaries.map((s) => s.publishedAt ?? s.updatedAt)),
    checklistItems: columns.items,
    groups: columns.groups,
    count: summaries.length,
  };
}

/**
 * A static build renders each locale's open data twice (practices.json and practices.csv) from
 * collections that do not change during the build: computed once per locale and origin (every
 * detail read and the contract check cost seconds at 2,000 practices). On request, every call reads.
 */
const staticOpenData = new Map<string, Promise<OpenDataResponse>>();

export function openDataOf(page: PageContext): Promise<OpenDataResponse> {
  if (isServerMode) return computeOpenData(page);
  const key = `${page.locale.code}|${page.origin}`;
  let data = staticOpenData.get(key);
  if (!data) {
    data = computeOpenData(page);
    staticOpenData.set(key, data);
  }
  return data;
}

async function computeOpenData(page: PageContext): Promise<OpenDataResponse> {
  const { locale, origin, site } = page;
  const columns = await columnsOf(page);
  const rows: OpenDataPractice[] = (await getPracticesWithFacts(locale.code)).map(({ summary, facts }) => {
    const scores = new Map(summary.scores.map((s) => [s.groupKey, s]));
    return {
      id: summary.documentId,
      slug: summary.slug,
      url: new URL(paths.practice(locale.code, summary.slug), origin).href,
      language: summary.locale,
      title: summary.title,
      summary: summary.summary,
      organisation: facts.organisation,
      country: summary.country,
      countryName: summary.country ? countryName(summary.country, locale.code) : null,
      projectStart: summary.projectStart,
      projectEnd: summary.projectEnd,
      validationStatus: facts.validationStatus,
      validationDate: summary.validationDate,
      website: facts.website,
      integrationAreas: summary.integrationAreas,
      targetGroups: summary.targetGroups,
      checklist: Object.fromEntries(columns.items.map((key) => [key, facts.checklist[key] ?? 'not-assessed'])),
      scores: columns.groups.map((key) => scores.get(key) ?? { groupKey: key, met: 0, notMet: 0, notAssessed: 0, total: 0 }),
      publishedAt: summary.publishedAt,
      updatedAt: summary.updatedAt,
    };
  });
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Typed, not parsed again: every value comes from answers the CMS client validated against the
  // contract (summaries, details, framework), and parsing 2,000 rows × 5 locales took ~0.4 s of a
  // static build after every publish. The e2e suite parses the served files with the contract.
  return {
    meta: {
      locale: locale.code,
      licence: site?.data.dataLicence ?? DEFAULT_DATA_LICENCE,
      modified: latest(rows.map((r) => r.publishedAt ?? r.updatedAt)),
      checklistItems: columns.items,
      groups: columns.groups,
      count: rows.length,
    },
    data: rows,
  } satisfies OpenDataResponse;
}

/** The fields of a row, in the CSV's column order, each with the label that describes it on the data page. */
export const openDataFields = [
  ['id', 'data.field.id'],
  ['slug', 'data.field.slug'],
  ['url', 'data.field.url'],
  ['language', 'data.field.language'],
  ['title', 'data.field.title'],
  ['summary', 'data.field.summary'],
  ['organisation', 'data.field.organisation'],
  ['country', 'data.field.country'],
  ['countryName', 'data.field.countryName'],
  ['projectStart', 'data.field.projectStart'],
  ['projectEnd', 'data.field.projectEnd'],
  ['validationStatus', 'data.field.validationStatus'],
  ['validationDate', 'data.field.validationDate'],
  ['website', 'data.field.website'],
  ['integrationAreas', 'data.field.integrationAreas'],
  ['integrationAreaKeys', 'data.field.integrationAreaKeys'],
  ['targetGroups', 'data.field.targetGroups'],
  ['targetGroupKeys', 'data.field.targetGroupKeys'],
  ['publishedAt', 'data.field.publishedAt'],
  ['updatedAt', 'data.field.updatedAt'],
] as const satisfies readonly (readonly [string, LabelKey])[];

/** Score columns of a criteria group (`:` cannot occur in a framework key, so no column name clashes). */
export const scoreColumns = ['met', 'notMet', 'notAssessed', 'total'] as const;
export const scoreColumn = (groupKey: string, part: (typeof scoreColumns)[number]) => `${groupKey}:${part}`;

/** Several names in one cell. */
const LIST_SEPARATOR = '; ';

export function openDataCsvTable(data: OpenDataResponse): { header: string[]; rows: (string | number | null)[][] } {
  const header = [
    ...openDataFields.map(([name]) => name),
    ...data.meta.checklistItems,
    ...data.meta.groups.flatMap((g) => scoreColumns.map((part) => scoreColumn(g, part))),
  ];
  const rows = data.data.map((row) => [
    row.id,
    row.slug,
    row.url,
    row.language,
    row.title,
    row.summary,
    row.organisation,
    row.country,
    row.countryName,
    row.projectStart,
    row.projectEnd,
    row.validationStatus,
    row.validationDate,
    row.website,
    row.integrationAreas.map((t) => t.name).join(LIST_SEPARATOR),
    row.integrationAreas.map((t) => t.key).join(LIST_SEPARATOR),
    row.targetGroups.map((t) => t.name).join(LIST_SEPARATOR),
    row.targetGroups.map((t) => t.key).join(LIST_SEPARATOR),
    row.publishedAt,
    row.updatedAt,
    ...data.meta.checklistItems.map((key) => row.checklist[key] ?? 'not-assessed'),
    ...row.scores.flatMap((s) => scoreColumns.map((part) => s[part])),
  ]);
  return { header, rows };
}
