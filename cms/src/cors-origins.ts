/**
 * The origins allowed to call the CMS from a browser with credentials (cookies, the admin's
 * refresh cookie): the admin's own origin and the site's. Strapi's default reflects any Origin
 * with `Access-Control-Allow-Credentials: true`, which let any web page read a fresh admin token
 * through a logged-in editor's browser.
 *
 * - the origin the request itself was addressed to (the admin is served by this server, so its
 *   pages call it from there; a cross-site page cannot make the two match);
 * - PUBLIC_URL's origin, the CMS's public address behind a proxy;
 * - SITE_URL's origin, the site (its preview iframe is shown in the admin).
 * Any other Origin gets no CORS header at all: the browser keeps the answer from the page.
 */
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

/** The `origin` option of `strapi::cors`: the list for this request (Strapi checks the Origin against it). */
export function corsOrigins(configured: readonly string[]): (ctx: { request: { origin: string } }) => string[] {
  return (ctx) => [...new Set([ctx.request.origin, ...configured])];
}
