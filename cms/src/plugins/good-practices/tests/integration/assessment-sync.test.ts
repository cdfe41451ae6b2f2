/**
 * The assessment is a fact about the practice: after any write in any locale, through the
 * document service or the admin, every draft (each locale) holds the same value; the published
 * versions hold the value last published, the same in every locale (Strapi alone would only sync
 * versions of the same status, and only on some paths). Unpublished edits never go live: see
 * also draft-leaks-shared-values.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminSession, loginAsEditor } from '../support/role-session';
import { ensureLocales } from '../support/locales';
import { createPractice, documents, PRACTICE, storedVersions, uniqueSlug } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';
import { getJson } from '../support/http';
import { apiPaths, practiceResponse } from '../../contract';

let app: RunningStrapi;
let editor: AdminSession;

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs', 'fr']);
  editor = await loginAsEditor(app.strapi, app.url);
});

afterAll(async () => {
  await app?.stop();
});

const practices = () => documents(app.strapi, PRACTICE);

async function expectVersions(documentId: string, expected: { draft: Record<string, string>; published: Record<string, string> }, versions: number): Promise<void> {
  const stored = await storedVersions(app.strapi, documentId);
  expect(stored).toHaveLength(versions);
  for (const version of stored) {
    const published = version.publishedAt !== null;
    expect({ locale: version.locale, published, assessment: version.assessment }).toEqual({
      locale: version.locale,
      published,
      assessment: published ? expected.published : expected.draft,
    });
  }
}

const expectEverywhere = (documentId: string, assessment: Record<string, string>, versions: number) =>
  expectVersions(documentId, { draft: assessment, published: assessment }, versions);

/** A practice published in en and cs (4 versions). */
async function bilingualPractice(assessment: Record<string, string>): Promise<{ documentId: string; csSlug: string }> {
  const practice = await createPractice(app.strapi, { assessment });
  const csSlug = uniqueSlug('cs');
  await practices().update({ documentId: practice.documentId, locale: 'cs', data: { title: 'Praxe', slug: csSlug, answers: [] } });
  await practices().publish({ documentId: practice.documentId, locale: 'cs' });
  await expectEverywhere(practice.documentId, assessment, 4);
  return { documentId: practice.documentId, csSlug };
}

describe('assessment identical in every locale, drafts and published versions apart', () => {
  it('propagates an edit of one locale draft to every locale’s draft, and to no published version', async () => {
    const original = { 'inclusivity.accessible-services.1': 'met' };
    const { documentId } = await bilingualPractice(original);
    const edited = { 'inclusivity.accessible-services.1': 'not-met', 'relevance.migrant-needs.1': 'met' };
    await practices().update({ documentId, locale: 'cs', data: { assessment: edited } });
    await expectVersions(documentId, { draft: edited, published: original }, 4);
  });

  it('propagates an edit made in the admin content manager to the drafts, and to every published locale on publish', async () => {
    const original = { 'inclusivity.accessible-services.1': 'met' };
    const { documentId, csSlug } = await bilingualPractice(original);
    const edited = { 'inclusivity.accessible-services.2': 'met' };
    const response = await editor.update(PRACTICE, documentId, 'cs', { title: 'Praxe upravená', slug: csSlug, assessment: edited, answers: [] });
    expect(response.status).toBe(200);
    await expectVersions(documentId, { draft: edited, published: original }, 4);

    // Publishing another locale publishes the drafts' value in every locale.
    await practices().publish({ documentId, locale: 'en' });
    await expectEverywhere(documentId, edited, 4);
  });

  it('gives a new locale the practice assessment, and propagates one written with it to the drafts', async () => {
    const { documentId } = await bilingualPractice({ 'effectiveness.monitoring-evaluation.1': 'met' });
    await practices().update({ documentId, locale: 'fr', data: { title: 'Pratique', slug: uniqueSlug('fr') } });
    await expectEverywhere(documentId, { 'effectiveness.monitoring-evaluation.1': 'met' }, 5);

    const written = { 'effectiveness.monitoring-evaluation.1': 'not-met' };
    const { documentId: second } = await bilingualPractice({ 'effectiveness.monitoring-evaluation.1': 'met' });
    const response = await editor.update(PRACTICE, second, 'fr', { title: 'Pratique', slug: uniqueSlug('fr'), assessment: written });
    expect(response.status).toBe(200);
    await expectVersions(second, { draft: written, published: { 'effectiveness.monitoring-evaluation.1': 'met' } }, 5);
  });

  it('keeps versions equal through discard and unpublish', async () => {
    const original = { 'inclusivity.accessible-services.1': 'met' };
    const { documentId } = await bilingualPractice(original);
    const edited = { 'inclusivity.accessible-services.1': 'not-assessed' };
    await practices().update({ documentId, locale: 'en', data: { assessment: edited } });
    // Discarding one locale's draft discards the unpublished assessment of every draft.
    await practices().discardDraft({ documentId, locale: 'cs' });
    await expectEverywhere(documentId, original, 4);
    await practices().update({ documentId, locale: 'en', data: { assessment: edited } });
    await practices().unpublish({ documentId, locale: 'cs' });
    await expectVersions(documentId, { draft: edited, published: original }, 3);
  });

  it('repairs versions written around the document service when a locale is published', async () => {
    const { documentId } = await bilingualPractice({ 'inclusivity.accessible-services.1': 'met' });
    // Simulate legacy data: one draft disagrees.
    await app.strapi.db.query(PRACTICE).updateMany({ where: { documentId, locale: 'cs', publishedAt: null }, data: { assessment: { 'inclusivity.accessible-services.1': 'not-met' } } });
    await practices().publish({ documentId, locale: 'cs' });
    await expectEverywhere(documentId, { 'inclusivity.accessible-services.1': 'not-met' }, 4);
  });

  it('serves the same checklist states in every locale once published', async () => {
    const { documentId, csSlug } = await bilingualPractice({ 'inclusivity.accessible-services.1': 'met', 'inclusivity.accessible-services.2': 'not-met' });
    await practices().update({ documentId, locale: 'cs', data: { assessment: { 'inclusivity.accessible-services.1': 'not-met' } } });
    await practices().publish({ documentId, locale: 'cs' });
    const en = (await practices().findFirst({ locale: 'en', status: 'published', filters: { documentId } }))!;
    const states = async (slug: string, locale: string) => {
      const { body } = await getJson(`${app.url}${apiPaths.practice(slug)}?locale=${locale}`);
      const detail = practiceResponse.parse(body).data;
      return detail.groups.flatMap((group) => group.questions.flatMap((question) => question.items.map((item) => `${item.key}=${item.state}`)));
    };
    const enStates = await states(en.slug as string, 'en');
    expect(enStates).toContain('inclusivity.accessible-services.1=not-met');
    expect(enStates).toContain('inclusivity.accessible-services.2=not-assessed');
    expect(await states(csSlug, 'cs')).toEqual(enStates);
  });
});
