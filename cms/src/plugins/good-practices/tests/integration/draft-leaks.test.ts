/**
 * Drafts never reach the public. Strapi 5 returns drafts by default, gives them to any role with
 * `find` on `?status=draft`, and publishes at once on a REST write without status; the public
 * API must show published versions only, whatever is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorResponse, practiceDetailListResponse, practiceListResponse, practiceResponse, practiceVersionsResponse, siteResponse, toolDetailListResponse, toolListResponse } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documents, PRACTICE, SITE, TOOL, type WrittenDocument } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
let draftTool: WrittenDocument;
let publishedTool: WrittenDocument;

const get = (path: string) => getJson(`${app.url}${path}`);
let logoId = 0;

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  await ensureLocales(strapi, ['cs']);

  draftTool = await createTool(strapi, { name: 'Secret draft tool', slug: 'secret-draft-tool' }, { status: 'draft' });
  publishedTool = await createTool(strapi, { name: 'Public tool', slug: 'public-tool' });
  // A published tool whose newer draft must stay invisible.
  await documents(strapi, TOOL).update({ documentId: publishedTool.documentId, locale: 'en', data: { name: 'Public tool DRAFT NAME', url: 'https://draft.example.org' } });

  await createPractice(strapi, { title: 'Secret draft practice', slug: 'secret-draft-practice', summary: 'only a draft' }, { status: 'draft' });
  const edited = await createPractice(strapi, {
    title: 'Published title',
    slug: 'edited-practice',
    summary: 'Published summary',
    assessment: { 'inclusivity.accessible-services.1': 'met' },
    answers: [{ questionKey: 'inclusivity.accessible-services', body: 'Published answer.', tools: [publishedTool.documentId, draftTool.documentId] }],
  });
  // A newer draft of a published practice: new title, summary and answers (the assessment is
  // the same in every version by design, so it is not part of this probe).
  await documents(strapi, PRACTICE).update({
    documentId: edited.documentId,
    locale: 'en',
    data: { title: 'DRAFT TITLE', summary: 'DRAFT SUMMARY', answers: [{ questionKey: 'inclusivity.accessible-services', body: 'DRAFT ANSWER', tools: [] }] },
  });
  // A Czech version that exists only as a draft.
  await documents(strapi, PRACTICE).update({ documentId: edited.documentId, locale: 'cs', data: { title: 'Koncept', slug: 'koncept' } });

  // Site texts: a newer English draft, and a Czech draft only.
  const site = await documents(strapi, SITE).findFirst({ locale: 'en', status: 'published' });
  logoId = ((await strapi.db.query('plugin::upload.file').create({
    data: { name: 'draft-logo.png', alternativeText: 'Draft logo', hash: 'draft_logo', ext: '.png', mime: 'image/png', size: 1.2, width: 200, height: 80, url: '/uploads/draft-logo.png', provider: 'local' },
  })) as { id: number }).id;
  await documents(strapi, SITE).update({ documentId: site!.documentId, locale: 'en', data: { siteName: 'DRAFT SITE NAME', logo: logoId } as never });
  await documents(strapi, SITE).update({ documentId: site!.documentId, locale: 'cs', data: { siteName: 'Koncept webu' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('draft-only content is invisible on every route', () => {
  it('is absent from the practice list, search and detail', async () => {
    const list = practiceListResponse.parse((await get(apiPaths.practices)).body);
    expect(list.data.map((practice) => practice.slug)).toEqual(['edited-practice']);
    expect(practiceListResponse.parse((await get(`${apiPaths.practices}?q=secret`)).body).data).toEqual([]);
    expect((await get(apiPaths.practice('secret-draft-practice'))).status).toBe(404);
    // Czech has only a draft: its list shows the published English version (locale fallback), never the draft.
    expect(practiceListResponse.parse((await get(`${apiPaths.practices}?locale=cs`)).body).data.map((practice) => [practice.locale, practice.slug])).toEqual([['en', 'edited-practice']]);
    expect((await get(`${apiPaths.practice('koncept')}?locale=cs`)).status).toBe(404);
    const details = practiceDetailListResponse.parse((await get(`${apiPaths.practiceDetails}?pageSize=100`)).body);
    expect(details.data.map((practice) => practice.slug)).toEqual(['edited-practice']);
    expect(details.meta.pagination.total).toBe(1);
    expect(practiceDetailListResponse.parse((await get(`${apiPaths.practiceDetails}?locale=cs`)).body).data).toEqual([]);
    // The versions a static build compares: the published English version in both locales, never the drafts.
    for (const locale of ['en', 'cs']) {
      const versions = practiceVersionsResponse.parse((await get(`${apiPaths.practiceVersions}?locale=${locale}`)).body);
      expect(versions.data.map((v) => [v.locale, v.slug])).toEqual([['en', 'edited-practice']]);
    }
  });

  it('is absent from tools, from tool citations and from the practice locales', async () => {
    const tools = toolListResponse.parse((await get(apiPaths.tools)).body);
    expect(tools.data.map((tool) => tool.slug)).toEqual(['public-tool']);
    expect((await get(apiPaths.tool('secret-draft-tool'))).status).toBe(404);
    const { data } = practiceResponse.parse((await get(apiPaths.practice('edited-practice'))).body);
    expect(data.groups[0].questions[0].answer?.tools.map((tool) => tool.slug)).toEqual(['public-tool']);
    expect(data.locales).toEqual([{ locale: 'en', slug: 'edited-practice' }]);
    const toolDetails = toolDetailListResponse.parse((await get(`${apiPaths.toolDetails}?pageSize=100`)).body);
    expect(toolDetails.data.map((tool) => tool.slug)).toEqual(['public-tool']);
    expect(toolDetails.meta.pagination.total).toBe(1);
    const [detail] = practiceDetailListResponse.parse((await get(apiPaths.practiceDetails)).body).data;
    expect(detail.groups[0].questions[0].answer?.tools.map((tool) => tool.slug)).toEqual(['public-tool']);
    expect(detail.locales).toEqual([{ locale: 'en', slug: 'edited-practice' }]);
  });

  it('is absent from the site texts', async () => {
    const cs = await get(`${apiPaths.site}?locale=cs`);
    expect(cs.status).toBe(404);
  });
});

describe('a published document with a newer draft shows the published version only', () => {
  it('in the list, the search and the detail', async () => {
    const list = practiceListResponse.parse((await get(apiPaths.practices)).body);
    expect(list.data[0]).toMatchObject({ title: 'Published title', summary: 'Published summary' });
    expect(practiceListResponse.parse((await get(`${apiPaths.practices}?q=draft`)).body).data).toEqual([]);
    expect(practiceListResponse.parse((await get(`${apiPaths.practices}?q=published%20answer`)).body).data).toHaveLength(1);
    const { data } = practiceResponse.parse((await get(apiPaths.practice('edited-practice'))).body);
    expect(data.title).toBe('Published title');
    expect(data.groups[0].questions[0].answer?.body).toBe('Published answer.');
    expect(JSON.stringify(data)).not.toMatch(/DRAFT/);
    const details = practiceDetailListResponse.parse((await get(apiPaths.practiceDetails)).body);
    expect(details.data[0]).toEqual(data);
  });

  it('for tools and site texts', async () => {
    const tools = toolListResponse.parse((await get(apiPaths.tools)).body);
    expect(tools.data[0]).toMatchObject({ name: 'Public tool', url: 'https://example.org/tool' });
    expect(JSON.stringify((await get(apiPaths.tool('public-tool'))).body)).not.toMatch(/DRAFT|draft\.example/);
    expect(JSON.stringify((await get(apiPaths.toolDetails)).body)).not.toMatch(/DRAFT|draft\.example/);
    const published = siteResponse.parse((await get(apiPaths.site)).body).data;
    expect(published.siteName).toBe('Good practices for migrant integration');
    // The logo set in the draft only is not the public site's either.
    expect(published.logo).toBeNull();
  });
});

describe('once published', () => {
  it('the site texts bring their logo', async () => {
    const site = await documents(app.strapi, SITE).findFirst({ locale: 'en' });
    await documents(app.strapi, SITE).publish({ documentId: site!.documentId, locale: 'en' });
    const published = siteResponse.parse((await get(apiPaths.site)).body).data;
    expect(published.siteName).toBe('DRAFT SITE NAME');
    expect(published.logo).toEqual({ url: '/uploads/draft-logo.png', alternativeText: 'Draft logo', width: 200, height: 80, renditions: [] });
    // Czech has no published site texts of its own, so no logo either (the site falls back).
    expect((await get(`${apiPaths.site}?locale=cs`)).status).toBe(404);
  });
});

describe('asking for drafts is a 400 on every route', () => {
  const routes = [
    apiPaths.locales,
    apiPaths.practices,
    apiPaths.practice('edited-practice'),
    apiPaths.framework,
    apiPaths.tools,
    apiPaths.tool('public-tool'),
    apiPaths.practiceDetails,
    apiPaths.practiceVersions,
    apiPaths.toolDetails,
    apiPaths.integrationAreas,
    apiPaths.targetGroups,
    apiPaths.site,
  ];
  const probes = ['status=draft', 'status=published', 'publicationState=preview', 'populate=*', 'populate[createdBy]=true', 'fields[0]=title', 'filters[slug][$eq]=secret-draft-practice', 'hasPublishedVersion=false'];

  it.each(routes)('%s', async (route) => {
    for (const probe of probes) {
      const { status, body } = await get(`${route}?${probe}`);
      expect({ probe, status }).toEqual({ probe, status: 400 });
      expect(errorResponse.parse(body).error.name).toBe('ValidationError');
      expect(JSON.stringify(body)).not.toMatch(/secret|DRAFT|Koncept/i);
    }
  });
});
