/**
 * The draft preview's pieces that need no CMS: the secret check, and the CMS client's
 * `previewPractice` (Bearer SITE_PREVIEW_TOKEN, only there; 404 envelope → null).
 * The route itself runs against the real CMS in tests/integration/site.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CmsError, createCmsClient } from '../../src/lib/cms/client';
import { isDocumentId, previewSecretMatches, previewUnauthorized } from '../../src/lib/preview';
import { samplePractices } from '../helpers/practice-samples';

describe('preview secret', () => {
  it('lets in only the configured secret', () => {
    expect(previewSecretMatches('s3cret-value', 's3cret-value')).toBe(true);
    expect(previewSecretMatches('s3cret-valuE', 's3cret-value')).toBe(false);
    expect(previewSecretMatches('s3cret', 's3cret-value')).toBe(false);
    expect(previewSecretMatches('', 's3cret-value')).toBe(false);
    expect(previewSecretMatches(null, 's3cret-value')).toBe(false);
  });

  it('lets nobody in when no secret is configured', () => {
    expect(previewSecretMatches('', undefined)).toBe(false);
    expect(previewSecretMatches('', '')).toBe(false);
    expect(previewSecretMatches('   ', '  ')).toBe(false);
  });

  it('answers 401 with no detail, never stored or indexed', async () => {
    const response = previewUnauthorized();
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(await response.text()).not.toMatch(/secret|token/i);
  });

  it('accepts only CMS document ids', () => {
    expect(isDocumentId('k2x9q0abcd1234')).toBe(true);
    expect(isDocumentId('../etc')).toBe(false);
    expect(isDocumentId('')).toBe(false);
    expect(isDocumentId(undefined)).toBe(false);
  });
});

describe('CMS client: previewPractice', () => {
  const practice = samplePractices()[0]!;

  function recording(status: number, body: unknown) {
    const calls: { url: string; headers: Headers }[] = [];
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), headers: new Headers(init?.headers) });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    return { calls, fetch };
  }

  it('sends the preview token to the preview API only', async () => {
    const { calls, fetch } = recording(200, { data: practice });
    const client = createCmsClient({ baseUrl: 'http://cms.test/', fetch, previewToken: 'preview-token-0123456789-abcdefghijkl' });
    expect((await client.previewPractice('abc123', 'ar'))?.title).toBe(practice.title);
    expect(calls[0]!.url).toBe('http://cms.test/api/good-practices/preview/practices/abc123?locale=ar');
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer preview-token-0123456789-abcdefghijkl');

    await client.practice(practice.slug, 'en').catch(() => undefined);
    expect(calls[1]!.headers.get('authorization')).toBeNull();
  });

  it('resolves a missing draft to null, and refuses without a token', async () => {
    const missing = recording(404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
    const client = createCmsClient({ baseUrl: 'http://cms.test', fetch: missing.fetch, previewToken: 'preview-token-0123456789-abcdefghijkl' });
    expect(await client.previewPractice('abc123', 'en')).toBeNull();

    const none = recording(200, { data: practice });
    const untokened = createCmsClient({ baseUrl: 'http://cms.test', fetch: none.fetch });
    await expect(untokened.previewPractice('abc123', 'en')).rejects.toBeInstanceOf(CmsError);
    expect(none.calls).toEqual([]);
  });
});
