import { describe, expect, it } from 'vitest';
import adminConfig from '../../config/admin.ts';

const UID = 'plugin::good-practices.practice';

/** The config function as Strapi calls it, with `env()` reading the given variables only. */
function configWith(vars: Record<string, string>) {
  const env = (key: string, fallback?: unknown) => vars[key] ?? fallback;
  return adminConfig({ env } as unknown as Parameters<typeof adminConfig>[0]);
}

describe('Strapi Preview config (config/admin.ts)', () => {
  const vars = { SITE_URL: 'https://site.example.org/', PREVIEW_SECRET: 'pr3view+secret/with=base64' };

  it('points a practice at the site preview route with locale and secret', async () => {
    const preview = configWith(vars).preview!;
    expect(preview.enabled).toBe(true);
    expect(preview.config.allowedOrigins).toEqual(['https://site.example.org']);
    const url = await preview.config.handler(UID, { documentId: 'abc123', locale: 'ar', status: 'draft' });
    expect(url).toBe(`https://site.example.org/preview/practices/abc123?locale=ar&secret=${encodeURIComponent(vars.PREVIEW_SECRET)}`);
    const parsed = new URL(url!);
    expect(parsed.origin).toBe('https://site.example.org');
    expect(parsed.pathname).toBe('/preview/practices/abc123');
    expect(parsed.searchParams.get('locale')).toBe('ar');
    expect(parsed.searchParams.get('secret')).toBe(vars.PREVIEW_SECRET);
  });

  it('has no preview for other content types', async () => {
    const preview = configWith(vars).preview!;
    expect(await preview.config.handler('plugin::good-practices.tool', { documentId: 'abc123', locale: 'en' })).toBeNull();
    expect(await preview.config.handler('plugin::users-permissions.user', { documentId: 'abc123' })).toBeNull();
  });

  it('is off without SITE_URL or PREVIEW_SECRET', async () => {
    for (const missing of ['SITE_URL', 'PREVIEW_SECRET'] as const) {
      const { [missing]: _dropped, ...rest } = vars;
      const preview = configWith(rest).preview!;
      expect(preview.enabled, missing).toBe(false);
      expect(await preview.config.handler(UID, { documentId: 'abc123', locale: 'en' }), missing).toBeNull();
    }
  });
});
