/**
 * The public read API against the contract: every route's response parses with the contract's
 * schema (nothing more, nothing less), filters/sort/pagination of the list, the assembled
 * practice page, locale handling and fallbacks, and the error envelope of 400s and 404s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPaths,
  errorResponse,
  frameworkResponse,
  localesResponse,
  practiceListResponse,
  practiceResponse,
  siteResponse,
  taxonomyResponse,
  toolListResponse,
  toolResponse,
} from '../../contract';
import springFramework from '../../server/src/framework/spring-framework.json';
import { expectContract } from '../support/contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import {
  createPractice,
  createTool,
  CRITERIA_GROUP,
  documentIdByKey,
  documents,
  INTEGRATION_AREA,
  PRACTICE,
  TARGET_GROUP,
  TOOL,
  type WrittenDocument,
} from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
const fixtures: Record<string, WrittenDocument> = {};
const inclusivityItems = springFramework.groups[0].questions.flatMap((question) => question.items.map((item) => item.key));

const get = (path: string) => getJson(`${app.url}${path}`);
const titles = (body: unknown) => practiceListResponse.parse(body).data.map((practice) => practice.title);

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  await ensureLocales(strapi, ['cs', 'ar']);

  // Translations, published: one framework group title and one integration area in Czech.
  const inclusivity = await documentIdByKey(strapi, CRITERIA_GROUP, 'inclusivity');
  await documents(strapi, CRITERIA_GROUP).update({ documentId: inclusivity, locale: 'cs', data: { title: 'Inkluzivita a participace' } });
  await documents(strapi, CRITERIA_GROUP).publish({ documentId: inclusivity, locale: 'cs' });
  const employment = await documentIdByKey(strapi, INTEGRATION_AREA, 'employment');
  await documents(strapi, INTEGRATION_AREA).update({ documentId: employment, locale: 'cs', data: { name: 'Zaměstnanost' } });
  await documents(strapi, INTEGRATION_AREA).publish({ documentId: employment, locale: 'cs' });

  fixtures.portal = await createTool(strapi, { name: 'Recognition portal', slug: 'recognition-portal', kind: 'portal' });
  await documents(strapi, TOOL).update({ documentId: fixtures.portal.documentId, locale: 'cs', data: { name: 'Portál uznávání', slug: 'portal-uznavani', url: 'https://example.cz/portal' } });
  await documents(strapi, TOOL).publish({ documentId: fixtures.portal.documentId, locale: 'cs' });
  fixtures.guide = await createTool(strapi, { name: 'Accessible services guide', slug: 'accessible-services-guide', kind: 'guide', url: null });
  fixtures.draftTool = await createTool(strapi, { name: 'Unfinished toolkit', slug: 'unfinished-toolkit', kind: 'toolkit' }, { status: 'draft' });

  const area = (key: string) => documentIdByKey(strapi, INTEGRATION_AREA, key);
  const group = (key: string) => documentIdByKey(strapi, TARGET_GROUP, key);

  fixtures.alpha = await createPractice(strapi, {
    title: 'Alpha language café',
    slug: 'alpha-language-cafe',
    organisation: 'Alpha volunteers association',
    country: 'DE',
    validationStatus: 'validated',
    validationDate: '2023-05-01',
    projectStart: '2018-03-01',
    integrationAreas: [await area('language-learning')],
    targetGroups: [await group('refugees')],
    assessment: Object.fromEntries(inclusivityItems.map((key) => [key, 'met'])),
    answers: [
      {
        questionKey: 'inclusivity.accessible-services',
        body: 'Volunteers meet newcomers **weekly**.',
        tools: [fixtures.portal.documentId, fixtures.guide.documentId, fixtures.draftTool.documentId],
      },
    ],
  });
  await documents(strapi, PRACTICE).update({
    documentId: fixtures.alpha.documentId,
    locale: 'cs',
    data: {
      title: 'Alfa jazyková kavárna',
      slug: 'alfa-jazykova-kavarna',
      organisation: 'Spolek dobrovolníků Alfa',
      answers: [{ questionKey: 'inclusivity.accessible-services', body: 'Dobrovolníci.', tools: [fixtures.portal.documentId, fixtures.guide.documentId] }],
    },
  });
  await documents(strapi, PRACTICE).publish({ documentId: fixtures.alpha.documentId, locale: 'cs' });

  fixtures.bravo = await createPractice(strapi, {
    title: 'Bravo jobs',
    slug: 'bravo-jobs',
    country: 'CZ',
    validationStatus: 'validated',
    validationDate: '2021-01-01',
    projectStart: '2019-09-01',
    projectEnd: '2022-06-30',
    integrationAreas: [await area('employment')],
    targetGroups: [await group('women')],
    assessment: { 'inclusivity.accessible-services.1': 'met', 'relevance.migrant-needs.1': 'not-met' },
    answers: [{ questionKey: 'relevance.migrant-needs', body: 'Mentoring with Übersetzung support.', tools: [] }],
  });
  fixtures.charlie = await createPractice(strapi, { title: 'Charlie housing', slug: 'charlie-housing', country: 'IT', validationDate: null, assessment: {}, answers: [] });
  fixtures.delta = await createPractice(strapi, { title: 'Delta draft', slug: 'delta-draft', country: 'CZ' }, { status: 'draft' });
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /locales', () => {
  it('lists the configured locales with the default first and their direction', async () => {
    const { status, body } = await get(apiPaths.locales);
    expect(status).toBe(200);
    const { data } = expectContract(localesResponse, body);
    expect(data.map((locale) => [locale.code, locale.isDefault, locale.dir])).toEqual([
      ['en', true, 'ltr'],
      ['ar', false, 'rtl'],
      ['cs', false, 'ltr'],
    ]);
  });
});

describe('GET /practices', () => {
  it('lists published practices of the default locale in the contract shape', async () => {
    const { status, body } = await get(apiPaths.practices);
    expect(status).toBe(200);
    const list = expectContract(practiceListResponse, body);
    expect(list.data.map((practice) => practice.title).sort()).toEqual(['Alpha language café', 'Bravo jobs', 'Charlie housing']);
    expect(list.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 3 });
    const alpha = list.data.find((practice) => practice.slug === 'alpha-language-cafe')!;
    expect(alpha.integrationAreas).toEqual([{ key: 'language-learning', name: 'Language learning', locale: 'en' }]);
    expect(alpha.targetGroups).toEqual([{ key: 'refugees', name: 'Refugees', locale: 'en' }]);
    expect(alpha.scores[0]).toEqual({ groupKey: 'inclusivity', met: inclusivityItems.length, notMet: 0, notAssessed: 0, total: inclusivityItems.length });
    expect(alpha.validationDate).toBe('2023-05-01');
  });

  it.each([
    ['title:asc', ['Alpha language café', 'Bravo jobs', 'Charlie housing']],
    ['title:desc', ['Charlie housing', 'Bravo jobs', 'Alpha language café']],
    ['validationDate:desc', ['Alpha language café', 'Bravo jobs', 'Charlie housing']],
    ['validationDate:asc', ['Bravo jobs', 'Alpha language café', 'Charlie housing']],
    ['projectStart:desc', ['Charlie housing', 'Bravo jobs', 'Alpha language café']],
  ])('sorts by %s', async (sort, expected) => {
    const { body } = await get(`${apiPaths.practices}?sort=${sort}`);
    expect(titles(body)).toEqual(expected);
  });

  it.each([
    ['country=CZ', ['Bravo jobs']],
    ['area=language-learning', ['Alpha language café']],
    ['targetGroup=women', ['Bravo jobs']],
    ['groupMet=inclusivity', ['Alpha language café']],
    ['groupMet=relevance', []],
    ['itemMet=inclusivity.accessible-services.1', ['Alpha language café', 'Bravo jobs']],
    ['itemMet=relevance.migrant-needs.1', []],
    ['q=ubersetzung', ['Bravo jobs']],
    ['q=CAFE', ['Alpha language café']],
    ['q=volunteers%20weekly', ['Alpha language café']],
    ['q=delta', []],
    ['country=CZ&itemMet=inclusivity.accessible-services.1&q=jobs', ['Bravo jobs']],
    ['country=DE&area=employment', []],
  ])('filters with %s', async (query, expected) => {
    const { status, body } = await get(`${apiPaths.practices}?sort=title:asc&${query}`);
    expect(status).toBe(200);
    expect(titles(expectContract(practiceListResponse, body))).toEqual(expected);
  });

  it('paginates', async () => {
    const { body } = await get(`${apiPaths.practices}?sort=title:asc&pageSize=2&page=2`);
    const list = practiceListResponse.parse(body);
    expect(list.data.map((practice) => practice.title)).toEqual(['Charlie housing']);
    expect(list.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });

  it('lists every published practice in another locale: its own translations in that locale, the others in the default one', async () => {
    const { body } = await get(`${apiPaths.practices}?locale=cs`);
    const list = expectContract(practiceListResponse, body);
    const english = expectContract(practiceListResponse, (await get(apiPaths.practices)).body);
    expect(list.meta.pagination.total).toBe(english.meta.pagination.total);
    const shown = list.data.map((practice) => [practice.locale, practice.title]);
    expect(shown).toContainEqual(['cs', 'Alfa jazyková kavárna']);
    expect(shown.filter(([locale]) => locale !== 'en')).toEqual([['cs', 'Alfa jazyková kavárna']]);
  });

  it.each([
    ['pageSize=101', 'pageSize'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['sort=name:asc', 'sort'],
    ['country=de', 'country'],
    ['country=DE&country=CZ', 'country'],
    ['q=', 'q'],
    ['groupMet=no-such-group', 'groupMet'],
    ['itemMet=no.such.item', 'itemMet'],
    ['locale=xx', 'locale'],
    ['status=draft', 'status'],
    ['publicationState=preview', 'publicationState'],
    ['populate=*', 'populate'],
    ['fields[0]=createdBy', 'fields'],
    ['filters[title][$eq]=Delta%20draft', 'filters'],
    ['pagination[pageSize]=1000', 'pagination'],
  ])('answers 400 to %s', async (query, parameter) => {
    const { status, body } = await get(`${apiPaths.practices}?${query}`);
    expect(status).toBe(400);
    const error = errorResponse.parse(body);
    expect(error.error.name).toBe('ValidationError');
    expect(JSON.stringify(error.error.details)).toContain(parameter);
  });
});

describe('GET /practices/:slug', () => {
  it('assembles the practice with the framework, its answers, states, tools and locales', async () => {
    const { status, body } = await get(apiPaths.practice('alpha-language-cafe'));
    expect(status).toBe(200);
    const { data } = expectContract(practiceResponse, body);
    expect(data.groups.map((group) => group.key)).toEqual(springFramework.groups.map((group) => group.key));
    expect(data.groups[0].questions.map((question) => question.key)).toEqual(springFramework.groups[0].questions.map((question) => question.key));
    const first = data.groups[0].questions[0];
    expect(first.answer?.body).toBe('Volunteers meet newcomers **weekly**.');
    // The draft-only tool is left out; the others are in citation order.
    expect(first.answer?.tools.map((tool) => [tool.slug, tool.locale])).toEqual([
      ['recognition-portal', 'en'],
      ['accessible-services-guide', 'en'],
    ]);
    expect(first.items.every((item) => item.state === 'met')).toBe(true);
    expect(data.groups[0].questions[1].answer).toBeNull();
    expect(data.groups[1].score).toEqual({ groupKey: 'relevance', met: 0, notMet: 0, notAssessed: 11, total: 11 });
    expect(data.validationStatus).toBe('validated');
    expect(data.organisation).toBe('Alpha volunteers association');
    expect(data.website).toBe('https://example.org/practice');
    expect(data.locales).toEqual([
      { locale: 'cs', slug: 'alfa-jazykova-kavarna' },
      { locale: 'en', slug: 'alpha-language-cafe' },
    ]);
  });

  it('serves a locale with translated texts and falls back to the default locale where untranslated', async () => {
    const { body } = await get(`${apiPaths.practice('alfa-jazykova-kavarna')}?locale=cs`);
    const { data } = expectContract(practiceResponse, body);
    expect(data.locale).toBe('cs');
    expect(data.organisation).toBe('Spolek dobrovolníků Alfa');
    expect(data.fieldLocales.organisation).toBeUndefined();
    expect(data.groups[0].title).toBe('Inkluzivita a participace');
    expect(data.groups[1].title).toBe('Relevance & Complementarity');
    expect(data.groups[0].questions[0].answer?.tools.map((tool) => [tool.name, tool.locale])).toEqual([
      ['Portál uznávání', 'cs'],
      ['Accessible services guide', 'en'],
    ]);
  });

  it.each([
    ['an unknown slug', apiPaths.practice('no-such-practice')],
    ['a draft-only practice', apiPaths.practice('delta-draft')],
    ['a slug of another locale', `${apiPaths.practice('alpha-language-cafe')}?locale=cs`],
    ['a malformed slug', apiPaths.practice('Not A Slug')],
  ])('answers 404 with the error envelope for %s', async (_case, path) => {
    const { status, body } = await get(path);
    expect(status).toBe(404);
    expect(errorResponse.parse(body).error.name).toBe('NotFoundError');
  });

  it('answers 400 to query parameters other than locale', async () => {
    const { status } = await get(`${apiPaths.practice('alpha-language-cafe')}?populate=*`);
    expect(status).toBe(400);
  });
});

describe('GET /framework', () => {
  it('serves the seeded framework in order', async () => {
    const { body } = await get(apiPaths.framework);
    const { data } = expectContract(frameworkResponse, body);
    expect(data.locale).toBe('en');
    expect(data.groups.map((group) => [group.key, group.title, group.questions.length])).toEqual(
      springFramework.groups.map((group) => [group.key, group.title, group.questions.length]),
    );
  });

  it('serves translated texts with the default locale as fallback', async () => {
    const { body } = await get(`${apiPaths.framework}?locale=cs`);
    const { data } = expectContract(frameworkResponse, body);
    expect(data.locale).toBe('cs');
    expect(data.groups.map((group) => group.title).slice(0, 2)).toEqual(['Inkluzivita a participace', 'Relevance & Complementarity']);
  });
});

describe('GET /tools and /tools/:slug', () => {
  it('lists published tools sorted by name', async () => {
    const { body } = await get(apiPaths.tools);
    const { data } = expectContract(toolListResponse, body);
    expect(data.map((tool) => [tool.slug, tool.kind, tool.url])).toEqual([
      ['accessible-services-guide', 'guide', null],
      ['recognition-portal', 'portal', 'https://example.org/tool'],
    ]);
  });

  it('serves a tool with the practices citing it and its locales', async () => {
    const { body } = await get(apiPaths.tool('recognition-portal'));
    const { data } = expectContract(toolResponse, body);
    expect(data.practices).toEqual([{ slug: 'alpha-language-cafe', title: 'Alpha language café', locale: 'en' }]);
    expect(data.locales).toEqual([
      { locale: 'cs', slug: 'portal-uznavani' },
      { locale: 'en', slug: 'recognition-portal' },
    ]);
    const cs = expectContract(toolResponse, (await get(`${apiPaths.tool('portal-uznavani')}?locale=cs`)).body);
    expect(cs.data.practices).toEqual([{ slug: 'alfa-jazykova-kavarna', title: 'Alfa jazyková kavárna', locale: 'cs' }]);
  });

  it('answers 404 for a draft-only or unknown tool', async () => {
    expect((await get(apiPaths.tool('unfinished-toolkit'))).status).toBe(404);
    expect((await get(apiPaths.tool('nothing-here'))).status).toBe(404);
  });
});

describe('GET /integration-areas and /target-groups', () => {
  it('serves the starter taxonomies, translated where available', async () => {
    const en = expectContract(taxonomyResponse, (await get(apiPaths.integrationAreas)).body);
    expect(en.data.map((term) => term.key).sort()).toEqual([
      'digital-skills',
      'education-and-training',
      'employment',
      'health',
      'housing',
      'language-learning',
      'recognition-of-qualifications',
      'social-inclusion',
    ]);
    const cs = expectContract(taxonomyResponse, (await get(`${apiPaths.integrationAreas}?locale=cs`)).body);
    expect(cs.data.find((term) => term.key === 'employment')).toEqual({ key: 'employment', name: 'Zaměstnanost', locale: 'cs' });
    // Not named in Czech: named in the next language of the chain, which says so.
    expect(cs.data.find((term) => term.key === 'housing')).toEqual({ key: 'housing', name: 'Housing', locale: 'en' });

    const groups = expectContract(taxonomyResponse, (await get(apiPaths.targetGroups)).body);
    expect(groups.data.map((term) => term.key)).toContain('asylum-seekers');
    expect(groups.data).toHaveLength(8);
  });
});

describe('GET /site', () => {
  it('serves the seeded English site texts', async () => {
    const { body } = await get(apiPaths.site);
    const { data } = expectContract(siteResponse, body);
    expect(data.siteName).toBe('Good practices for migrant integration');
    expect(data.footer.fundingDisclaimer).toMatch(/grant agreement 101004635/);
  });

  it('answers 404 in a locale without published site texts and 400 for an unknown locale', async () => {
    const cs = await get(`${apiPaths.site}?locale=cs`);
    expect(cs.status).toBe(404);
    expect(errorResponse.parse(cs.body).error.message).toMatch(/locale cs/);
    const unknown = await get(`${apiPaths.site}?locale=zz`);
    expect(unknown.status).toBe(400);
    expect(errorResponse.parse(unknown.body).error.message).toMatch(/locale “zz” is not available/);
  });
});

describe('when an administrator switches the default locale', () => {
  it('keeps the framework and the taxonomies complete (their structure stays in their own language)', async () => {
    const locales = app.strapi.plugin('i18n').service('locales') as { setDefaultLocale(locale: { code: string }): Promise<void> };
    await locales.setDefaultLocale({ code: 'cs' });
    try {
      const { data } = expectContract(frameworkResponse, (await get(apiPaths.framework)).body);
      expect(data.locale).toBe('cs');
      expect(data.groups.map((group) => group.questions.flatMap((question) => question.items).length)).toEqual(
        springFramework.groups.map((group) => group.questions.flatMap((question) => question.items).length),
      );
      expect(data.groups[0].title).toBe('Inkluzivita a participace');
      expect(expectContract(taxonomyResponse, (await get(apiPaths.integrationAreas)).body).data).toHaveLength(8);
    } finally {
      await locales.setDefaultLocale({ code: 'en' });
    }
  });
});
