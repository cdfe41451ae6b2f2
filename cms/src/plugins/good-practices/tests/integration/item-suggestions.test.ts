/**
 * GET /item-suggestions: per checklist item, the published practices that meet it, best in the
 * item's group first, with the published tools their answer to the item's question cites. Drafts
 * (a draft-only practice, a newer draft of a published one, a draft tool) never show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorResponse, itemSuggestionsResponse, MAX_SUGGESTIONS_PER_ITEM } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documents, PRACTICE } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
const get = (path: string) => getJson(`${app.url}${path}`);
const ITEM = 'inclusivity.accessible-services.1';
const QUESTION = 'inclusivity.accessible-services';

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  await ensureLocales(strapi, ['cs']);
  const tool = await createTool(strapi, { name: 'Public tool', slug: 'public-tool' });
  const draftTool = await createTool(strapi, { name: 'Draft tool', slug: 'draft-tool' }, { status: 'draft' });

  // Meets the item alone.
  await createPractice(strapi, { title: 'Alpha meets one', slug: 'alpha-one', assessment: { [ITEM]: 'met' } });
  // Meets the whole group: first, whatever its title.
  await createPractice(strapi, {
    title: 'Zulu meets all',
    slug: 'zulu-all',
    assessment: Object.fromEntries(['1', '2', '3', '4'].map((n) => [`${QUESTION}.${n}`, 'met'])),
    answers: [{ questionKey: QUESTION, body: 'How we did it.', tools: [tool.documentId, draftTool.documentId] }],
  });
  // Meets two of the group.
  await createPractice(strapi, { title: 'Mike meets two', slug: 'mike-two', assessment: { [ITEM]: 'met', [`${QUESTION}.2`]: 'met' } });
  // Equal in the group to alpha, but meets more elsewhere: before alpha.
  await createPractice(strapi, { title: 'Bravo meets one here', slug: 'bravo-one', assessment: { [ITEM]: 'met', 'relevance.migrant-needs.1': 'met' } });
  // Does not meet the item.
  await createPractice(strapi, { title: 'Charlie not met', slug: 'charlie-not', assessment: { [ITEM]: 'not-met', [`${QUESTION}.2`]: 'met' } });
  // A draft meeting everything: never suggested.
  await createPractice(strapi, { title: 'Draft practice', slug: 'draft-practice', assessment: { [ITEM]: 'met', [`${QUESTION}.2`]: 'met', [`${QUESTION}.3`]: 'met' } }, { status: 'draft' });
  // A published practice whose newer draft has another title and answer: the published ones show.
  const edited = await createPractice(strapi, { title: 'Echo published', slug: 'echo', assessment: { [ITEM]: 'met' } });
  await documents(strapi, PRACTICE).update({
    documentId: edited.documentId,
    locale: 'en',
    data: { title: 'DRAFT TITLE', answers: [{ questionKey: QUESTION, body: 'DRAFT', tools: [tool.documentId] }] },
  });
  // More practices meeting the item than are suggested.
  for (const letter of ['f', 'g']) await createPractice(strapi, { title: `Foxtrot ${letter}`, slug: `foxtrot-${letter}`, assessment: { [ITEM]: 'met' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('item suggestions', () => {
  it('ranks published practices meeting the item, best in its group first, with their published tools', async () => {
    const response = await get(`${apiPaths.itemSuggestions}?locale=en`);
    expect(response.status).toBe(200);
    const { data } = itemSuggestionsResponse.parse(response.body);
    expect(data.locale).toBe('en');
    const suggested = data.items[ITEM]!;
    expect(suggested).toHaveLength(MAX_SUGGESTIONS_PER_ITEM);
    expect(suggested.map((s) => s.slug)).toEqual(['zulu-all', 'mike-two', 'bravo-one', 'alpha-one', 'echo']);
    expect(suggested[0]!.score).toMatchObject({ groupKey: 'inclusivity', met: 4 });
    expect(suggested[0]!.tools.map((t) => t.slug)).toEqual(['public-tool']);
    expect(suggested.find((s) => s.slug === 'echo')).toMatchObject({ title: 'Echo published', tools: [] });
    expect(JSON.stringify(data)).not.toMatch(/draft/i);
    // Every active item has an entry; an item met by no practice has none suggested.
    expect(Object.keys(data.items)).toHaveLength(40);
    expect(data.items['partnership.coordination.1']).toEqual([]);
    expect(data.items[`${QUESTION}.3`]!.map((s) => s.slug)).toEqual(['zulu-all']);
  });

  it('shows the fallback language of a locale without translations', async () => {
    const { data } = itemSuggestionsResponse.parse((await get(`${apiPaths.itemSuggestions}?locale=cs`)).body);
    expect(data.locale).toBe('cs');
    expect(data.items[ITEM]!.map((s) => [s.slug, s.locale])[0]).toEqual(['zulu-all', 'en']);
  });

  it('refuses an unknown locale or parameter with a 400', async () => {
    const badLocale = await get(`${apiPaths.itemSuggestions}?locale=xx`);
    expect(badLocale.status).toBe(400);
    errorResponse.parse(badLocale.body);
    expect((await get(`${apiPaths.itemSuggestions}?status=draft`)).status).toBe(400);
  });
});
