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
  errorResponse,
  frameworkResponse,
  localesResponse,
  MAX_PAGE_SIZE,
  practiceListQuery,
  practiceListResponse,
  practiceResponse,
  siteResponse,
  taxonomyResponse,
  toolListResponse,
  toolResponse,
  type FrameworkResponse,
  type Locale,
  type PracticeDetail,
  type PracticeListQueryInput,
  type PracticeListResponse,
  type PracticeSummary,
  type Site,
  type TaxonomyTerm,
  type ToolDetail,
  type ToolSummary,
} from 'strapi-plugin-good-practices/contract';

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
  /** Per-request timeout in milliseconds (default 2000). */
  timeoutMs?: number;
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
  tools(locale: string): Promise<ToolSummary[]>;
  tool(slug: string, locale: string): Promise<ToolDetail | null>;
  /**
   * The DRAFT of a practice by document id, in the public practice shape (preview only). null
   * when it has no entry in that locale (HTTP 404). Throws a CmsError (`http`) when no preview
   * token is configured or the CMS refuses it.
   */
  previewPractice(documentId: string, locale: string): Promise<PracticeDetail | null>;
  /** Absolute URL of a CMS-relative asset path (`/uploads/…`); other URLs unchanged. */
  assetUrl(url: string): string;
}

export const DEFAULT_TIMEOUT_MS = 2000;

export function createCmsClient(options: CmsClientOptions): CmsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
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
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { accept: 'application/json', ...extraHeaders },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      if (isTimeout(error)) throw new CmsError(url, 'timeout', `no answer within ${timeoutMs} ms`, { cause: error });
      throw new CmsError(url, 'unreachable', networkDetail(error), { cause: error });
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

  const client: CmsClient = {
    baseUrl,

    async locales() {
      return (await getJson(urlOf(apiPaths.locales), localesResponse)).data;
    },

    async site(locale) {
      return (await getJson(urlOf(apiPaths.site, { locale }), siteResponse, true))?.data ?? null;
    },

    async framework(locale) {
      return (await getJson(urlOf(apiPaths.framework, { locale }), frameworkResponse, true))?.data ?? null;
    },

    async taxonomy(kind, locale) {
      const path = kind === 'integrationAreas' ? apiPaths.integrationAreas : apiPaths.targetGroups;
      return (await getJson(urlOf(path, { locale }), taxonomyResponse, true))?.data ?? null;
    },

    async practices(query) {
      const checked = practiceListQuery.safeParse(query);
      const url = urlOf(apiPaths.practices, query as Record<string, string | number | undefined>);
      if (!checked.success) {
        throw new CmsError(url, 'invalid-query', checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      }
      return getJson(urlOf(apiPaths.practices, checked.data), practiceListResponse);
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

    async tool(slugValue, locale) {
      return (await getJson(urlOf(apiPaths.tool(slugValue), { locale }), toolResponse, true))?.data ?? null;
    },

    async previewPractice(documentId, locale) {
      const url = urlOf(previewPracticePath(documentId), { locale });
      if (!previewToken) throw new CmsError(url, 'http', 'no preview token configured (SITE_PREVIEW_TOKEN)', { status: 401 });
      return (await getJson(url, practiceResponse, true, { authorization: `Bearer ${previewToken}` }))?.data ?? null;
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

let sharedClient: CmsClient | undefined;
/** The process-wide client, configured from the environment. */
export function cms(): CmsClient {
  sharedClient ??= createCmsClient({ baseUrl: cmsUrlFromEnv(), previewToken: process.env.SITE_PREVIEW_TOKEN });
  return sharedClient;
}
