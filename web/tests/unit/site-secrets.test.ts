import { describe, expect, it } from 'vitest';
import { assertSiteSecrets, shortSiteSecrets } from '../../src/server/secrets';

const long = 'x'.repeat(32);

describe('site secrets in production', () => {
  it('refuses a webhook or preview secret shorter than 32 bytes, naming it without its value', () => {
    const env = { NODE_ENV: 'production', REVALIDATE_SECRET: 'short-secret', PREVIEW_SECRET: long };
    expect(shortSiteSecrets(env)).toEqual(['REVALIDATE_SECRET']);
    expect(() => assertSiteSecrets(env)).toThrow(/at least 32 bytes in production: REVALIDATE_SECRET\./);
    expect(() => assertSiteSecrets(env)).not.toThrow(/short-secret/);
    expect(shortSiteSecrets({ NODE_ENV: 'production', PREVIEW_SECRET: 'é'.repeat(15) })).toEqual(['PREVIEW_SECRET']);
  });

  it('counts bytes, accepts absent secrets, and leaves development alone', () => {
    expect(shortSiteSecrets({ NODE_ENV: 'production', REVALIDATE_SECRET: 'é'.repeat(16), PREVIEW_SECRET: '' })).toEqual([]);
    expect(shortSiteSecrets({ NODE_ENV: 'production' })).toEqual([]);
    expect(shortSiteSecrets({ NODE_ENV: 'development', REVALIDATE_SECRET: 'short' })).toEqual([]);
    expect(() => assertSiteSecrets({ NODE_ENV: 'production', REVALIDATE_SECRET: long, PREVIEW_SECRET: long })).not.toThrow();
  });
});
