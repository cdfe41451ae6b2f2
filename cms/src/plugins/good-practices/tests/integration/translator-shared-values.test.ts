/**
 * Translators cannot change shared values; what they "change" is measured against the drafts.
 * Since a draft edit of a shared value no longer reaches the published versions before a publish
 * (draft-leaks-shared-values.test.ts), drafts and published versions may disagree: a translator
 * whose edit view sends back the draft's values (as it does) changes nothing, and must not be
 * told otherwise because the published version still holds the older value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocales } from '../support/locales';
import { createPractice, documents, PRACTICE, uniqueSlug } from '../support/practices';
import { type AdminSession, loginWithRole } from '../support/role-session';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

const TRANSLATOR = 'good-practices-translator';
const PUBLISHED = { 'inclusivity.accessible-services.1': 'met' };
const DRAFT = { 'inclusivity.accessible-services.1': 'not-met' };

let app: RunningStrapi;
let translator: AdminSession;

beforeAll(async () => {
  // The Translator role is created at boot when a language to translate into exists.
  const first = await bootStrapi({ keepDatabase: true, env: { TRANSLATOR_LOCALES: 'cs' } });
  try {
    await ensureLocales(first.strapi, ['cs']);
  } finally {
    await first.stop();
  }
  app = await bootStrapi({ databaseName: sameDatabase(first), env: { TRANSLATOR_LOCALES: 'cs' } });
  translator = await loginWithRole(app.strapi, app.url, TRANSLATOR);
});

afterAll(async () => {
  await app?.stop();
});

describe('a translator after an editor’s unpublished edit of a shared value', () => {
  it('sends the drafts’ values back without a problem, and is told when changing them', async () => {
    const practices = documents(app.strapi, PRACTICE);
    const practice = await createPractice(app.strapi, { country: 'DE', assessment: PUBLISHED });
    const csSlug = uniqueSlug('cs');
    await practices.update({ documentId: practice.documentId, locale: 'cs', data: { title: 'Praxe', slug: csSlug, answers: [] } });
    await practices.publish({ documentId: practice.documentId, locale: 'cs' });
    // Discarding re-creates the English draft: the oldest stored version is now a published one.
    await practices.discardDraft({ documentId: practice.documentId, locale: 'en' });
    // The editor's unpublished edit: every draft holds it, no published version does.
    await practices.update({ documentId: practice.documentId, locale: 'en', data: { assessment: DRAFT, country: 'FR' } });

    const check = async (data: Record<string, unknown>) => {
      const response = await translator.json('POST', '/good-practices/practices/check', { documentId: practice.documentId, locale: 'cs', data });
      expect(response.status).toBe(200);
      return (response.body as { data: { problems: { field: string }[] } }).data.problems.map((problem) => problem.field).sort();
    };
    // What the Czech edit view shows (the Czech draft) is sent back unchanged.
    expect(await check({ title: 'Praxe přeložená', slug: csSlug, assessment: DRAFT, country: 'FR' })).toEqual([]);
    // Sending the published values would change the drafts: refused, like any change.
    expect(await check({ title: 'Praxe přeložená', slug: csSlug, assessment: PUBLISHED, country: 'DE' })).toEqual(['assessment', 'country']);

    // The save itself: the content manager keeps the translator's fields only, and the drafts stay.
    const saved = await translator.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe přeložená', slug: csSlug, assessment: DRAFT, country: 'FR' });
    expect(saved.status).toBe(200);
  });
});
