/**
 * Strapi's Preview asks GET /content-manager/preview/url/:uid for the URL of the site's preview,
 * as the signed-in admin (cms/config/admin.ts → the plugin's `preview-link` service). Over real
 * HTTP, with roles made over the admin API and real logins:
 *
 * - an admin who may read the draft gets the site's URL with a token for that document and
 *   locale only, valid 10 minutes, fresh on each request — never PREVIEW_SECRET;
 * - an admin who may not read it (no permission, or not in that locale) gets no URL (204);
 * - no admin, no URL (401).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_TOKEN_LIFETIME_SECONDS, verifyPreviewToken } from '../../contract/preview-token';
import { loginWithCustomRole } from '../support/custom-role';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, documents, PRACTICE, uniqueSlug, type WrittenDocument } from '../support/practices';
import { type AdminSession, loginAsSuperAdmin } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

const SITE_URL = 'https://site.example.org';
const PREVIEW_SECRET = 'preview-link+test/secret=signing-key';
const READ = 'plugin::content-manager.explorer.read';

let app: RunningStrapi;
let superAdmin: AdminSession;
let draft: WrittenDocument;

const previewUrlPath = (documentId: string, locale?: string) =>
  `/content-manager/preview/url/${PRACTICE}?documentId=${documentId}${locale ? `&locale=${locale}` : ''}&status=draft`;

async function previewUrl(session: AdminSession, documentId: string, locale?: string): Promise<{ status: number; url: string | undefined }> {
  const response = await session.json('GET', previewUrlPath(documentId, locale));
  return { status: response.status, url: (response.body as { data?: { url?: string } } | null)?.data?.url };
}

beforeAll(async () => {
  app = await bootStrapi({ env: { SITE_URL, PREVIEW_SECRET } });
  await ensureLocales(app.strapi, ['cs']);
  superAdmin = await loginAsSuperAdmin(app.strapi, app.url);
  draft = await createPractice(app.strapi, { title: 'Draft to preview' }, { status: 'draft' });
  await documents(app.strapi, PRACTICE).update({ documentId: draft.documentId, locale: 'cs', data: { title: 'Koncept', slug: uniqueSlug('koncept') } });
});

afterAll(async () => {
  await app?.stop();
});

describe('the preview URL', () => {
  it('points an admin who may read the draft at the site, with a token for that document and locale, never the secret', async () => {
    const askedAt = Math.floor(Date.now() / 1000);
    const { status, url } = await previewUrl(superAdmin, draft.documentId, 'cs');
    const answeredAt = Math.ceil(Date.now() / 1000);
    expect(status).toBe(200);
    expect(url).toBeDefined();
    const parsed = new URL(url!);
    expect(parsed.origin).toBe(SITE_URL);
    expect(parsed.pathname).toBe(`/preview/practices/${draft.documentId}`);
    expect([...parsed.searchParams.keys()].sort()).toEqual(['locale', 'token']);
    expect(parsed.searchParams.get('locale')).toBe('cs');
    expect(url).not.toContain(PREVIEW_SECRET);
    expect(url).not.toContain(encodeURIComponent(PREVIEW_SECRET));

    const token = parsed.searchParams.get('token')!;
    const check = verifyPreviewToken(PREVIEW_SECRET, token, { documentId: draft.documentId, locale: 'cs' });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.claims.exp - check.claims.iat).toBeLessThanOrEqual(PREVIEW_TOKEN_LIFETIME_SECONDS);
    // Issued for this request: between asking and the answer, however long that took.
    expect(check.claims.iat).toBeGreaterThanOrEqual(askedAt);
    expect(check.claims.iat).toBeLessThanOrEqual(answeredAt);
    // For that document and locale only, for ten minutes only, and only with the right key.
    expect(verifyPreviewToken(PREVIEW_SECRET, token, { documentId: 'anotherdocument', locale: 'cs' })).toEqual({ ok: false, reason: 'other-document' });
    expect(verifyPreviewToken(PREVIEW_SECRET, token, { documentId: draft.documentId, locale: 'en' })).toEqual({ ok: false, reason: 'other-locale' });
    expect(verifyPreviewToken(PREVIEW_SECRET, token, { documentId: draft.documentId, locale: 'cs' }, check.claims.exp * 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyPreviewToken(`${PREVIEW_SECRET}x`, token, { documentId: draft.documentId, locale: 'cs' })).toEqual({ ok: false, reason: 'forged' });
  });

  it('is fresh each time the panel asks, and in the default locale when none is given', async () => {
    const first = await previewUrl(superAdmin, draft.documentId, 'cs');
    const second = await previewUrl(superAdmin, draft.documentId, 'cs');
    expect(new URL(first.url!).searchParams.get('token')).not.toBe(new URL(second.url!).searchParams.get('token'));
    const unlocalized = await previewUrl(superAdmin, draft.documentId);
    expect(new URL(unlocalized.url!).searchParams.get('locale')).toBe('en');
  });

  it('is not given to an admin whose role has no permission', async () => {
    const nobody = await loginWithCustomRole(app.url, superAdmin, []);
    for (const locale of ['en', 'cs']) {
      const { status, url } = await previewUrl(nobody, draft.documentId, locale);
      expect(status, locale).toBe(204);
      expect(url, locale).toBeUndefined();
    }
  });

  it('is given only in the locales the admin may read', async () => {
    const englishReader = await loginWithCustomRole(app.url, superAdmin, [{ action: READ, subject: PRACTICE, properties: { locales: ['en'] } }]);
    expect((await previewUrl(englishReader, draft.documentId, 'en')).status).toBe(200);
    const czech = await previewUrl(englishReader, draft.documentId, 'cs');
    expect(czech.status).toBe(204);
    expect(czech.url).toBeUndefined();
  });

  it('is not given for an unknown document or locale, nor without a signed-in admin', async () => {
    expect((await previewUrl(superAdmin, 'nosuchdocument0', 'en')).status).toBe(204);
    expect((await previewUrl(superAdmin, draft.documentId, 'fr')).status).toBe(204);
    expect((await getJson(`${app.url}${previewUrlPath(draft.documentId, 'en')}`)).status).toBe(401);
  });
});
