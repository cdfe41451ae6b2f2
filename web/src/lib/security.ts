/**
 * Security headers of every response in server mode, and the plain 503 page served when the
 * CMS fails and no last good copy is cached.
 */
import { defaultLabels } from './i18n/labels';
import { directionOf } from './i18n';

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export interface PolicyOptions {
  /**
   * The static site's search (issue 15.1): Pagefind compiles its WebAssembly in the visitor's
   * browser, which `script-src` must allow with `'wasm-unsafe-eval'` (WebAssembly compilation
   * only: JavaScript `eval` stays forbidden, and `'self'` still limits scripts, hence wasm
   * loaders, to the site's own files). Only static hosting needs it: server mode searches
   * through the CMS and keeps the stricter policy. Not narrowed to the list pages and
   * `/pagefind/`: `_headers` hosts merge the policies of overlapping rules by joining them, i.e.
   * enforcing both, so a second rule cannot widen the first (see web/README.md, "Search").
   */
  staticSearch?: boolean;
  /**
   * The static site's status page of a proposal asks the CMS from the browser
   * (lib/submit/client/main.ts), which `connect-src` must allow. Server mode asks on the server.
   */
  statusLookup?: boolean;
  /** The upload storage's public URL when uploads do not live on the CMS (`UPLOADS_URL`). */
  uploadsUrl?: string;
}

/**
 * Content-Security-Policy: no inline script at all (the site ships none), styles from the one
 * stylesheet, images from the site, the CMS (uploads on its local folder) and the upload storage
 * when uploads live elsewhere (`UPLOADS_URL`: an S3 bucket's public URL, README "Several CMS
 * instances"), framing only by the site itself and the CMS admin (preview).
 */
export function contentSecurityPolicy(cmsUrl: string | undefined, options: PolicyOptions = {}): string {
  const cms = originOf(cmsUrl);
  const withCms = (base: string) => (cms ? `${base} ${cms}` : base);
  const imageSources = [...new Set(["'self'", 'data:', cms, originOf(options.uploadsUrl)].filter((source) => source !== undefined))];
  return [
    "default-src 'self'",
    options.staticSearch ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    "style-src 'self'",
    `img-src ${imageSources.join(' ')}`,
    "font-src 'self'",
    options.statusLookup ? withCms("connect-src 'self'") : "connect-src 'self'",
    // The "propose a practice" form posts to the CMS (contract/submissions.ts).
    withCms("form-action 'self'"),
    "base-uri 'self'",
    "object-src 'none'",
    withCms("frame-ancestors 'self'"),
  ].join('; ');
}

export function securityHeaders(cmsUrl: string | undefined, options: PolicyOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(cmsUrl, options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The headers of the last CMS and uploads URLs seen (they come from the environment: one value per process). */
let memo: { cmsUrl: string | undefined; uploadsUrl: string | undefined; entries: [string, string][] } | undefined;

function securityHeaderEntries(cmsUrl: string | undefined, uploadsUrl: string | undefined): [string, string][] {
  if (memo === undefined || memo.cmsUrl !== cmsUrl || memo.uploadsUrl !== uploadsUrl) {
    memo = { cmsUrl, uploadsUrl, entries: Object.entries(securityHeaders(cmsUrl, { uploadsUrl })) };
  }
  return memo.entries;
}

/** A route may choose a stricter Referrer-Policy (the draft preview: no-referrer, its URL carries a token); it is kept. */
const keepsOwn = (response: Response, name: string) => name === 'Referrer-Policy' && response.headers.has(name);

export function applySecurityHeaders(response: Response, cmsUrl: string | undefined, uploadsUrl?: string): Response {
  const entries = securityHeaderEntries(cmsUrl, uploadsUrl);
  for (const [name, value] of entries) {
    if (keepsOwn(response, name)) continue;
    try {
      response.headers.set(name, value);
    } catch {
      // Immutable headers (e.g. a fetched Response): copy into a new Response.
      const copy = new Response(response.body, response);
      for (const [n, v] of entries) if (!keepsOwn(copy, n)) copy.headers.set(n, v);
      return copy;
    }
  }
  return response;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The plain 503 page: no stack trace, no CMS detail, no dependency on the CMS. */
export function unavailablePage(pathname: string, retryAfterSeconds = 30): Response {
  const first = pathname.split('/')[1] ?? '';
  const lang = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(first) ? first : 'en';
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${directionOf(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(defaultLabels['unavailable.title'])}</title></head>
<body><main><h1>${escapeHtml(defaultLabels['unavailable.title'])}</h1><p lang="en" dir="ltr">${escapeHtml(defaultLabels['unavailable.body'])}</p></main></body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(retryAfterSeconds),
      'Cache-Control': 'no-store',
      'x-gp-cms-unavailable': '1',
    },
  });
}
