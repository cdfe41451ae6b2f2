/**
 * The contract of the good-practices public API: what `/api/good-practices/…` returns and which
 * query parameters it accepts. The plugin's controllers validate against these schemas and the
 * web workspace imports them, so the two sides can never drift apart (one source of truth, no
 * hand-copied types).
 *
 * Kept free of Strapi imports: it is loaded by the Strapi server (compiled to CommonJS) and by
 * Astro/vitest (as TypeScript source) alike.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Shared scalars
// ---------------------------------------------------------------------------------------------

/** BCP 47 locale code as Strapi's i18n plugin stores it (`en`, `cs`, `pt-BR`, `ar`). */
export const localeCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'not a locale code');

/** ISO 8601 calendar date (`2019-03-01`). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not an ISO date');

/** ISO 3166-1 alpha-2 country code; names come from Intl.DisplayNames on the reading side. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'not an ISO 3166-1 alpha-2 code');

/** A stable, non-localized key of the criteria framework or of a taxonomy term. */
export const frameworkKey = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'not a framework key');

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a slug');

export const checklistState = z.enum(['met', 'not-met', 'not-assessed']);
export type ChecklistState = z.infer<typeof checklistState>;

export const validationStatus = z.enum(['submitted', 'in-review', 'validated']);
export type ValidationStatus = z.infer<typeof validationStatus>;

export const toolKind = z.enum(['portal', 'case-study', 'guide', 'recommendation', 'report', 'toolkit', 'other']);
export type ToolKind = z.infer<typeof toolKind>;

// ---------------------------------------------------------------------------------------------
// Locales
// ---------------------------------------------------------------------------------------------

export const locale = z.object({
  code: localeCode,
  /** The locale's name as configured in Strapi (e.g. "Czech (cs)"). */
  name: z.string(),
  isDefault: z.boolean(),
  /** Writing direction, derived from the code (Intl.Locale text info) so the site can set <html dir>. */
  dir: z.enum(['ltr', 'rtl']),
  /**
   * Where this locale's visitors see what it lacks, in order (LOCALE_FALLBACKS, then the default
   * locale, then every other locale): a list of locale L holds every published practice and tool,
   * each in the first of [L, …fallbacks] in which it is published, and a translation's missing
   * fields come from the next language of the chain that has them.
   */
  fallbacks: z.array(localeCode),
});
export type Locale = z.infer<typeof locale>;
export const localesResponse = z.object({ data: z.array(locale) });
export type LocalesResponse = z.infer<typeof localesResponse>;

// ---------------------------------------------------------------------------------------------
// Taxonomies, media, tools
// ---------------------------------------------------------------------------------------------

/**
 * A term named as the requested locale's visitors read it: in that language where a translator
 * named it, else in the first language of the locale's chain that did (`locale` says which).
 */
export const taxonomyTerm = z.object({ key: frameworkKey, name: z.string(), locale: localeCode });
export type TaxonomyTerm = z.infer<typeof taxonomyTerm>;
export const taxonomyResponse = z.object({ data: z.array(taxonomyTerm) });
export type TaxonomyResponse = z.infer<typeof taxonomyResponse>;

/** A smaller copy of an uploaded image that the CMS made (Strapi's responsive formats). */
export const imageRendition = z.object({
  url: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ImageRendition = z.infer<typeof imageRendition>;

export const image = z.object({
  url: z.string(),
  /** Required for a practice's cover image (the CMS refuses one without it); may be empty for a decorative logo. */
  alternativeText: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /**
   * The smaller copies, narrowest first, each narrower than the original: the site's image service
   * offers them with the original as a srcset, so that a phone does not load a 2,000 px photo.
   */
  renditions: z.array(imageRendition),
});
export type Image = z.infer<typeof image>;

export const toolSummary = z.object({
  documentId: z.string(),
  slug,
  /** The language the tool is shown in (the tool list of locale L falls back like the practice list). */
  locale: localeCode,
  name: z.string(),
  kind: toolKind,
  /** External link of the tool, if any (http/https). */
  url: z.string().url().nullable(),
  /** Uploaded file of the tool, if any (URL as served by the CMS). */
  fileUrl: z.string().nullable(),
});
export type ToolSummary = z.infer<typeof toolSummary>;

export const toolDetail = toolSummary.extend({
  /** Markdown. */
  description: z.string().nullable(),
  /**
   * Published practices that cite this tool, as the requested locale's lists show them (each in
   * the first language of its chain that has it: `locale`), by title in the locale's collation.
   */
  practices: z.array(z.object({ slug, title: z.string(), locale: localeCode })),
  locales: z.array(z.object({ locale: localeCode, slug })),
});
export type ToolDetail = z.infer<typeof toolDetail>;

export const toolListResponse = z.object({ data: z.array(toolSummary) });
export type ToolListResponse = z.infer<typeof toolListResponse>;
export const toolResponse = z.object({ data: toolDetail });
export type ToolResponse = z.infer<typeof toolResponse>;

// ---------------------------------------------------------------------------------------------
// Criteria framework
// ---------------------------------------------------------------------------------------------

export const frameworkChecklistItem = z.object({ key: frameworkKey, order: z.number().int(), text: z.string() });
export const frameworkQuestion = z.object({
  key: frameworkKey,
  order: z.number().int(),
  text: z.string(),
  items: z.array(frameworkChecklistItem),
});
export const frameworkGroup = z.object({
  key: frameworkKey,
  order: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  questions: z.array(frameworkQuestion),
});
export type FrameworkChecklistItem = z.infer<typeof frameworkChecklistItem>;
export type FrameworkQuestion = z.infer<typeof frameworkQuestion>;
export type FrameworkGroup = z.infer<typeof frameworkGroup>;

export const frameworkResponse = z.object({
  data: z.object({ locale: localeCode, groups: z.array(frameworkGroup) }),
});
export type FrameworkResponse = z.infer<typeof frameworkResponse>;

// ---------------------------------------------------------------------------------------------
// Practices
// ---------------------------------------------------------------------------------------------

/** Counts of a practice's checklist states within one criteria group (drawn as "4 of 4 met"). */
export const groupScore = z.object({
  groupKey: frameworkKey,
  met: z.number().int().nonnegative(),
  notMet: z.number().int().nonnegative(),
  notAssessed: z.number().int().nonnegative(),
  /** Items of the group in the current framework (= met + notMet + notAssessed). */
  total: z.number().int().nonnegative(),
});
export type GroupScore = z.infer<typeof groupScore>;

/**
 * The language of each text field shown from another language than the item's `locale` (a
 * translation lacking it: field-level fallback along the requested locale's chain). Absent = the
 * item's `locale`.
 */
export const fieldLocales = z.object({
  summary: localeCode.optional(),
  organisation: localeCode.optional(),
  contactDetails: localeCode.optional(),
  funding: localeCode.optional(),
  objectives: localeCode.optional(),
  inspiration: localeCode.optional(),
});
export type FieldLocales = z.infer<typeof fieldLocales>;

export const practiceSummary = z.object({
  documentId: z.string(),
  slug,
  /**
   * The language the practice is shown in: the requested locale when published there, else the
   * first language of its fallback chain that has it (lists include every published practice).
   */
  locale: localeCode,
  title: z.string(),
  summary: z.string().nullable(),
  country: countryCode.nullable(),
  projectStart: isoDate.nullable(),
  /** null = open-ended / ongoing. */
  projectEnd: isoDate.nullable(),
  validationDate: isoDate.nullable(),
  integrationAreas: z.array(taxonomyTerm),
  targetGroups: z.array(taxonomyTerm),
  coverImage: image.nullable(),
  /** Chosen by the editors for the home page's featured practices (the same in every language). */
  featured: z.boolean(),
  scores: z.array(groupScore),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  fieldLocales,
});
export type PracticeSummary = z.infer<typeof practiceSummary>;

export const practiceAnswer = z.object({
  /** Markdown; rendered through a sanitizer by the site. */
  body: z.string(),
  /** The answer's language: the practice's `locale`, or the next language of the chain that answers. */
  locale: localeCode,
  tools: z.array(toolSummary),
});
export type PracticeAnswer = z.infer<typeof practiceAnswer>;

export const assessedChecklistItem = frameworkChecklistItem.extend({ state: checklistState });
export type AssessedChecklistItem = z.infer<typeof assessedChecklistItem>;

export const assessedQuestion = z.object({
  key: frameworkKey,
  order: z.number().int(),
  text: z.string(),
  /** null when no language of the chain answers this question. */
  answer: practiceAnswer.nullable(),
  items: z.array(assessedChecklistItem),
});
export type AssessedQuestion = z.infer<typeof assessedQuestion>;

export const assessedGroup = z.object({
  key: frameworkKey,
  order: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  score: groupScore,
  questions: z.array(assessedQuestion),
});
export type AssessedGroup = z.infer<typeof assessedGroup>;

export const practiceDetail = practiceSummary.extend({
  validationStatus: validationStatus.nullable(),
  /** The organisation that runs the practice (plain text). */
  organisation: z.string().nullable(),
  contactDetails: z.string().nullable(),
  website: z.string().url().nullable(),
  funding: z.string().nullable(),
  /** Markdown. */
  objectives: z.string().nullable(),
  /** Markdown. */
  inspiration: z.string().nullable(),
  /** The framework of this locale, in order, with this practice's answers and checklist states. */
  groups: z.array(assessedGroup),
  /** Every locale in which this practice is published, with its slug there (for the language switcher). */
  locales: z.array(z.object({ locale: localeCode, slug })),
});
export type PracticeDetail = z.infer<typeof practiceDetail>;

export const practiceResponse = z.object({ data: practiceDetail });
export type PracticeResponse = z.infer<typeof practiceResponse>;

export const pagination = z.object({
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  pageCount: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type Pagination = z.infer<typeof pagination>;

export const practiceListResponse = z.object({
  data: z.array(practiceSummary),
  meta: z.object({ pagination }),
});
export type PracticeListResponse = z.infer<typeof practiceListResponse>;

/**
 * One practice as a locale's lists show it, for a client that keeps a copy and reads again only
 * what changed (the static build, web/src/lib/cms/loaders/practices-sync.ts): the version shown
 * (its language and slug) and a digest of its summary exactly as the list serves it. A changed
 * digest means the list entry changed (texts, terms, scores, cover image, dates…).
 */
export const practiceVersion = z.object({ documentId: z.string(), locale: localeCode, slug, digest: z.string() });
export type PracticeVersion = z.infer<typeof practiceVersion>;
/** Every published practice of a locale's lists (fallbacks included), in documentId order. */
export const practiceVersionsResponse = z.object({ data: z.array(practiceVersion), meta: z.object({ total: z.number().int().nonnegative() }) });
export type PracticeVersionsResponse = z.infer<typeof practiceVersionsResponse>;

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
export const practiceSorts = ['title:asc', 'title:desc', 'validationDate:desc', 'validationDate:asc', 'updatedAt:desc', 'projectStart:desc'] as const;

/**
 * Query of the practice list. Strict: an unknown parameter is a 400, never silently ignored,
 * so a typo in a filter cannot return an unfiltered list that looks plausible.
 */
export const practiceListQuery = z
  .object({
    locale: localeCode.optional(),
    page: z.coerce.number().int().positive().max(10_000).default(1),
    pageSize: z.coerce.number().int().positive().max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    sort: z.enum(practiceSorts).default('updatedAt:desc'),
    /** Free-text query over title, summary and answers. */
    q: z.string().trim().min(1).max(200).optional(),
    country: countryCode.optional(),
    /** Integration area key. */
    area: frameworkKey.optional(),
    /** Target group key. */
    targetGroup: frameworkKey.optional(),
    /** A criteria group key: only practices meeting every (active) item of that group. Unknown key = 400. */
    groupMet: frameworkKey.optional(),
    /** A checklist item key: only practices meeting that item. Unknown key = 400. */
    itemMet: frameworkKey.optional(),
  })
  .strict();
export type PracticeListQuery = z.infer<typeof practiceListQuery>;
export type PracticeListQueryInput = z.input<typeof practiceListQuery>;

/**
 * Bulk reads for the static build: every published practice (or tool) detail of a locale, page by
 * page, in a stable order (documentId), so a build makes about N/100 requests instead of one per
 * practice. The items are exactly what the single-item endpoints return. Strict like the list.
 */
export const detailPageQuery = z
  .object({
    locale: localeCode.optional(),
    page: z.coerce.number().int().positive().max(10_000).default(1),
    pageSize: z.coerce.number().int().positive().max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type DetailPageQuery = z.infer<typeof detailPageQuery>;
export type DetailPageQueryInput = z.input<typeof detailPageQuery>;

export const practiceDetailListResponse = z.object({ data: z.array(practiceDetail), meta: z.object({ pagination }) });
export type PracticeDetailListResponse = z.infer<typeof practiceDetailListResponse>;
export const toolDetailListResponse = z.object({ data: z.array(toolDetail), meta: z.object({ pagination }) });
export type ToolDetailListResponse = z.infer<typeof toolDetailListResponse>;

/**
 * Query of endpoints that take only a locale (one practice, framework, tools, site, taxonomies).
 *
 * Locale rules of every endpoint (the list's `locale` too):
 * - missing = the default locale;
 * - a code that is not configured in the CMS = 400 ValidationError ("The locale “xx” is not
 *   available. Available locales: …"), like any other bad parameter;
 * - lists (practices, tools) of locale L hold every published item, each in the first language of
 *   L's chain ([L, …Locale.fallbacks]) in which it is published; the item's `locale` says which.
 *   Counts, facets, pagination, `q` (matched against the shown texts) and `sort` (title with
 *   L's collation) are computed over that merged set;
 * - a practice of L (by slug, or in the bulk details) is L's published version, each text field
 *   and answer it lacks taken from the next language of the chain that has it (`fieldLocales`,
 *   `answer.locale` say which);
 * - the framework (and the framework inside a practice) and the taxonomy terms take their
 *   structure from the language they are seeded and maintained in (English, or the default
 *   locale when English is not configured) and use its text where a translation is missing; a
 *   cited tool not published in the requested locale is served in the default locale (its
 *   `locale` field says so). A practice, tool or site not published in the requested locale is a
 *   404 by slug: the site follows the chain to find it.
 * GET /locales takes no parameter at all.
 */
export const localeQuery = z.object({ locale: localeCode.optional() }).strict();
export type LocaleQuery = z.infer<typeof localeQuery>;

// ---------------------------------------------------------------------------------------------
// Item suggestions (the self-assessment report: who to learn from, per checklist item)
// ---------------------------------------------------------------------------------------------

/** At most this many practices are suggested per checklist item. */
export const MAX_SUGGESTIONS_PER_ITEM = 5;

/**
 * A published practice that meets a checklist item, as the requested locale's lists show it
 * (`locale`: the language shown), with its score in the item's criteria group and the inspiring
 * tools it cites in its answer to the item's question (each published, in the first language of
 * the chain that has it).
 */
export const itemSuggestion = z.object({
  slug,
  title: z.string(),
  locale: localeCode,
  score: groupScore,
  tools: z.array(toolSummary),
});
export type ItemSuggestion = z.infer<typeof itemSuggestion>;

/**
 * GET /item-suggestions?locale= (localeQuery): for every active checklist item of the framework,
 * up to MAX_SUGGESTIONS_PER_ITEM published practices that meet it, best in the item's group
 * first: most items met in that group, then most items met in the whole framework, then title
 * (the locale's collation), then documentId. An item no practice meets has an empty array.
 * Published practices only; the same set the locale's list shows (locale fallback included).
 */
export const itemSuggestionsResponse = z.object({
  data: z.object({
    locale: localeCode,
    items: z.record(frameworkKey, z.array(itemSuggestion).max(MAX_SUGGESTIONS_PER_ITEM)),
  }),
});
export type ItemSuggestionsResponse = z.infer<typeof itemSuggestionsResponse>;
// ---------------------------------------------------------------------------------------------
// Insights: how often the published practices meet each checklist item
// ---------------------------------------------------------------------------------------------

/**
 * Query of `GET /insights`: the practices counted are every published practice of the locale's
 * merged list (as the list counts them), narrowed by country and integration area like the list's
 * filters. Strict like the list. A value naming nothing (`area=no-such`, a country without
 * practices) counts no practice; it is not an error.
 */
export const insightsQuery = z
  .object({
    locale: localeCode.optional(),
    country: countryCode.optional(),
    /** Integration area key. */
    area: frameworkKey.optional(),
  })
  .strict();
export type InsightsQuery = z.infer<typeof insightsQuery>;
export type InsightsQueryInput = z.input<typeof insightsQuery>;

/** Practices in each state of one checklist item (met + notMet + notAssessed = the practices counted). */
export const insightsItem = frameworkChecklistItem.extend({
  questionKey: frameworkKey,
  met: z.number().int().nonnegative(),
  notMet: z.number().int().nonnegative(),
  notAssessed: z.number().int().nonnegative(),
});
export type InsightsItem = z.infer<typeof insightsItem>;

export const insightsGroup = z.object({
  key: frameworkKey,
  order: z.number().int(),
  title: z.string(),
  /** Checks met in this group: the sum of its items' `met`, out of `checks` (items × practices). */
  met: z.number().int().nonnegative(),
  checks: z.number().int().nonnegative(),
  /** Practices meeting every item of the group (the list's `groupMet`). */
  fullyMet: z.number().int().nonnegative(),
  items: z.array(insightsItem),
});
export type InsightsGroup = z.infer<typeof insightsGroup>;

/** Published practices per value, over every published practice of the locale (not narrowed by the query). */
export const insightsFacetValue = z.object({ key: z.string(), practices: z.number().int().positive() });

export const insightsResponse = z.object({
  data: z.object({
    locale: localeCode,
    country: countryCode.nullable(),
    area: frameworkKey.nullable(),
    /** Published practices counted (after the filters). */
    practices: z.number().int().nonnegative(),
    /** Over every group: checks met out of checks (active items × practices counted). */
    met: z.number().int().nonnegative(),
    checks: z.number().int().nonnegative(),
    groups: z.array(insightsGroup),
    /** The values the filters can take (countries by ISO code, areas by key), with their practices. */
    countries: z.array(insightsFacetValue.extend({ key: countryCode })),
    areas: z.array(insightsFacetValue.extend({ key: frameworkKey })),
  }),
});
export type InsightsResponse = z.infer<typeof insightsResponse>;
export type Insights = InsightsResponse['data'];

// ---------------------------------------------------------------------------------------------
// Site single type
// ---------------------------------------------------------------------------------------------

export const site = z.object({
  locale: localeCode,
  siteName: z.string(),
  tagline: z.string().nullable(),
  /** The logo of this language's site texts (null: none; the site then shows the default language's, else its own mark). */
  logo: image.nullable(),
  /** Markdown. */
  intro: z.string().nullable(),
  /** Markdown pages of the site. */
  about: z.string().nullable(),
  partners: z.string().nullable(),
  privacy: z.string().nullable(),
  footer: z.object({
    consortium: z.string().nullable(),
    fundingDisclaimer: z.string().nullable(),
    contactEmail: z.string().nullable(),
    privacyPolicyUrl: z.string().nullable(),
  }),
  /** UI labels translated in the CMS; the site falls back to its built-in English defaults per key. */
  labels: z.record(z.string(), z.string()),
  /**
   * The licence of the open data (the site's CSV/JSON downloads and citations): its name and, when
   * known, the address of its text. Defaults to CC BY 4.0 when the editors set none.
   */
  dataLicence: z.object({ name: z.string().min(1), url: z.string().nullable() }),
  updatedAt: z.string(),
});
export type Site = z.infer<typeof site>;

/** The licence of the open data when the site texts set none. */
export const DEFAULT_DATA_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

// ---------------------------------------------------------------------------------------------
// Open data of the site (`/{locale}/practices.json`; the CSV has the same fields, flattened)
// ---------------------------------------------------------------------------------------------

/**
 * One published practice as a locale's visitors see it, for bulk reuse. `language` is the
 * language of its texts (the locale itself, or the fallback language it is shown in there);
 * taxonomy names are in the locale's language where translated (`taxonomyTerm.locale`).
 */
export const openDataPractice = z.object({
  id: z.string(),
  slug,
  url: z.string().url(),
  language: localeCode,
  title: z.string(),
  summary: z.string().nullable(),
  /** The organisation that runs it (in a fallback language where this one lacks it). */
  organisation: z.string().nullable(),
  country: countryCode.nullable(),
  countryName: z.string().nullable(),
  projectStart: isoDate.nullable(),
  projectEnd: isoDate.nullable(),
  validationStatus: validationStatus.nullable(),
  validationDate: isoDate.nullable(),
  website: z.string().nullable(),
  integrationAreas: z.array(taxonomyTerm),
  targetGroups: z.array(taxonomyTerm),
  /** Checklist item key → state, for every item of the current framework. */
  checklist: z.record(frameworkKey, checklistState),
  /** One per criteria group, in the framework's order. */
  scores: z.array(groupScore),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type OpenDataPractice = z.infer<typeof openDataPractice>;

export const openDataResponse = z.object({
  meta: z.object({
    locale: localeCode,
    licence: z.object({ name: z.string(), url: z.string().nullable() }),
    /** The latest publication or update among the rows (ISO 8601), null when there are none. */
    modified: z.string().nullable(),
    /** Checklist item keys in the framework's order (the CSV's checklist columns). */
    checklistItems: z.array(frameworkKey),
    /** Criteria group keys in the framework's order (the CSV's score columns). */
    groups: z.array(frameworkKey),
    count: z.number().int().nonnegative(),
  }),
  data: z.array(openDataPractice),
});
export type OpenDataResponse = z.infer<typeof openDataResponse>;
export const siteResponse = z.object({ data: site });
export type SiteResponse = z.infer<typeof siteResponse>;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Strapi's error envelope, as returned with 400/404 by the plugin's controllers. */
export const errorResponse = z.object({
  data: z.null(),
  error: z.object({
    status: z.number().int(),
    name: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** Paths of the public API, relative to the CMS origin. */
export const apiPaths = {
  locales: '/api/good-practices/locales',
  practices: '/api/good-practices/practices',
  practice: (slugValue: string) => `/api/good-practices/practices/${encodeURIComponent(slugValue)}`,
  framework: '/api/good-practices/framework',
  tools: '/api/good-practices/tools',
  tool: (slugValue: string) => `/api/good-practices/tools/${encodeURIComponent(slugValue)}`,
  /** Bulk details for the static build (detailPageQuery → practiceDetailListResponse). */
  practiceDetails: '/api/good-practices/practice-details',
  /** Bulk details for the static build (detailPageQuery → toolDetailListResponse). */
  toolDetails: '/api/good-practices/tool-details',
  /** What each locale's lists show, one digest per practice (localeQuery → practiceVersionsResponse). */
  practiceVersions: '/api/good-practices/practice-versions',
  integrationAreas: '/api/good-practices/integration-areas',
  targetGroups: '/api/good-practices/target-groups',
  site: '/api/good-practices/site',
  /** OpenAPI 3.1 description of these paths, generated from this contract. */
  openapi: '/api/good-practices/openapi.json',
  /** Per checklist item, the published practices that meet it, best first (localeQuery → itemSuggestionsResponse). */
  itemSuggestions: '/api/good-practices/item-suggestions',
  /** insightsQuery → insightsResponse. */
  insights: '/api/good-practices/insights',
} as const;

// ---------------------------------------------------------------------------------------------
// List semantics (kept in this one file: plain Node loads the contract as TypeScript source, and
// a relative import would need an extension that the CommonJS build cannot take)
// ---------------------------------------------------------------------------------------------

/**
 * What the practice list's `q` and `sort` mean, as part of the contract: the CMS applies these
 * functions to answer `GET /practices`, and the static site applies the very same ones to its
 * build-time collection, so both modes list the same practices in the same order.
 *
 * Done in the application rather than in SQL so that it behaves the same on SQLite and
 * PostgreSQL, reaches into the JSON answers, and follows each language's collation
 * (Intl.Collator) instead of the database's.
 */

/** Case- and accent-insensitive form of a text, for matching. */
export function foldText(value: string, locale: string): string {
  let lower: string;
  try {
    lower = value.toLocaleLowerCase(locale);
  } catch {
    lower = value.toLowerCase();
  }
  return lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Every word of the query must occur in one of the texts (in any order). */
export function matchesQuery(texts: readonly (string | null | undefined)[], query: string, locale: string): boolean {
  const haystack = foldText(texts.filter((value): value is string => typeof value === 'string').join('\n'), locale);
  return foldText(query, locale)
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .every((word) => haystack.includes(word));
}

export interface SortablePractice {
  documentId: string;
  title: string;
  validationDate: string | null;
  updatedAt: string | null;
  projectStart: string | null;
}

type Sort = PracticeListQuery['sort'];

/** Missing dates sort last in both directions: an undated practice is never "the newest". */
function compareDates(a: string | null, b: string | null, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return descending ? (a < b ? 1 : -1) : a < b ? -1 : 1;
}

export function practiceComparator(sort: Sort, locale: string): (a: SortablePractice, b: SortablePractice) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const [field, direction] = sort.split(':') as [keyof SortablePractice, 'asc' | 'desc'];
  const descending = direction === 'desc';
  return (a, b) => {
    const primary =
      field === 'title'
        ? (descending ? -1 : 1) * collator.compare(a.title, b.title)
        : compareDates(a[field] as string | null, b[field] as string | null, descending);
    // A stable tie-break keeps pages from overlapping or skipping entries.
    return primary || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
  };
}
