/**
 * The only code of the site that talks to the CMS.
 *
 * Every answer is validated against the public API contract of the `good-practices` plugin
 * (`strapi-plugin-good-practices/contract`); every failure becomes a {@link CmsError} that names
 * the URL and the cause, so a failed build or a 503 page can say exactly what went wrong.
 *
 * Used by the build-time content collections (`src/content.config.ts`) and by the live
 * collections (`src/live.config.ts`). Pages and components never call `fetch`.
 *
 * Drafts: only {@link CmsClient.previewPractice}, used only by the server-mode preview route
 * (`src/routes/preview-practice.astro`), reads unpublished content, with the site's preview API
 * token (`SITE_PREVIEW_TOKEN`, server-side environment only; never rendered into a page).
 */
import type { z } from 'zod';
import {
  apiPaths,
  detailPageQuery,
  errorResponse,
  frameworkResponse,
  itemSuggestionsResponse,
  type ItemSuggestionsResponse,
  insightsQuery,
  insightsResponse,
  localesResponse,
  MAX_PAGE_SIZE,
  practiceDetailListResponse,
  practiceListQuery,
  practiceListResponse,
  practiceResponse,
  practiceVersionsResponse,
  siteResponse,
  taxonomyResponse,
  toolDetailListResponse,
  toolListResponse,
  toolResponse,
  type DetailPageQueryInput,
  type FrameworkResponse,
  type Insights,
  type InsightsQueryInput,
  type Locale,
  type PracticeDetail,
  type PracticeDetailListResponse,
  type PracticeListQueryInput,
  type PracticeListResponse,
  type PracticeSummary,
  type PracticeVersion,
  type Site,
  type TaxonomyTerm,
  type ToolDetail,
  type ToolDetailListResponse,
  type ToolSummary,
} from 'strapi-plugin-good-practices/contract';
import { statusToken, submissionPaths, submissionStatusResponse, type SubmissionStatusResponse } from 'strapi-plugin-good-practices/contract/submissions';

export type CmsErrorKind = 'unreachable' | 'timeout' | 'http' | 'invalid-json' | 'schema' | 'invalid-query';

/** A failed CMS request: which URL, and why. */
export class CmsError extends Error {
  override readonly name = 'CmsError';
  readonly url: string;
  readonly kind: CmsErrorKind;
  readonly status: number | undefined;

  constructor(url: string, kind: CmsErrorKind, detail: string, options: { status?: number; cause?: unknown } = {}) {
    super(`CMS request failed: GET ${url}: ${describeKind(kind, options.status)}${detail ? ` (${detail})` : ''}`, {
      cause: options.cause,
    });
    this.url = url;
    this.kind = kind;
    this.status = options.status;
  }

  static is(error: unknown): error is CmsError {
    return error instanceof CmsError || (error instanceof Error && error.name === 'CmsError' && 'kind' in error && 'url' in error);
  }
}

function describeKind(kind: CmsErrorKind, status?: number): string {
  switch (kind) {
    case 'unreachable':
      return 'CMS unreachable';
    case 'timeout':
      return 'timed out';
    case 'http':
      return `HTTP ${status ?? '?'}`;
    case 'invalid-json':
      return 'answer is not valid JSON';
    case 'schema':
      return 'answer does not match the API contract';
    case 'invalid-query':
      return 'invalid query';
  }
}

/** Finds a CmsError in an error or its `cause` chain (live collections wrap loader errors). */
export function findCmsError(error: unknown): CmsError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (CmsError.is(current)) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

export interface CmsClientOptions {
  /** Origin of the CMS, e.g. `http://127.0.0.1:1337`. */
  baseUrl: string;
  /**
   * Per-request timeout in milliseconds (default 2000: a visitor is waiting). The static build
   * passes a longer one ({@link buildTimeoutFromEnv}): a build can wait, and a page of 100
   * practice details takes the CMS longer than one practice.
   */
  timeoutMs?: number;
  /**
   * How many times a GET is sent again when the connection is reset before any answer (a
   * kept-alive connection closed by the CMS as it was reused). Default 0: a visitor's page
   * answers from the cache or fails fast; the static build, which makes hundreds of requests
   * and can wait, passes 1.
   */
  resetRetries?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Access key of the CMS's `site-preview` API token (`SITE_PREVIEW_TOKEN`); drafts need it. */
  previewToken?: string;
}

/** The CMS's draft preview API (the plugin's routes/preview.ts); token-only, never public. */
export const previewPracticePath = (documentId: string) => `/api/good-practices/preview/practices/${encodeURIComponent(documentId)}`;

export type TaxonomyKind = 'integrationAreas' | 'targetGroups';

export interface CmsClient {
  readonly baseUrl: string;
  locales(): Promise<Locale[]>;
  /** null when the site single type has no entry in that locale (HTTP 404). */
  site(locale: string): Promise<Site | null>;
  framework(locale: string): Promise<FrameworkResponse['data'] | null>;
  taxonomy(kind: TaxonomyKind, locale: string): Promise<TaxonomyTerm[] | null>;
  practices(query: PracticeListQueryInput): Promise<PracticeListResponse>;
  /** Every published practice summary of a locale (follows the pagination). */
  allPractices(locale: string): Promise<PracticeSummary[]>;
  /** null when no practice has that slug in that locale (HTTP 404). */
  practice(slug: string, locale: string): Promise<PracticeDetail | null>;
  /** One page of the published practice details of a locale (bulk read of the static build). */
  practiceDetails(query: DetailPageQueryInput): Promise<PracticeDetailListResponse>;
  /** Every practice a locale's lists show: the version shown and the digest of its summary (the static build's sync). */
  practiceVersions(locale: string): Promise<PracticeVersion[]>;
  tools(locale: string): Promise<ToolSummary[]>;
  /** How many published practices meet each checklist item (per group, overall), narrowed by country and area. */
  insights(query: InsightsQueryInput): Promise<Insights>;
  tool(slug: string, locale: string): Promise<ToolDetail | null>;
  /** One page of the published tool details of a locale (bulk read of the static build). */
  toolDetails(query: DetailPageQueryInput): Promise<ToolDetailListResponse>;
  /**
   * The DRAFT of a practice by document id, in the public practice shape (preview only). null
   * when it has no entry in that locale (HTTP 404). Throws a CmsError (`http`) when no preview
   * token is configured or the CMS refuses it.
   */
  previewPractice(documentId: string, locale: string): Promise<PracticeDetail | null>;
  /** A proposal's state by its private token (server mode's status page); null for an unknown token. */
  submissionStatus(token: string): Promise<SubmissionStatusResponse['data'] | null>;
  /** Per checklist item, the published practices that meet it, best first (the self-assessment report). */
  itemSuggestions(locale: string): Promise<ItemSuggestionsResponse['data']>;
  /** Absolute URL of a CMS-relative asset path (`/uploads/…`); other URLs unchanged. */
  assetUrl(url: string): string;
}

export const DEFAULT_TIMEOUT_MS = 2000;

export function createCmsClient(options: CmsClientOptions): CmsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const resetRetries = options.resetRetries ?? 0;
  const doFetch = options.fetch ?? globalThis.fetch;
  const previewToken = options.previewToken?.trim() || undefined;

  function urlOf(path: string, params: Record<string, string | number | undefined> = {}): string {
    const url = new URL(baseUrl + path);
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  /**
   * GET a URL and validate its JSON with `schema`. With `allowNotFound`, a 404 that carries
   * Strapi's error envelope resolves to null instead of throwing.
   */
  async function getJson<S extends z.ZodType>(
    url: string,
    schema: S,
    allowNotFound: true,
    extraHeaders?: Record<string, string>,
  ): Promise<z.infer<S> | null>;
  async function getJson<S extends z.ZodType>(url: string, schema: S, allowNotFound?: false): Promise<z.infer<S>>;
  async function getJson<S extends z.ZodType>(
    url: string,
    schema: S,
    allowNotFound = false,
    extraHeaders: Record<string, string> = {},
  ): Promise<z.infer<S> | null> {
    let response: Response | undefined;
    for (let attempt = 0; !response; attempt++) {
      try {
        response = await doFetch(url, {
          headers: { accept: 'application/json', ...extraHeaders },
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        if (isTimeout(error)) throw new CmsError(url, 'timeout', `no answer within ${timeoutMs} ms`, { cause: error });
        // A kept-alive connection the CMS closed just as it was reused: a GET can be sent again.
        if (attempt < resetRetries && isConnectionReset(error)) continue;
        throw new CmsError(url, 'unreachable', networkDetail(error), { cause: error });
      }
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (isTimeout(error)) throw new CmsError(url, 'timeout', `body not complete within ${timeoutMs} ms`, { cause: error });
      throw new CmsError(url, 'unreachable', `reading the body failed: ${networkDetail(error)}`, { cause: error });
    }

    if (response.status === 404 && allowNotFound) {
      // A 404 must be the plugin's error envelope; an HTML 404 (wrong CMS_URL, proxy) is an error.
      const parsed = safeJson(text);
      if (parsed.ok && errorResponse.safeParse(parsed.value).success) return null;
      throw new CmsError(url, 'http', 'the 404 is not the API error envelope (is CMS_URL right?)', { status: 404 });
    }
    if (!response.ok) {
      const parsed = safeJson(text);
      const envelope = parsed.ok ? errorResponse.safeParse(parsed.value) : undefined;
      const detail = envelope?.success ? `${envelope.data.error.name}: ${envelope.data.error.message}` : response.statusText;
      throw new CmsError(url, 'http', detail, { status: response.status });
    }

    const parsed = safeJson(text);
    if (!parsed.ok) {
      throw new CmsError(url, 'invalid-json', `${parsed.error.message}; starts with ${JSON.stringify(text.slice(0, 60))}`, {
        cause: parsed.error,
      });
    }
    const result = schema.safeParse(parsed.value);
    if (!result.success) {
      const issues = result.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
      throw new CmsError(url, 'schema', issues, { cause: result.error });
    }
    return result.data;
  }

  /** Checks a query against the contract before sending it: a bad one is the site's bug, not the CMS's. */
  function checkedUrl<Q extends z.ZodType>(path: string, schema: Q, query: z.input<Q>): string {
    const checked = schema.safeParse(query);
    if (!checked.success) {
      const url = urlOf(path, query as Record<string, string | number | undefined>);
      throw new CmsError(url, 'invalid-query', checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    }
    return urlOf(path, checked.data as Record<string, string | number | undefined>);
  }

  const client: CmsClient = {
    baseUrl,

    async locales() {
      return (await getJson(urlOf(apiPaths.locales), localesResponse)).data;
    },

    async site(locale) {
      return (await getJson(urlOf(apiPaths.site, { locale }), siteResponse, true))?.data ?? null;
    },

    async itemSuggestions(locale) {
      return (await getJson(urlOf(apiPaths.itemSuggestions, { locale }), itemSuggestionsResponse)).data;
    },

    async framework(locale) {
      return (await getJson(urlOf(apiPaths.framework, { locale }), frameworkResponse, true))?.data ?? null;
    },

    async taxonomy(kind, locale) {
      const path = kind === 'integrationAreas' ? apiPaths.integrationAreas : apiPaths.targetGroups;
      return (await getJson(urlOf(path, { locale }), taxonomyResponse, true))?.data ?? null;
    },

    async practices(query) {
      return getJson(checkedUrl(apiPaths.practices, practiceListQuery, query), practiceListResponse);
    },

    async practiceDetails(query) {
      return getJson(checkedUrl(apiPaths.practiceDetails, detailPageQuery, query), practiceDetailListResponse);
    },

    async toolDetails(query) {
      return getJson(checkedUrl(apiPaths.toolDetails, detailPageQuery, query), toolDetailListResponse);
    },

    async practiceVersions(locale) {
      const { data, meta } = await getJson(urlOf(apiPaths.practiceVersions, { locale }), practiceVersionsResponse);
      if (data.length !== meta.total) throw new CmsError(urlOf(apiPaths.practiceVersions, { locale }), 'schema', `announced ${meta.total} practices but listed ${data.length}`);
      return data;
    },

    async allPractices(locale) {
      const all: PracticeSummary[] = [];
      for (let page = 1; ; page++) {
        const { data, meta } = await client.practices({ locale, page, pageSize: MAX_PAGE_SIZE, sort: 'updatedAt:desc' });
        all.push(...data);
        if (page >= meta.pagination.pageCount || data.length === 0) break;
      }
      return all;
    },

    async practice(slugValue, locale) {
      return (await getJson(urlOf(apiPaths.practice(slugValue), { locale }), practiceResponse, true))?.data ?? null;
    },

    async tools(locale) {
      return (await getJson(urlOf(apiPaths.tools, { locale }), toolListResponse)).data;
    },

    async insights(query) {
      return (await getJson(checkedUrl(apiPaths.insights, insightsQuery, query), insightsResponse)).data;
    },

    async tool(slugValue, locale) {
      return (await getJson(urlOf(apiPaths.tool(slugValue), { locale }), toolResponse, true))?.data ?? null;
    },

    async previewPractice(documentId, locale) {
      const url = urlOf(previewPracticePath(documentId), { locale });
      if (!previewToken) throw new CmsError(url, 'http', 'no preview token configured (SITE_PREVIEW_TOKEN)', { status: 401 });
      return (await getJson(url, practiceResponse, true, { authorization: `Bearer ${previewToken}` }))?.data ?? null;
    },

    async submissionStatus(token) {
      // A token that cannot exist is not sent (and cannot alter the path).
      if (!statusToken.safeParse(token).success) return null;
      return (await getJson(urlOf(submissionPaths.status(token)), submissionStatusResponse, true))?.data ?? null;
    },

    assetUrl(url) {
      return url.startsWith('/') && !url.startsWith('//') ? baseUrl + url : url;
    },
  };
  return client;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error.name === 'AbortError' && /timeout/i.test(String(error.message))));
}

function isConnectionReset(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
}

function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return error.message;
}

function safeJson(text: string): { ok: true; value: unknown } | { ok: false; error: Error } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** CMS origin from the environment (`CMS_URL`), default `http://127.0.0.1:1337`. */
export function cmsUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.CMS_URL?.trim() || 'http://127.0.0.1:1337';
}

/**
 * The public URL of the CMS's upload storage when uploads do not live on the CMS itself
 * (`UPLOADS_URL`, e.g. the S3 bucket's public URL that the CMS's `S3_PUBLIC_URL` names): images
 * come from there, so the site's CSP allows it. Unset = uploads are served by the CMS (its local
 * folder). A value that is not an http(s) URL is an error: a typo must not silently block every
 * image.
 */
export function uploadsUrlFromEnv(env: Record<string, string | undefined> = process.env): string | undefined {
  const raw = env.UPLOADS_URL?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`UPLOADS_URL must be an http(s) URL (the public URL of the upload storage), not ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** Default timeout of build-time requests: a page of 100 details on a large, busy CMS. */
export const DEFAULT_BUILD_TIMEOUT_MS = 60_000;

/**
 * Timeout of build-time requests from the environment (`CMS_BUILD_TIMEOUT_MS`, milliseconds),
 * default {@link DEFAULT_BUILD_TIMEOUT_MS}. Anything but a positive integer is an error: a typo
 * must not silently turn into "no timeout".
 */
export function buildTimeoutFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CMS_BUILD_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_BUILD_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`CMS_BUILD_TIMEOUT_MS must be a positive number of milliseconds, not ${JSON.stringify(raw)}`);
  return value;
}

let sharedClient: CmsClient | undefined;
/** The process-wide client of on-request reads, configured from the environment (2 s timeout). */
export function cms(): CmsClient {
  sharedClient ??= createCmsClient({ baseUrl: cmsUrlFromEnv(), previewToken: process.env.SITE_PREVIEW_TOKEN });
  return sharedClient;
}

let buildClient: CmsClient | undefined;
/** The client of the static build's content loaders: same code, the longer build timeout. */
export function buildCms(): CmsClient {
  buildClient ??= createCmsClient({ baseUrl: cmsUrlFromEnv(), timeoutMs: buildTimeoutFromEnv(), resetRetries: 1 });
  return buildClient;
}
