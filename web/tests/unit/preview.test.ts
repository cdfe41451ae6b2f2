/**
 * The draft preview's pieces that need no CMS: the token check, the refusals, and the CMS
 * client's `previewPractice` (Bearer SITE_PREVIEW_TOKEN, only there; 404 envelope → null).
 * The route itself runs against the real CMS in tests/integration/site.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { signPreviewToken } from 'strapi-plugin-good-practices/contract/preview-token';
import { CmsError, createCmsClient } from '../../src/lib/cms/client';
import { checkPreviewToken, isDocumentId, previewRefused } from '../../src/lib/preview';
import { samplePractices } from '../helpers/practice-samples';

const KEY = 's3cret-signing-key';
const target = { documentId: 'abc123', locale: 'cs' };
const urlWith = (token: string | undefined) => new URL(`https://site.test/preview/practices/abc123?locale=cs${token === undefined ? '' : `&token=${encodeURIComponent(token)}`}`);

describe('preview token', () => {
  it('opens the one document and locale it was signed for, for ten minutes', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    const token = signPreviewToken(KEY, target, { now });
    expect(checkPreviewToken(urlWith(token), target, KEY, now + 1_000).ok).toBe(true);
    expect(checkPreviewToken(urlWith(token), target, KEY, now + 599_000).ok).toBe(true);
    expect(checkPreviewToken(urlWith(token), target, KEY, now + 600_000)).toEqual({ ok: false, reason: 'expired' });
    expect(checkPreviewToken(urlWith(token), { ...target, documentId: 'abc124' }, KEY, now)).toEqual({ ok: false, reason: 'other-document' });
    expect(checkPreviewToken(urlWith(token), { ...target, locale: 'de' }, KEY, now)).toEqual({ ok: false, reason: 'other-locale' });
    // Longer lifetimes are capped when signing.
    const capped = signPreviewToken(KEY, target, { now, lifetimeSeconds: 3_600 });
    expect(checkPreviewToken(urlWith(capped), target, KEY, now + 600_000).ok).toBe(false);
  });

  it('refuses what the CMS did not sign: no token, another key, a changed claim or signature, the old secret', () => {
    const token = signPreviewToken(KEY, target);
    const [version, claims, signature] = token.split('.') as [string, string, string];
    const otherClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), doc: 'xyz789' })).toString('base64url');
    // The first character: its 6 bits are all signature bits (the last one's low bits are padding).
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    for (const given of [undefined, '', 'v1..', KEY, `${version}.${otherClaims}.${signature}`, `${version}.${claims}.${flipped}`, `${version}.${claims}.${signature.slice(0, 10)}`, `v2.${claims}.${signature}`, 'x'.repeat(5_000)]) {
      const check = checkPreviewToken(urlWith(given), target, KEY);
      expect(check.ok, String(given).slice(0, 40)).toBe(false);
      expect(['malformed', 'forged'], String(given).slice(0, 40)).toContain(check.ok ? 'ok' : check.reason);
    }
    expect(checkPreviewToken(urlWith(signPreviewToken('another-key', target)), target, KEY)).toEqual({ ok: false, reason: 'forged' });
  });

  it('lets nobody in when no signing key is configured', () => {
    const token = signPreviewToken(KEY, target);
    for (const key of [undefined, null, '', '   ']) expect(checkPreviewToken(urlWith(token), target, key)).toEqual({ ok: false, reason: 'no-key' });
  });

  it('answers 401 or 403 with no detail of the draft or the token, never stored, indexed or referred', async () => {
    for (const [reason, status] of [['malformed', 401], ['forged', 401], ['no-key', 401], ['expired', 401], ['other-document', 403], ['other-locale', 403]] as const) {
      const response = previewRefused({ ok: false, reason });
      expect(response.status, reason).toBe(status);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-robots-tag')).toBe('noindex');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await response.text()).not.toMatch(/secret|abc123/i);
    }
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
