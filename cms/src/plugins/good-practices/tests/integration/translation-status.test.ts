/**
 * GET /good-practices/translation-status: per locale, what is missing, incomplete and outdated.
 * Outdated is decided by the fingerprint of the source text recorded when the translation was
 * saved: changing the English text makes the translation outdated, re-saving the translation
 * makes it current again; saving the source without changing its words does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranslationStatusResponse, TranslationAreaStatus } from '../../contract/admin-api';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documentIdByKey, documents, PRACTICE, QUESTION, SITE, TOOL, uniqueSlug, type WrittenDocument } from '../support/practices';
import { type AdminSession, loginAsSuperAdmin } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

const QUESTION_KEY = 'inclusivity.accessible-services';
const answer = (body: string) => [{ questionKey: QUESTION_KEY, body, tools: [] }];

let app: RunningStrapi;
let admin: AdminSession;
let practice: WrittenDocument;
let csSlug: string;

async function status(locale: string): Promise<Record<string, TranslationAreaStatus>> {
  const response = await admin.json('GET', '/good-practices/translation-status');
  expect(response.status).toBe(200);
  const body = response.body as TranslationStatusResponse;
  expect(body.data.defaultLocale).toBe('en');
  const found = body.data.locales.find((entry) => entry.locale === locale);
  if (!found) throw new Error(`no status for ${locale}`);
  return found.areas;
}

const outdatedFields = (area: TranslationAreaStatus, documentId: string) => area.outdated.find((entry) => entry.documentId === documentId)?.fields;

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs', 'de']);
  admin = await loginAsSuperAdmin(app.strapi, app.url);
  practice = await createPractice(app.strapi, { title: 'Language café', summary: 'People meet to talk.', objectives: 'Practise the language.', answers: answer('Open to everyone.') });
  csSlug = uniqueSlug('kavarna');
  await documents(app.strapi, PRACTICE).update({
    documentId: practice.documentId,
    locale: 'cs',
    data: { title: 'Jazyková kavárna', slug: csSlug, summary: 'Lidé se setkávají.', answers: answer('Otevřeno všem.') },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('translation status', () => {
  it('is for signed-in admins only', async () => {
    expect((await getJson(`${app.url}/good-practices/translation-status`)).status).toBe(401);
  });

  it('lists missing translations per locale, with documentIds and keys', async () => {
    const de = await status('de');
    expect(de.practices.missing.map((entry) => entry.documentId)).toContain(practice.documentId);
    expect(de.practices.missing.find((entry) => entry.documentId === practice.documentId)).toMatchObject({ kind: 'practice', uid: PRACTICE, label: 'Language café', published: true });
    expect(de.framework.missing.some((entry) => entry.kind === 'question' && entry.key === QUESTION_KEY)).toBe(true);
    expect(de.framework.total).toBe(de.framework.missing.length);
    expect(de.taxonomies.missing.length).toBeGreaterThan(0);
    expect(de.site.missing).toHaveLength(1);
  });

  it('reports a fresh translation as current, with its untranslated texts as incomplete', async () => {
    const cs = await status('cs');
    expect(cs.practices.missing.map((entry) => entry.documentId)).not.toContain(practice.documentId);
    expect(outdatedFields(cs.practices, practice.documentId)).toBeUndefined();
    expect(cs.practices.incomplete.find((entry) => entry.documentId === practice.documentId)?.fields).toEqual(['objectives']);
  });

  it('reports the translation outdated when the English text changes, and current again once re-saved', async () => {
    await documents(app.strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'en', data: { summary: 'People meet every week to talk.', answers: answer('Open to everyone, free.') } });
    let cs = await status('cs');
    expect(outdatedFields(cs.practices, practice.documentId)).toEqual(['summary', `answers/${QUESTION_KEY}/body`]);
    expect(cs.practices.outdated.find((entry) => entry.documentId === practice.documentId)).toMatchObject({ basis: 'fingerprint', translationDocumentId: practice.documentId });

    // Saving the source again without changing its words, or publishing it, changes nothing.
    await documents(app.strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'en', data: { summary: 'People meet every week to talk.' } });
    await documents(app.strapi, PRACTICE).publish({ documentId: practice.documentId, locale: 'en' });
    cs = await status('cs');
    expect(outdatedFields(cs.practices, practice.documentId)).toEqual(['summary', `answers/${QUESTION_KEY}/body`]);

    // The translator updates the summary: only the answer is still outdated.
    await documents(app.strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'cs', data: { summary: 'Lidé se setkávají každý týden.' } });
    cs = await status('cs');
    expect(outdatedFields(cs.practices, practice.documentId)).toEqual([`answers/${QUESTION_KEY}/body`]);

    // Re-saving the translation as it is (the admin's save sends every field) marks it checked.
    await documents(app.strapi, PRACTICE).update({
      documentId: practice.documentId,
      locale: 'cs',
      data: { title: 'Jazyková kavárna', slug: csSlug, summary: 'Lidé se setkávají každý týden.', answers: answer('Otevřeno všem.') },
    });
    cs = await status('cs');
    expect(outdatedFields(cs.practices, practice.documentId)).toBeUndefined();
  });

  it('covers framework entries matched by key, and the site labels', async () => {
    const questionId = await documentIdByKey(app.strapi, QUESTION, QUESTION_KEY);
    await documents(app.strapi, QUESTION).update({ documentId: questionId, locale: 'cs', data: { text: 'Jsou služby dostupné?' } });
    let cs = await status('cs');
    expect(cs.framework.missing.some((entry) => entry.key === QUESTION_KEY)).toBe(false);
    await documents(app.strapi, QUESTION).update({ documentId: questionId, locale: 'en', data: { text: 'Are the services accessible to all?' } });
    cs = await status('cs');
    expect(cs.framework.outdated.find((entry) => entry.key === QUESTION_KEY)?.fields).toEqual(['text']);

    const site = await documents(app.strapi, SITE).findFirst({ locale: 'en' });
    await documents(app.strapi, SITE).update({ documentId: site!.documentId, locale: 'en', data: { labels: { 'search.placeholder': 'Search practices', 'nav.home': 'Home' } } });
    await documents(app.strapi, SITE).update({ documentId: site!.documentId, locale: 'cs', data: { siteName: 'Dobré praxe', labels: { 'nav.home': 'Domů' } } });
    cs = await status('cs');
    expect(cs.site.missing).toEqual([]);
    expect(cs.site.incomplete[0].fields).toEqual(expect.arrayContaining(['labels/search.placeholder', 'tagline']));
    expect(cs.site.incomplete[0].fields).not.toContain('labels/nav.home');
  });

  it('falls back to save times for translations saved before fingerprints were recorded', async () => {
    const tool = await createTool(app.strapi, { name: 'Guide' });
    await documents(app.strapi, TOOL).update({ documentId: tool.documentId, locale: 'cs', data: { name: 'Průvodce', slug: uniqueSlug('pruvodce') } });
    await app.strapi.db.query('strapi::core-store').deleteMany({ where: { key: { $startsWith: `plugin_good-practices_translation-stamp/tool/${tool.documentId}/` } } });
    // Saved an hour before the source changes (not just before it: both saves can fall in the same
    // tick of the stored time), written around the document service as an old row would be.
    await app.strapi.db.query(TOOL).updateMany({ where: { documentId: tool.documentId, locale: 'cs' }, data: { updatedAt: new Date(Date.now() - 3_600_000) } });
    await documents(app.strapi, TOOL).update({ documentId: tool.documentId, locale: 'en', data: { name: 'Guide (2nd edition)' } });
    const cs = await status('cs');
    expect(cs.tools.outdated.find((entry) => entry.documentId === tool.documentId)).toMatchObject({ basis: 'updatedAt', fields: expect.arrayContaining(['name']) });
  });
});
