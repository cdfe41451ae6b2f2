/**
 * Every visitor sees the whole database in their own language (issue 11, items 1 and 2), on the
 * real CMS over HTTP:
 * - lists (practices, tools) of a locale with no translation at all (de), one with partial
 *   translations (cs) and an RTL one (ar) hold every published practice, each in the first
 *   language of the chain that has it, with counts, facets, pagination, title sort (the locale's
 *   collation of the titles shown) and free text (the texts shown) over that merged set;
 * - a published partial translation shows each missing text field and answer from the next
 *   language of the chain, saying which (fieldLocales, answer.locale);
 * - drafts never stand in for anything;
 * - LOCALE_FALLBACKS orders the chain (ca → es → en) and refuses an unknown locale at boot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, localesResponse, practiceDetailListResponse, practiceListResponse, practiceResponse, toolListResponse, toolResponse } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documents, PRACTICE, TOOL } from '../support/practices';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

let app: RunningStrapi;
const ids: Record<string, string> = {};

const QUESTION_A = 'inclusivity.accessible-services';

async function translate(uid: string, documentId: string, locale: string, data: Record<string, unknown>, publish = true): Promise<void> {
  await documents(app.strapi, uid).update({ documentId, locale, data });
  if (publish) await documents(app.strapi, uid).publish({ documentId, locale });
}

beforeAll(async () => {
  // Kept on stop: the LOCALE_FALLBACKS tests boot again on it (the last boot drops it).
  app = await bootStrapi({ keepDatabase: true, env: { LOCALE_FALLBACKS: '' } });
  const { strapi } = app;
  await ensureLocales(strapi, ['cs', 'es', 'ar', 'de', 'ca']);

  const tool = await createTool(strapi, { name: 'Zebra toolkit', slug: 'zebra-toolkit' });
  ids.tool = tool.documentId;
  ids.czechTool = (await createTool(strapi, { name: 'Čeština nástroj', slug: 'cestina-nastroj' }, { locale: 'cs' })).documentId;

  // English only.
  ids.english = (
    await createPractice(strapi, {
      title: 'Apple orchard mentoring',
      slug: 'apple-orchard',
      summary: 'Mentors in orchards.',
      country: 'DE',
      contactDetails: 'orchard@example.org',
      answers: [{ questionKey: QUESTION_A, body: 'Orchard answer about pruning.', tools: [tool.documentId] }],
    })
  ).documentId;
  // Spanish version saved but not published: the Spanish list must show the English one.
  await translate(PRACTICE, ids.english, 'es', { title: 'Borrador secreto', slug: 'borrador-secreto' }, false);

  // English + full Czech translation.
  ids.full = (
    await createPractice(strapi, {
      title: 'Zulu language café',
      slug: 'zulu-cafe',
      summary: 'Conversation evenings.',
      country: 'CZ',
      answers: [{ questionKey: QUESTION_A, body: 'Café answer in English.', tools: [] }],
    })
  ).documentId;
  await translate(PRACTICE, ids.full, 'cs', {
    title: 'Ábel jazyková kavárna',
    slug: 'abel-kavarna',
    summary: 'Konverzační večery.',
    contactDetails: 'kavarna@example.cz',
    funding: 'Město',
    objectives: 'Cíle.',
    inspiration: 'Inspirace.',
    answers: [{ questionKey: QUESTION_A, body: 'Odpověď kavárny česky.', tools: [] }],
  });

  // English + partial Czech translation (title, slug and summary only, as through XLIFF).
  ids.partial = (
    await createPractice(strapi, {
      title: 'Mango housing desk',
      slug: 'mango-housing',
      summary: 'Housing advice.',
      country: 'DE',
      organisation: 'Mango tenants union',
      contactDetails: 'desk@example.org',
      funding: 'City grant',
      answers: [{ questionKey: QUESTION_A, body: 'Housing answer mentions landlords.', tools: [tool.documentId] }],
    })
  ).documentId;
  await translate(PRACTICE, ids.partial, 'cs', { title: 'Mango bytová poradna', slug: 'mango-bydleni', summary: 'Poradenství k bydlení.', answers: [] });

  // Czech only: listed everywhere else through the last resort of every chain.
  ids.czechOnly = (await createPractice(strapi, { title: 'Čáp komunitní zahrada', slug: 'cap-zahrada', country: 'CZ', summary: 'Zahrada.' }, { locale: 'cs' })).documentId;

  // English + Spanish (for the configured chain ca → es).
  ids.spanish = (await createPractice(strapi, { title: 'Kiwi sports club', slug: 'kiwi-sports', country: 'ES', summary: 'Sports.' })).documentId;
  await translate(PRACTICE, ids.spanish, 'es', { title: 'Club deportivo kiwi', slug: 'club-kiwi', summary: 'Deportes.' });
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

const list = async (query: string) => {
  const response = await getJson(`${app.url}${apiPaths.practices}?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return practiceListResponse.parse(response.body);
};

const shown = (body: { data: { documentId: string; locale: string; title: string }[] }) =>
  Object.fromEntries(body.data.map((item) => [Object.entries(ids).find(([, id]) => id === item.documentId)?.[0] ?? item.documentId, `${item.locale}:${item.title}`]));

describe('the practice list of every locale holds every published practice', () => {
  it('a locale with no translation at all (de) lists all five, each in the language that has it', async () => {
    const body = await list('locale=de&pageSize=100');
    expect(body.meta.pagination.total).toBe(5);
    expect(shown(body)).toEqual({
      english: 'en:Apple orchard mentoring',
      full: 'en:Zulu language café',
      partial: 'en:Mango housing desk',
      czechOnly: 'cs:Čáp komunitní zahrada',
      spanish: 'en:Kiwi sports club',
    });
  });

  it('a locale with partial translations (cs) shows its own versions first, then the chain', async () => {
    const body = await list('locale=cs&pageSize=100');
    expect(body.meta.pagination.total).toBe(5);
    expect(shown(body)).toMatchObject({ full: 'cs:Ábel jazyková kavárna', partial: 'cs:Mango bytová poradna', english: 'en:Apple orchard mentoring', czechOnly: 'cs:Čáp komunitní zahrada' });
  });

  it('an RTL locale (ar) falls back to English, and the default locale lists the Czech-only practice', async () => {
    expect(shown(await list('locale=ar&pageSize=100'))).toMatchObject({ english: 'en:Apple orchard mentoring', czechOnly: 'cs:Čáp komunitní zahrada' });
    const english = await list('locale=en&pageSize=100');
    expect(english.meta.pagination.total).toBe(5);
    expect(shown(english).czechOnly).toBe('cs:Čáp komunitní zahrada');
  });

  it('a saved but unpublished translation never stands in: Spanish shows the English version', async () => {
    const body = await list('locale=es&pageSize=100');
    expect(shown(body)).toMatchObject({ english: 'en:Apple orchard mentoring', spanish: 'es:Club deportivo kiwi' });
    expect(JSON.stringify(body)).not.toContain('Borrador');
  });

  it('counts, filters and pagination are over the merged set', async () => {
    expect((await list('locale=de&country=DE')).meta.pagination.total).toBe(2);
    expect((await list('locale=ar&country=CZ')).meta.pagination.total).toBe(2);
    const pages = await Promise.all([1, 2, 3].map((page) => list(`locale=cs&pageSize=2&page=${page}&sort=title:asc`)));
    expect(pages[0]!.meta.pagination).toMatchObject({ total: 5, pageCount: 3 });
    expect(pages.flatMap((page) => page.data.map((item) => item.documentId)).sort()).toEqual(Object.values(ids).filter((id) => id !== ids.tool && id !== ids.czechTool).sort());
  });

  it('sorts by the title shown, with the locale’s collation', async () => {
    for (const locale of ['cs', 'de', 'ar']) {
      const body = await list(`locale=${locale}&sort=title:asc&pageSize=100`);
      const titles = body.data.map((item) => item.title);
      expect(titles).toEqual([...titles].sort(new Intl.Collator(locale, { sensitivity: 'base', numeric: true }).compare));
    }
    // Czech collation: "Č" after "C" and before "D"; the Czech title "Ábel…" of the café sorts first.
    const czech = (await list('locale=cs&sort=title:asc&pageSize=100')).data.map((item) => item.title);
    expect(czech[0]).toBe('Ábel jazyková kavárna');
    expect(czech.indexOf('Čáp komunitní zahrada')).toBeLessThan(czech.indexOf('Kiwi sports club'));
  });

  it('free text in a locale matches the texts shown there, fallback answers included', async () => {
    // English text shown in Czech (the partial translation lacks the answer).
    expect(shown(await list('locale=cs&q=landlords'))).toEqual({ partial: 'cs:Mango bytová poradna' });
    // The Czech answer of the full translation replaces the English one in Czech…
    expect((await list('locale=cs&q=café answer')).meta.pagination.total).toBe(0);
    expect(shown(await list('locale=cs&q=odpoved kavarny'))).toEqual({ full: 'cs:Ábel jazyková kavárna' });
    // …and German visitors see (and find) the English one.
    expect(shown(await list('locale=de&q=pruning'))).toEqual({ english: 'en:Apple orchard mentoring' });
    expect(shown(await list('locale=de&q=cafe answer'))).toEqual({ full: 'en:Zulu language café' });
  });
});

describe('field-level fallback in a published translation', () => {
  it('the partial Czech translation shows its own title and summary, the rest in English, saying so', async () => {
    const response = await getJson(`${app.url}${apiPaths.practice('mango-bydleni')}?locale=cs`);
    expect(response.status).toBe(200);
    const practice = practiceResponse.parse(response.body).data;
    expect(practice).toMatchObject({ locale: 'cs', title: 'Mango bytová poradna', summary: 'Poradenství k bydlení.', organisation: 'Mango tenants union', contactDetails: 'desk@example.org', funding: 'City grant' });
    expect(practice.fieldLocales).toEqual({ organisation: 'en', contactDetails: 'en', funding: 'en' });
    const answered = practice.groups.flatMap((group) => group.questions).filter((question) => question.answer);
    expect(answered.map((question) => [question.key, question.answer?.locale, question.answer?.body])).toEqual([[QUESTION_A, 'en', 'Housing answer mentions landlords.']]);
    // The cited tool comes along with the English answer.
    expect(answered[0]!.answer!.tools.map((tool) => tool.slug)).toEqual(['zebra-toolkit']);
    // No language answers the other questions: those stay unanswered.
    expect(practice.groups.flatMap((group) => group.questions).filter((question) => !question.answer).length).toBeGreaterThan(0);
  });

  it('the full Czech translation needs no fallback', async () => {
    const practice = practiceResponse.parse((await getJson(`${app.url}${apiPaths.practice('abel-kavarna')}?locale=cs`)).body).data;
    expect(practice.fieldLocales).toEqual({});
    expect(practice.groups.flatMap((group) => group.questions).find((question) => question.key === QUESTION_A)?.answer).toMatchObject({ locale: 'cs', body: 'Odpověď kavárny česky.' });
  });

  it('the bulk details of the static build merge the same way', async () => {
    const body = practiceDetailListResponse.parse((await getJson(`${app.url}${apiPaths.practiceDetails}?locale=cs&pageSize=100`)).body);
    const partial = body.data.find((practice) => practice.documentId === ids.partial);
    expect(partial?.fieldLocales).toEqual({ organisation: 'en', contactDetails: 'en', funding: 'en' });
  });

  it('the list shows the next summary of the chain when a translation has none, and says so', async () => {
    await translate(PRACTICE, ids.spanish, 'cs', { title: 'Kiwi sportovní klub', slug: 'kiwi-klub', summary: '' });
    const czech = (await list('locale=cs&pageSize=100')).data.find((item) => item.documentId === ids.spanish);
    expect(czech).toMatchObject({ locale: 'cs', title: 'Kiwi sportovní klub', summary: 'Sports.', fieldLocales: { summary: 'en' } });
  });
});

describe('tools and the locale list', () => {
  it('the tool list of every locale holds every published tool, in the language that has it', async () => {
    const body = toolListResponse.parse((await getJson(`${app.url}${apiPaths.tools}?locale=de`)).body);
    expect(body.data.map((tool) => `${tool.locale}:${tool.name}`)).toEqual(['cs:Čeština nástroj', 'en:Zebra toolkit']);
  });

  it('a tool page lists every citing practice as the locale shows it, fallback answers included', async () => {
    const citing = async (locale: string) =>
      toolResponse.parse((await getJson(`${app.url}${apiPaths.tool('zebra-toolkit')}?locale=${locale}`)).body).data.practices.map((practice) => `${practice.locale}:${practice.slug}`);
    // Czech: the partial translation cites the tool through its English answer.
    expect((await getJson(`${app.url}${apiPaths.tool('zebra-toolkit')}?locale=cs`)).status).toBe(404);
    expect(await citing('en')).toEqual(['en:apple-orchard', 'en:mango-housing']);
    await translate(TOOL, ids.tool, 'cs', { name: 'Zebra sada', slug: 'zebra-sada' });
    const czech = toolResponse.parse((await getJson(`${app.url}${apiPaths.tool('zebra-sada')}?locale=cs`)).body).data.practices;
    expect(czech.map((practice) => `${practice.locale}:${practice.slug}`)).toEqual(['en:apple-orchard', 'cs:mango-bydleni']);
  });

  it('each locale says its chain: the default locale, then the others', async () => {
    const body = localesResponse.parse((await getJson(`${app.url}${apiPaths.locales}`)).body);
    expect(Object.fromEntries(body.data.map((locale) => [locale.code, locale.fallbacks.join(',')]))).toEqual({
      en: 'ar,ca,cs,de,es',
      ar: 'en,ca,cs,de,es',
      ca: 'en,ar,cs,de,es',
      cs: 'en,ar,ca,de,es',
      de: 'en,ar,ca,cs,es',
      es: 'en,ar,ca,cs,de',
    });
  });
});

describe('LOCALE_FALLBACKS', () => {
  it('orders the chain (ca → es → en) for lists, details and the locale list', async () => {
    await app.stop();
    app = await bootStrapi({ databaseName: sameDatabase(app), keepDatabase: true, env: { LOCALE_FALLBACKS: 'ca:es; ar:en' } });
    const locales = localesResponse.parse((await getJson(`${app.url}${apiPaths.locales}`)).body).data;
    expect(locales.find((locale) => locale.code === 'ca')?.fallbacks).toEqual(['es', 'en', 'ar', 'cs', 'de']);
    expect(shown(await list('locale=ca&pageSize=100'))).toMatchObject({ spanish: 'es:Club deportivo kiwi', english: 'en:Apple orchard mentoring' });
  }, 120_000);

  it('refuses to boot on a locale that does not exist, naming it', async () => {
    const databaseName = sameDatabase(app);
    await app.stop();
    await expect(bootStrapi({ databaseName, keepDatabase: true, env: { LOCALE_FALLBACKS: 'ca:xx' } })).rejects.toThrow(/LOCALE_FALLBACKS: xx is not a locale/);
    await expect(bootStrapi({ databaseName, keepDatabase: true, env: { LOCALE_FALLBACKS: 'ca:es;es:ca' } })).rejects.toThrow(/cycle \(ca → es → ca\)/);
    app = await bootStrapi({ databaseName, env: { LOCALE_FALLBACKS: '' } });
    expect(shown(await list('locale=ca&pageSize=100')).spanish).toBe('en:Kiwi sports club');
  }, 180_000);
});
