/**
 * Bulk detail pages for the static build (GET /practice-details, GET /tool-details): every item
 * equals what the single-item endpoint returns for it, pages follow documentId order without
 * overlap or gap, drafts never appear, and a bad query is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorResponse, practiceDetailListResponse, toolDetailListResponse, type PracticeDetail, type ToolDetail } from '../../contract';
import { expectContract } from '../support/contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documents, PRACTICE, TOOL, type WrittenDocument } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
const tools: WrittenDocument[] = [];
const get = (path: string) => getJson(`${app.url}${path}`);

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  await ensureLocales(strapi, ['cs']);
  for (let index = 0; index < 4; index += 1) tools.push(await createTool(strapi, { name: `Bulk tool ${index}`, slug: `bulk-tool-${index}` }));
  const draftTool = await createTool(strapi, { name: 'Secret draft tool', slug: 'secret-draft-tool' }, { status: 'draft' });
  await documents(strapi, TOOL).update({ documentId: tools[0].documentId, locale: 'cs', data: { name: 'Nástroj', slug: 'nastroj' } });
  await documents(strapi, TOOL).publish({ documentId: tools[0].documentId, locale: 'cs' });

  for (let index = 0; index < 11; index += 1) {
    const practice = await createPractice(strapi, {
      title: `Bulk practice ${index}`,
      slug: `bulk-practice-${index}`,
      assessment: { 'inclusivity.accessible-services.1': index % 2 ? 'met' : 'not-met' },
      answers: [
        {
          questionKey: 'inclusivity.accessible-services',
          body: `Answer ${index}.`,
          tools: [tools[index % tools.length].documentId, ...(index === 3 ? [tools[1].documentId, draftTool.documentId] : [])],
        },
      ],
    });
    if (index < 3) {
      await documents(strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'cs', data: { title: `Praxe ${index}`, slug: `praxe-${index}` } });
      await documents(strapi, PRACTICE).publish({ documentId: practice.documentId, locale: 'cs' });
    }
    if (index === 4) {
      // A newer draft must stay invisible in the bulk read too.
      await documents(strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'en', data: { title: 'DRAFT TITLE' } });
    }
  }
  await createPractice(strapi, { title: 'Secret draft practice', slug: 'secret-draft-practice' }, { status: 'draft' });
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

async function allPages<Item>(path: string, parse: (body: unknown) => { data: Item[]; meta: { pagination: { pageCount: number; total: number } } }, pageSize: number, locale = 'en'): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  let total = 0;
  for (let page = 1; ; page += 1) {
    const response = await get(`${path}?locale=${locale}&page=${page}&pageSize=${pageSize}`);
    expect(response.status).toBe(200);
    const body = parse(response.body);
    expect(body.data.length).toBeLessThanOrEqual(pageSize);
    items.push(...body.data);
    total = body.meta.pagination.total;
    if (page >= body.meta.pagination.pageCount) break;
  }
  return { items, total };
}

describe('GET /practice-details', () => {
  it.each(['en', 'cs'])('pages through every published practice of %s, each equal to GET /practices/:slug', async (locale) => {
    const { items, total } = await allPages<PracticeDetail>(apiPaths.practiceDetails, (body) => expectContract(practiceDetailListResponse, body), 4, locale);
    expect(items).toHaveLength(locale === 'en' ? 11 : 3);
    expect(total).toBe(items.length);
    const ids = items.map((item) => item.documentId);
    expect(ids).toEqual([...ids].sort());
    for (const item of items) {
      const single = await get(`${apiPaths.practice(item.slug)}?locale=${locale}`);
      expect(single.status).toBe(200);
      expect(item).toEqual((single.body as { data: unknown }).data);
    }
    expect(JSON.stringify(items)).not.toMatch(/secret|DRAFT/i);
  });

  it('cites published tools (in the default locale when not in the requested one) and lists locale versions', async () => {
    const { items } = await allPages<PracticeDetail>(apiPaths.practiceDetails, (body) => practiceDetailListResponse.parse(body), 100);
    const third = items.find((item) => item.slug === 'bulk-practice-3')!;
    expect(third.groups[0].questions[0].answer?.tools.map((tool) => tool.slug)).toEqual(['bulk-tool-3', 'bulk-tool-1']);
    expect(items.find((item) => item.slug === 'bulk-practice-0')!.locales).toEqual([
      { locale: 'cs', slug: 'praxe-0' },
      { locale: 'en', slug: 'bulk-practice-0' },
    ]);
  });

  it('answers the pagination of a page past the end with no items', async () => {
    const body = practiceDetailListResponse.parse((await get(`${apiPaths.practiceDetails}?page=5&pageSize=10`)).body);
    expect(body).toEqual({ data: [], meta: { pagination: { page: 5, pageSize: 10, pageCount: 2, total: 11 } } });
  });
});

describe('GET /tool-details', () => {
  it.each(['en', 'cs'])('pages through every published tool of %s, each equal to GET /tools/:slug', async (locale) => {
    const { items, total } = await allPages<ToolDetail>(apiPaths.toolDetails, (body) => expectContract(toolDetailListResponse, body), 3, locale);
    expect(items).toHaveLength(locale === 'en' ? 4 : 1);
    expect(total).toBe(items.length);
    const ids = items.map((item) => item.documentId);
    expect(ids).toEqual([...ids].sort());
    for (const item of items) {
      const single = await get(`${apiPaths.tool(item.slug)}?locale=${locale}`);
      expect(single.status).toBe(200);
      expect(item).toEqual((single.body as { data: unknown }).data);
    }
    expect(JSON.stringify(items)).not.toMatch(/secret|DRAFT/i);
  });

  it('lists the citing practices', async () => {
    const { items } = await allPages<ToolDetail>(apiPaths.toolDetails, (body) => toolDetailListResponse.parse(body), 100);
    const first = items.find((item) => item.slug === 'bulk-tool-1')!;
    expect(first.practices.map((practice) => practice.slug).sort()).toEqual(['bulk-practice-1', 'bulk-practice-3', 'bulk-practice-5', 'bulk-practice-9']);
  });
});

describe('a bad query is a 400', () => {
  it.each([apiPaths.practiceDetails, apiPaths.toolDetails])('%s', async (path) => {
    for (const probe of ['pageSize=101', 'pageSize=0', 'page=0', 'page=x', 'locale=xx', 'sort=title:asc', 'status=draft', 'populate=*']) {
      const { status, body } = await get(`${path}?${probe}`);
      expect({ probe, status }).toEqual({ probe, status: 400 });
      expect(errorResponse.parse(body).error.name).toBe('ValidationError');
    }
  });
});
