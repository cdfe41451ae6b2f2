/**
 * GET /insights: how many published practices meet each checklist item, per group and overall,
 * narrowed by country and integration area; drafts never count (a draft-only practice, a newer
 * draft of a published one), a publish counts at once; bad queries are 400s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorResponse, insightsResponse, type Insights } from '../../contract';
import springFramework from '../../server/src/framework/spring-framework.json';
import { expectContract } from '../support/contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE, type WrittenDocument } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
let bravo: WrittenDocument;
const inclusivityItems = springFramework.groups[0].questions.flatMap((question) => question.items.map((item) => item.key));
const allItems = springFramework.groups.flatMap((group) => group.questions.flatMap((question) => question.items.map((item) => item.key)));
const FIRST = 'inclusivity.accessible-services.1';
const NEEDS = 'relevance.migrant-needs.1';

async function insights(query = ''): Promise<Insights> {
  const { status, body } = await getJson(`${app.url}${apiPaths.insights}${query ? `?${query}` : ''}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return expectContract(insightsResponse, body).data;
}
const itemOf = (data: Insights, key: string) => data.groups.flatMap((group) => group.items).find((item) => item.key === key)!;

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  await ensureLocales(strapi, ['ar']);
  const area = (key: string) => documentIdByKey(strapi, INTEGRATION_AREA, key);
  await createPractice(strapi, {
    slug: 'alpha',
    country: 'DE',
    integrationAreas: [await area('language-learning')],
    assessment: Object.fromEntries(inclusivityItems.map((key) => [key, 'met'])),
  });
  bravo = await createPractice(strapi, {
    slug: 'bravo',
    country: 'CZ',
    integrationAreas: [await area('employment')],
    assessment: { [FIRST]: 'met', [NEEDS]: 'not-met' },
  });
  await createPractice(strapi, { slug: 'charlie', country: 'CZ', integrationAreas: [await area('employment')], assessment: {} });
  // A draft-only practice meeting everything: never counted.
  await createPractice(strapi, { slug: 'delta-draft', country: 'IT', assessment: Object.fromEntries(allItems.map((key) => [key, 'met'])) }, { status: 'draft' });
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /insights', () => {
  it('counts every published practice per item, per group and overall', async () => {
    const data = await insights();
    expect(data.practices).toBe(3);
    expect(itemOf(data, FIRST)).toMatchObject({ met: 2, notMet: 0, notAssessed: 1, questionKey: 'inclusivity.accessible-services' });
    expect(itemOf(data, NEEDS)).toMatchObject({ met: 0, notMet: 1, notAssessed: 2 });
    const inclusivity = data.groups.find((group) => group.key === 'inclusivity')!;
    expect(inclusivity.items.map((item) => item.key)).toEqual(inclusivityItems);
    expect(inclusivity.checks).toBe(inclusivityItems.length * 3);
    // alpha meets every inclusivity item, bravo one, charlie none.
    expect(inclusivity.met).toBe(inclusivityItems.length + 1);
    expect(inclusivity.fullyMet).toBe(1);
    expect(data.checks).toBe(allItems.length * 3);
    expect(data.met).toBe(inclusivityItems.length + 1);
    expect(data.countries).toEqual([
      { key: 'CZ', practices: 2 },
      { key: 'DE', practices: 1 },
    ]);
    expect(data.areas).toEqual([
      { key: 'employment', practices: 2 },
      { key: 'language-learning', practices: 1 },
    ]);
    expect(data.country).toBeNull();
    expect(data.area).toBeNull();
  });

  it('narrows by country and by integration area; the facet values stay those of every practice', async () => {
    const cz = await insights('country=CZ');
    expect([cz.practices, cz.country, itemOf(cz, FIRST).met, itemOf(cz, FIRST).notAssessed]).toEqual([2, 'CZ', 1, 1]);
    expect(cz.countries.map((value) => value.key)).toEqual(['CZ', 'DE']);
    const language = await insights('area=language-learning');
    expect([language.practices, language.area, itemOf(language, FIRST).met]).toEqual([1, 'language-learning', 1]);
    const both = await insights('country=DE&area=employment');
    expect([both.practices, both.checks, both.met]).toEqual([0, 0, 0]);
    expect(itemOf(both, FIRST)).toMatchObject({ met: 0, notMet: 0, notAssessed: 0 });
  });

  it('answers values that name nothing with no practice, not an error', async () => {
    expect((await insights('area=no-such-area')).practices).toBe(0);
    expect((await insights('country=ZZ')).practices).toBe(0);
  });

  it('names groups and items in the requested locale', async () => {
    const data = await insights('locale=ar');
    expect(data.locale).toBe('ar');
    expect(data.practices).toBe(3);
  });

  it.each([
    ['country=de', 'country'],
    ['country=DE&country=CZ', 'country'],
    ['area=Not%20A%20Key', 'area'],
    ['locale=xx', 'locale'],
    ['status=draft', 'status'],
    ['itemMet=' + FIRST, 'itemMet'],
  ])('refuses %s with a 400 naming %s', async (query, parameter) => {
    const { status, body } = await getJson(`${app.url}${apiPaths.insights}?${query}`);
    expect(status).toBe(400);
    expect(errorResponse.parse(body).error.message).toContain(parameter);
  });

  it('never counts a draft change; counts it once published', async () => {
    const { strapi } = app;
    const before = await insights();
    // A newer draft of bravo meeting the needs item (the assessment is shared: every draft gets it).
    await documents(strapi, PRACTICE).update({ documentId: bravo.documentId, locale: 'en', data: { assessment: { [FIRST]: 'met', [NEEDS]: 'met' } } });
    const afterDraft = await insights();
    expect(afterDraft).toEqual(before);
    expect(itemOf(await insights('country=CZ'), NEEDS)).toMatchObject({ met: 0, notMet: 1 });

    await documents(strapi, PRACTICE).publish({ documentId: bravo.documentId, locale: 'en' });
    const published = await insights();
    expect(itemOf(published, NEEDS)).toMatchObject({ met: 1, notMet: 0, notAssessed: 2 });
    expect(published.met).toBe(before.met + 1);
    expect(itemOf(await insights('country=CZ'), NEEDS)).toMatchObject({ met: 1, notMet: 0 });
  });
});
