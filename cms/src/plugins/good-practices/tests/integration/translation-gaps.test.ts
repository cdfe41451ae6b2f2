/**
 * Translators see what visitors will see (issue 11, item 4), over real HTTP as the Translator
 * role: the edit view's check (POST /good-practices/practices/check) lists, on the form's unsaved
 * values, the texts the default locale has and the translation lacks, each with the language
 * visitors of that locale read it in (the first published one of the locale's fallback chain);
 * the Translations page's status counts a partial translation (title, slug and summary, as a
 * partial XLIFF file gives) as incomplete, a full one not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeCheckResponse, TranslationStatusResponse } from '../../contract/admin-api';
import { ensureLocales } from '../support/locales';
import { createPractice, documents, PRACTICE, uniqueSlug } from '../support/practices';
import { type AdminSession, loginWithRole } from '../support/role-session';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

const TRANSLATOR = 'good-practices-translator';
const [ONE, TWO, THREE] = ['inclusivity.accessible-services', 'inclusivity.receiving-society', 'inclusivity.beneficiary-involvement'];
const answer = (questionKey: string, body: string) => ({ questionKey, body, tools: [] });

let app: RunningStrapi;
let translator: AdminSession;
let partial: string;
let full: string;

beforeAll(async () => {
  // The Translator role (all non-default locales) is created at a boot where they exist.
  const env = { LOCALE_FALLBACKS: 'ca:es' };
  const first = await bootStrapi({ keepDatabase: true, env: { LOCALE_FALLBACKS: '' } });
  try {
    await ensureLocales(first.strapi, ['cs', 'es', 'ca']);
  } finally {
    await first.stop();
  }
  app = await bootStrapi({ databaseName: sameDatabase(first), env });
  translator = await loginWithRole(app.strapi, app.url, TRANSLATOR);
  const practices = documents(app.strapi, PRACTICE);
  const english = {
    summary: 'Summary.',
    objectives: 'Objectives.',
    funding: 'The city.',
    answers: [answer(ONE, 'One.'), answer(TWO, 'Two.'), answer(THREE, 'Three.')],
  };

  partial = (await createPractice(app.strapi, english)).documentId;
  await practices.update({ documentId: partial, locale: 'es', data: { title: 'Práctica', slug: uniqueSlug('es'), summary: 'Resumen.', objectives: 'Objetivos.', answers: [answer(TWO, 'Dos.')] } });
  await practices.publish({ documentId: partial, locale: 'es' });
  // What a partial XLIFF file gives: title, slug and summary.
  await practices.update({ documentId: partial, locale: 'cs', data: { title: 'Praxe', slug: uniqueSlug('cs'), summary: 'Shrnutí.', answers: [] } });
  await practices.publish({ documentId: partial, locale: 'cs' });
  await practices.update({ documentId: partial, locale: 'ca', data: { title: 'Pràctica', slug: uniqueSlug('ca'), summary: 'Resum.', answers: [] } });

  full = (await createPractice(app.strapi, english)).documentId;
  await practices.update({
    documentId: full,
    locale: 'cs',
    data: { title: 'Úplná', slug: uniqueSlug('cs'), summary: 'S.', objectives: 'C.', funding: 'Město.', answers: [answer(ONE, 'J.'), answer(TWO, 'D.'), answer(THREE, 'T.')] },
  });
});

afterAll(async () => {
  await app?.stop();
});

async function check(documentId: string, locale: string, data: Record<string, unknown>): Promise<PracticeCheckResponse['data']> {
  const response = await translator.json('POST', '/good-practices/practices/check', { documentId, locale, data });
  expect(response.status).toBe(200);
  return (response.body as PracticeCheckResponse).data;
}

describe('the edit view’s check says what visitors will read in another language', () => {
  it('lists the untranslated fields and answers of the edited values, with the chain’s language of each, without a problem', async () => {
    // ca → es → en: what Spanish has (published) is read in Spanish, the rest in English.
    const verdict = await check(partial, 'ca', { summary: 'Resum.', objectives: '', answers: [answer(ONE, 'U.')] });
    expect(verdict.problems).toEqual([]);
    expect(verdict.translation).toEqual({
      sourceLocale: 'en',
      fields: [
        { field: 'funding', readIn: 'en' },
        { field: 'objectives', readIn: 'es' },
      ],
      answers: { total: 3, untranslated: [{ questionKey: TWO, readIn: 'es' }, { questionKey: THREE, readIn: 'en' }] },
    });
  });

  it('follows the form as the translator types, not what is stored', async () => {
    const stored = await check(partial, 'cs', {});
    expect(stored.translation?.answers).toEqual({ total: 3, untranslated: [ONE, TWO, THREE].map((questionKey) => ({ questionKey, readIn: 'en' })) });
    const typed = await check(partial, 'cs', { objectives: 'Cíle.', funding: 'Město.', answers: [answer(ONE, 'J.'), answer(TWO, 'D.'), answer(THREE, 'T.')] });
    expect(typed.translation).toEqual({ sourceLocale: 'en', fields: [], answers: { total: 3, untranslated: [] } });
  });

  it('has nothing to say in the default locale', async () => {
    expect((await check(partial, 'en', { summary: '' })).translation).toBeNull();
  });
});

describe('the Translations page counts partial translations as incomplete', () => {
  it('lists the XLIFF-like partial translation with what it lacks, and not the full one', async () => {
    const response = await translator.json('GET', '/good-practices/translation-status');
    expect(response.status).toBe(200);
    const cs = (response.body as TranslationStatusResponse).data.locales.find((locale) => locale.locale === 'cs')!.areas.practices;
    const entry = cs.incomplete.find((candidate) => candidate.documentId === partial);
    expect(entry?.fields).toEqual(['objectives', 'funding', `answers/${ONE}/body`, `answers/${TWO}/body`, `answers/${THREE}/body`]);
    expect(entry?.published).toBe(true);
    expect(cs.incomplete.some((candidate) => candidate.documentId === full)).toBe(false);
    expect(cs.missing.some((candidate) => candidate.documentId === full || candidate.documentId === partial)).toBe(false);
  });
});
