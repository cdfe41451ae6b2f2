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

  it('is on for the site’s origin, which may frame it', () => {
    const preview = configWith(vars).preview!;
    expect(preview.enabled).toBe(true);
    expect(preview.config.allowedOrigins).toEqual(['https://site.example.org']);
    // The URL itself (a signed token per admin, document and locale; never the secret) is made
    // by the plugin for the requesting admin: see the plugin's tests/integration/preview-link.test.ts.
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
