/**
 * CORS of the CMS, in two rules:
 *
 * 1. The public read API (`GET`/`HEAD` under /api/good-practices/, and the preflight of such a
 *    read) is open data: any origin may read it, **without** credentials. It needs none (it
 *    answers published content, or whatever an API token in the Authorization header allows, and
 *    a foreign page cannot know a token), and a browser refuses to expose a credentialed answer
 *    that does not carry `Access-Control-Allow-Credentials`.
 * 2. Everything else (the admin API above all) grants CORS, with credentials (cookies, the
 *    admin's refresh cookie), only to:
 *    - the origin the request itself was addressed to (the admin is served by this server, so
 *      its pages call it from there; a cross-site page cannot make the two match);
 *    - PUBLIC_URL's origin, the CMS's public address behind a proxy;
 *    - SITE_URL's origin, the site (its preview iframe is shown in the admin).
 *    Any other Origin gets no CORS header at all. Strapi's default reflected any Origin with
 *    `Access-Control-Allow-Credentials: true`, which let any web page read a fresh admin token
 *    through a logged-in editor's browser.
 */
interface CorsContext {
  method: string;
  path: string;
  request: { origin: string };
  get(header: string): string;
}

const PUBLIC_API_PREFIX = '/api/good-practices/';
const READ_METHODS = new Set(['GET', 'HEAD']);

function originOf(url: string | undefined): string | undefined {
  if (!url?.trim()) return undefined;
  try {
    const origin = new URL(url.trim()).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function configuredOrigins(env: { PUBLIC_URL?: string | undefined; SITE_URL?: string | undefined }): string[] {
  return [originOf(env.PUBLIC_URL), originOf(env.SITE_URL)].filter((origin): origin is string => origin !== undefined);
}

/** A read of the public API, or the browser's preflight before one. */
export function isPublicRead(ctx: CorsContext): boolean {
  if (!ctx.path.startsWith(PUBLIC_API_PREFIX)) return false;
  if (READ_METHODS.has(ctx.method)) return true;
  return ctx.method === 'OPTIONS' && READ_METHODS.has(ctx.get('Access-Control-Request-Method').toUpperCase());
}

/** The `origin` option of `strapi::cors`: the list for this request (Strapi checks the Origin against it). */
export function corsOrigins(configured: readonly string[]): (ctx: CorsContext) => string[] {
  return (ctx) => (isPublicRead(ctx) ? ['*'] : [...new Set([ctx.request.origin, ...configured])]);
}

/** The `credentials` option (@koa/cors takes a function): never for the open public reads. */
export function corsCredentials(ctx: CorsContext): boolean {
  return !isPublicRead(ctx);
}
