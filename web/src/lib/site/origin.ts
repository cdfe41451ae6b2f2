/**
 * The site's public origin for absolute URLs (canonical, hreflang, sitemap, RSS, robots.txt).
 *
 * SITE_URL is read when a page is rendered: at build time when prerendering, and at run time on
 * request — Astro's `site` (Astro.site) is fixed by `astro build`, which would tie a server image
 * to the origin it was built for. Without SITE_URL: the build's `site`, then the request's own
 * URL. Plain Node code: no Astro module, so it is testable on its own.
 */
export interface OriginContext {
  url: URL;
  site: URL | undefined;
}

/** The origin of SITE_URL, or undefined when unset; an unusable value is a configuration error. */
export function siteUrlOrigin(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env.SITE_URL?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL must be the site's absolute http(s) URL, e.g. https://example.org, not ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL must be the site's absolute http(s) URL, e.g. https://example.org, not ${JSON.stringify(value)}`);
  }
  return url.origin;
}

export function siteOrigin(context: OriginContext, env: Record<string, string | undefined> = process.env): string {
  return siteUrlOrigin(env) ?? (context.site ?? context.url).origin;
}
