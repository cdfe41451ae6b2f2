/**
 * No N+1: the number of SQL queries of a public request does not grow with the page size (or
 * with the number of tools a practice cites), measured on the knex connection with 55
 * published practices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceDetailListResponse, practiceListResponse, practiceResponse, toolDetailListResponse } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE, TARGET_GROUP, TOOL } from '../support/practices';
import { countQueries, waitForQuiet, watchContentWrites } from '../support/query-counter';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

const PRACTICES = 55;
let app: RunningStrapi;

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  // A second language: every detail has a fallback chain (en → cs) to fill what it lacks from.
  await ensureLocales(strapi, ['cs']);
  const tools = await Promise.all(Array.from({ length: 10 }, (_, index) => createTool(strapi, { name: `Tool ${index}`, slug: `tool-${index}` })));
  const areas = await Promise.all(['employment', 'housing', 'health'].map((key) => documentIdByKey(strapi, INTEGRATION_AREA, key)));
  const groups = await Promise.all(['refugees', 'women'].map((key) => documentIdByKey(strapi, TARGET_GROUP, key)));
  for (let index = 0; index < PRACTICES - 1; index += 1) {
    await createPractice(strapi, {
      title: `Practice number ${String(index).padStart(2, '0')}`,
      // Not "practice-N": that is the admin's placeholder slug, which a new practice's title replaces.
      slug: `counted-${index}`,
      integrationAreas: areas.slice(0, 1 + (index % 3)),
      targetGroups: groups,
      assessment: { 'inclusivity.accessible-services.1': 'met', 'inclusivity.accessible-services.2': index % 2 ? 'met' : 'not-met' },
      answers: [
        {
          questionKey: 'inclusivity.accessible-services',
          body: `Answer of practice ${index}.`,
          // practice-0 cites one tool, practice-1 cites ten.
          tools: index === 1 ? tools.map((tool) => tool.documentId) : [tools[index % tools.length].documentId],
        },
      ],
    });
  }
  // The last one has a Czech version answering a question its English one does not.
  const twin = await createPractice(strapi, {
    title: 'Practice with a Czech answer',
    slug: 'practice-with-czech-answer',
    integrationAreas: areas.slice(0, 1),
    targetGroups: groups,
    answers: [{ questionKey: 'inclusivity.accessible-services', body: 'English answer.', tools: [] }],
  });
  await documents(strapi, PRACTICE).update({
    documentId: twin.documentId,
    locale: 'cs',
    data: {
      title: 'Praxe s českou odpovědí',
      slug: 'praxe-s-ceskou-odpovedi',
      answers: [{ questionKey: 'inclusivity.receiving-society', body: 'Česká odpověď.', tools: [] }],
    },
  });
  await documents(strapi, PRACTICE).publish({ documentId: twin.documentId, locale: 'cs' });
  await waitForQuiet(strapi);
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

/**
 * The public read side keeps derived values for one content generation (read-model/): the first
 * request after a write reads more than the next ones. Both states are compared: 'cold' right
 * after a write (a draft edit of a tool, which changes nothing public), 'warm' after the same
 * request once.
 */
type CacheState = 'cold' | 'warm';
const STATES: CacheState[] = ['cold', 'warm'];
let touches = 0;

/** The statements of a request made once before, re-measured when a content write lands in between. */
async function warmCount(path: string): Promise<{ result: Awaited<ReturnType<typeof getJson>>; queries: string[] }> {
  for (let attempt = 1; ; attempt += 1) {
    const writes = watchContentWrites(app.strapi);
    try {
      expect((await getJson(`${app.url}${path}`)).status).toBe(200);
      await waitForQuiet(app.strapi);
      const counted = await countQueries(app.strapi, () => getJson(`${app.url}${path}`));
      if (writes.count() === 0 || attempt === 5) return counted;
    } finally {
      writes.stop();
    }
  }
}

async function queriesFor(path: string, state: CacheState = 'warm'): Promise<{ count: number; body: unknown }> {
  if (state === 'cold') {
    // The caches of the generation before the write exist (a list was read): the request after
    // it derives what it can from them (read-model/change-journal.ts), as in a running CMS.
    expect((await getJson(`${app.url}${path}`)).status).toBe(200);
    const [tool] = await documents(app.strapi, TOOL).findMany({ locale: 'en', status: 'draft', filters: { slug: 'tool-9' } });
    touches += 1;
    await documents(app.strapi, TOOL).update({ documentId: tool.documentId, locale: 'en', data: { description: `Draft edit ${touches}.` } });
    await waitForQuiet(app.strapi);
    return countedRequest(path);
  }
  // Warm: the same request once before, and no content write from then until the counted one
  // ends (a late write of an earlier step makes the request cold: measured again, a few times).
  for (let attempt = 1; ; attempt += 1) {
    const writes = watchContentWrites(app.strapi);
    try {
      expect((await getJson(`${app.url}${path}`)).status).toBe(200);
      // The warm-up may start a background build (the versions index): its statements must not
      // land in the counted window.
      await waitForQuiet(app.strapi);
      const counted = await countedRequest(path);
      if (writes.count() === 0 || attempt === 5) return counted;
      console.info(`[query-count] ${path}: ${writes.count()} content write(s) during the warm measurement; measuring again`);
    } finally {
      writes.stop();
    }
  }
}

async function countedRequest(path: string): Promise<{ count: number; body: unknown }> {
  const { result, queries } = await countQueries(app.strapi, () => getJson(`${app.url}${path}`));
  expect(result.status).toBe(200);
  if (process.env.DEBUG_QUERIES) console.log(path, queries.length, queries.join('\n'));
  return { count: queries.length, body: result.body };
}

describe('query count per request', () => {
  it.each(['', '&itemMet=inclusivity.accessible-services.2', '&q=answer&sort=title:asc', '&area=employment&targetGroup=women'])(
    'is the same for pageSize 5 and 50 (%s)',
    async (filters) => {
      for (const state of STATES) {
        const small = await queriesFor(`${apiPaths.practices}?pageSize=5${filters}`, state);
        const large = await queriesFor(`${apiPaths.practices}?pageSize=50${filters}`, state);
        expect(practiceListResponse.parse(small.body).data.length).toBeLessThanOrEqual(5);
        expect(practiceListResponse.parse(large.body).data.length).toBeGreaterThan(5);
        expect({ state, count: large.count }).toEqual({ state, count: small.count });
        expect(small.count).toBeLessThan(25);
      }
    },
  );

  it('lists all 55 practices, 50 on the first page', async () => {
    const { body } = await queriesFor(`${apiPaths.practices}?pageSize=50`);
    const list = practiceListResponse.parse(body);
    expect(list.meta.pagination).toEqual({ page: 1, pageSize: 50, pageCount: 2, total: PRACTICES });
    expect(list.data.every((practice) => practice.integrationAreas.length > 0 && practice.targetGroups.length === 2)).toBe(true);
  });

  it.each(STATES)('is the same for a practice citing one tool and one citing ten (%s)', async (state) => {
    const one = await queriesFor(apiPaths.practice('counted-0'), state);
    const ten = await queriesFor(apiPaths.practice('counted-1'), state);
    expect(practiceResponse.parse(ten.body).data.groups[0].questions[0].answer?.tools).toHaveLength(10);
    expect(ten.count).toBe(one.count);
  });

  it('reads a practice detail with two statements once its locale is listed: the generation and its row', async () => {
    // A write, then a list request (builds the locale's list index) and a detail request (builds
    // the versions index in the background): a later detail reads neither relations nor versions.
    const [tool] = await documents(app.strapi, TOOL).findMany({ locale: 'en', status: 'draft', filters: { slug: 'tool-9' } });
    await documents(app.strapi, TOOL).update({ documentId: tool.documentId, locale: 'en', data: { description: 'Draft edit before a listed detail.' } });
    await waitForQuiet(app.strapi);
    const cold = await countQueries(app.strapi, () => getJson(`${app.url}${apiPaths.practice('counted-2')}`));
    expect((await getJson(`${app.url}${apiPaths.practices}?pageSize=5`)).status).toBe(200);
    await waitForQuiet(app.strapi);
    const { result, queries } = await countQueries(app.strapi, () => getJson(`${app.url}${apiPaths.practice('counted-3')}`));
    const detail = practiceResponse.parse(result.body).data;
    expect(detail.integrationAreas.map((term) => term.key)).toEqual(['employment']);
    expect(detail.targetGroups.map((term) => term.key).sort()).toEqual(['refugees', 'women']);
    expect(detail.locales.map((version) => version.locale)).toEqual(['en']);
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatch(/gp_content_generation/);
    expect(queries[1]).toMatch(/gp_practices/);
    expect(cold.queries.length).toBeGreaterThan(queries.length);
  });

  it('reads the other languages of a detail’s chain only when one of them has what the detail lacks', async () => {
    // Practice 4 answers one question of twelve, in English only: no other language can fill the
    // others. The practice with a Czech answer lacks the same in English, but Czech answers a
    // second question.
    // The first details after the write build the indexes they use (the text presence in the background).
    expect((await getJson(`${app.url}${apiPaths.practices}?pageSize=5`)).status).toBe(200);
    expect((await getJson(`${app.url}${apiPaths.practice('counted-5')}`)).status).toBe(200);
    await waitForQuiet(app.strapi);

    // Warm like the other counts (queriesFor): a late write of an earlier step (a clean-clone CI run
    // counted 21 statements: the read model rebuilt inside the window) is measured again.
    const alone = await warmCount(apiPaths.practice('counted-4'));
    expect(practiceResponse.parse(alone.result.body).data.groups.flatMap((group) => group.questions).filter((question) => question.answer)).toHaveLength(1);
    expect(alone.queries).toHaveLength(2);

    const filled = await warmCount(apiPaths.practice('practice-with-czech-answer'));
    const answers = practiceResponse
      .parse(filled.result.body)
      .data.groups.flatMap((group) => group.questions)
      .filter((question) => question.answer)
      .map((question) => [question.key, question.answer!.locale]);
    expect(answers.sort()).toEqual([
      ['inclusivity.accessible-services', 'en'],
      ['inclusivity.receiving-society', 'cs'],
    ]);
    expect(filled.queries).toHaveLength(3);
    expect(filled.queries[2]).toMatch(/gp_practices/);
  });

  it.each(STATES)('is the same for practice detail pages of 10 and 100 (%s)', async (state) => {
    const small = await queriesFor(`${apiPaths.practiceDetails}?pageSize=10`, state);
    const large = await queriesFor(`${apiPaths.practiceDetails}?pageSize=100`, state);
    const smallPage = practiceDetailListResponse.parse(small.body).data;
    expect(smallPage).toHaveLength(10);
    expect(practiceDetailListResponse.parse(large.body).data).toHaveLength(PRACTICES);
    // One query reads the chain's other languages for every row of a page that can be filled from
    // them (here only the practice with a Czech answer), whatever their number. Once the
    // text-presence index is built (warm), a page without such a row does not read them at all.
    const chainRead = state === 'warm' && !smallPage.some((practice) => practice.slug === 'practice-with-czech-answer') ? 1 : 0;
    expect(large.count).toBe(small.count + chainRead);
  });

  it.each(STATES)('is the same for tool detail pages of 2 and 100 (%s)', async (state) => {
    const small = await queriesFor(`${apiPaths.toolDetails}?pageSize=2`, state);
    const large = await queriesFor(`${apiPaths.toolDetails}?pageSize=100`, state);
    expect(toolDetailListResponse.parse(small.body).data).toHaveLength(2);
    expect(toolDetailListResponse.parse(large.body).data).toHaveLength(10);
    expect(large.count).toBe(small.count);
  });
});
