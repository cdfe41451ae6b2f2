/**
 * (src/lib/data/page-context.ts's originOf, which every page uses, is this function; that module needs
 * Astro's virtual modules and is exercised by the site's integration tests.)
 *
 * Absolute URLs (canonical, hreflang, sitemap, RSS, robots.txt) use SITE_URL as it is when the
 * page is rendered: at build time when prerendering, at run time on request — so one server
 * image serves any origin, instead of the one baked in by `astro build` (Astro.site).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { siteOrigin } from '../../src/lib/site/origin';

const request = { url: new URL('http://10.0.0.5:4321/en/practices/'), site: new URL('http://built.example:4321') };

describe('site origin', () => {
  const saved = process.env.SITE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = saved;
  });

  it('is SITE_URL of the running process, read on every render, not the build-time site', () => {
    process.env.SITE_URL = 'https://integration.example.eu/';
    expect(siteOrigin(request)).toBe('https://integration.example.eu');
    process.env.SITE_URL = 'https://www.other.example';
    expect(siteOrigin(request)).toBe('https://www.other.example');
  });

  it('falls back to the build-time site, then to the request, when SITE_URL is not set', () => {
    expect(siteOrigin(request, {})).toBe('http://built.example:4321');
    expect(siteOrigin(request, { SITE_URL: '  ' })).toBe('http://built.example:4321');
    expect(siteOrigin({ url: request.url, site: undefined }, {})).toBe('http://10.0.0.5:4321');
  });

  it('keeps only the origin of SITE_URL', () => {
    expect(siteOrigin(request, { SITE_URL: 'https://example.org/some/path?x=1' })).toBe('https://example.org');
  });

  it('refuses a SITE_URL that is not an absolute http(s) URL, naming it', () => {
    for (const value of ['example.org', 'ftp://example.org', 'javascript:alert(1)', '/relative']) {
      expect(() => siteOrigin(request, { SITE_URL: value }), value).toThrow(/SITE_URL/);
    }
  });
});
