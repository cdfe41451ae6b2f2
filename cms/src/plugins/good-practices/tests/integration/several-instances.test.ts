/**
 * Several CMS instances on one database (behind a load balancer) stay consistent: a write through
 * one instance is served by every other on the very next request. Each instance keeps read caches
 * in memory (read-model/generation-cache.ts); an instance hears its own writes through the
 * database lifecycles, and the others' through the stored generation that the same lifecycles bump
 * in the writer's transaction (read-model/stored-generation.ts), read once per public request.
 *
 * Instance A runs in the test's process, instance B in a process of its own on A's database (so
 * nothing in memory is shared). Every probe reads through B first (filling B's caches), writes
 * through A, then reads through B once — no polling: the very next request must see the write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPaths,
  frameworkResponse,
  localesResponse,
  practiceDetailListResponse,
  practiceListResponse,
  practiceResponse,
  siteResponse,
  taxonomyResponse,
  toolResponse,
} from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, CRITERIA_GROUP, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE, SITE, uniqueSlug } from '../support/practices';
import { startSecondInstance, type SecondInstance } from '../support/second-instance';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let a: RunningStrapi;
let b: SecondInstance;
const onB = (path: string) => getJson(`${b.url}${path}`);
const listedOnB = async (query = '') =>
  practiceListResponse.parse((await onB(`${apiPaths.practices}?pageSize=100${query}`)).body).data.map((practice) => ({ slug: practice.slug, title: practice.title }));
const detailSlugsOnB = async () => practiceDetailListResponse.parse((await onB(`${apiPaths.practiceDetails}?pageSize=100`)).body).data.map((practice) => practice.slug);

beforeAll(async () => {
  a = await bootStrapi();
  await createPractice(a.strapi, { title: 'Before the second instance', slug: 'before-second' });
  b = await startSecondInstance(a);
}, 600_000);

afterAll(async () => {
  // B first: A drops the database when it stops.
  await b?.stop();
  await a?.stop();
});

describe('a write through instance A is served by instance B on the next request', () => {
  it('B serves what A wrote before B started', async () => {
    expect(await listedOnB()).toContainEqual({ slug: 'before-second', title: 'Before the second instance' });
  });

  it('publishing, editing and unpublishing a practice: list, detail, bulk details, list filters', async () => {
    const slug = uniqueSlug('through-a');
    expect((await onB(apiPaths.practice(slug))).status).toBe(404);
    expect((await listedOnB()).map((practice) => practice.slug)).not.toContain(slug);
    expect(await detailSlugsOnB()).not.toContain(slug);

    const practice = await createPractice(a.strapi, { title: 'Published through A', slug, country: 'IT' });
    expect(await listedOnB()).toContainEqual({ slug, title: 'Published through A' });
    expect((await listedOnB('&country=IT')).map((entry) => entry.slug)).toEqual([slug]);
    expect(practiceResponse.parse((await onB(apiPaths.practice(slug))).body).data.title).toBe('Published through A');
    expect(await detailSlugsOnB()).toContain(slug);

    // A draft saved through A changes nothing public on B; its publication does, at once.
    await documents(a.strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'en', data: { title: 'Edited through A', country: 'ES' } });
    expect(practiceResponse.parse((await onB(apiPaths.practice(slug))).body).data.title).toBe('Published through A');
    await documents(a.strapi, PRACTICE).publish({ documentId: practice.documentId, locale: 'en' });
    expect(practiceResponse.parse((await onB(apiPaths.practice(slug))).body).data.title).toBe('Edited through A');
    expect(await listedOnB()).toContainEqual({ slug, title: 'Edited through A' });
    expect(await listedOnB('&country=IT')).toEqual([]);
    expect((await listedOnB('&country=ES')).map((entry) => entry.slug)).toEqual([slug]);
    expect((await listedOnB('&q=edited')).map((entry) => entry.slug)).toEqual([slug]);

    // Unpublished means unpublished, on every instance.
    await documents(a.strapi, PRACTICE).unpublish({ documentId: practice.documentId, locale: 'en' });
    expect((await onB(apiPaths.practice(slug))).status).toBe(404);
    expect((await listedOnB()).map((entry) => entry.slug)).not.toContain(slug);
    expect(await detailSlugsOnB()).not.toContain(slug);
  });

  it('taxonomy: a renamed term, and the practices filed under it', async () => {
    const areaName = async () => taxonomyResponse.parse((await onB(apiPaths.integrationAreas)).body).data.find((term) => term.key === 'employment')?.name;
    const before = await areaName();
    expect(before).toBeDefined();
    const area = await documentIdByKey(a.strapi, INTEGRATION_AREA, 'employment');
    await documents(a.strapi, INTEGRATION_AREA).update({ documentId: area, locale: 'en', data: { name: 'Work and jobs' } });
    await documents(a.strapi, INTEGRATION_AREA).publish({ documentId: area, locale: 'en' });
    expect(await areaName()).toBe('Work and jobs');

    const slug = uniqueSlug('filed-through-a');
    expect((await listedOnB('&area=employment')).map((entry) => entry.slug)).not.toContain(slug);
    await createPractice(a.strapi, { slug, integrationAreas: [area] });
    expect((await listedOnB('&area=employment')).map((entry) => entry.slug)).toContain(slug);
    const detail = practiceResponse.parse((await onB(apiPaths.practice(slug))).body).data;
    expect(detail.integrationAreas.map((term) => term.name)).toEqual(['Work and jobs']);
  });

  it('tools and the practices citing them; the framework; site texts; locales', async () => {
    const tool = await createTool(a.strapi, { name: 'Tool through A', slug: uniqueSlug('tool-through-a') });
    const citing = async () => toolResponse.parse((await onB(apiPaths.tool(tool.slug as string))).body).data.practices.map((practice) => practice.slug);
    expect(await citing()).toEqual([]);
    const slug = uniqueSlug('citing-through-a');
    await createPractice(a.strapi, { slug, answers: [{ questionKey: 'inclusivity.accessible-services', body: 'Cites a tool.', tools: [tool.documentId] }] });
    expect(await citing()).toEqual([slug]);

    const groupTitle = async () => frameworkResponse.parse((await onB(apiPaths.framework)).body).data.groups[0]!.title;
    expect(await groupTitle()).not.toBe('Inclusivity, renamed through A');
    const group = await documentIdByKey(a.strapi, CRITERIA_GROUP, 'inclusivity');
    await documents(a.strapi, CRITERIA_GROUP).update({ documentId: group, locale: 'en', data: { title: 'Inclusivity, renamed through A' } });
    await documents(a.strapi, CRITERIA_GROUP).publish({ documentId: group, locale: 'en' });
    expect(await groupTitle()).toBe('Inclusivity, renamed through A');
    expect(practiceResponse.parse((await onB(apiPaths.practice(slug))).body).data.groups[0]!.title).toBe('Inclusivity, renamed through A');

    const siteName = async () => siteResponse.parse((await onB(apiPaths.site)).body).data.siteName;
    const site = await documents(a.strapi, SITE).findFirst({ locale: 'en', status: 'published' });
    expect(site).not.toBeNull();
    expect(await siteName()).not.toBe('Renamed through A');
    await documents(a.strapi, SITE).update({ documentId: site!.documentId, locale: 'en', data: { siteName: 'Renamed through A' } });
    await documents(a.strapi, SITE).publish({ documentId: site!.documentId, locale: 'en' });
    expect(await siteName()).toBe('Renamed through A');

    const localesOnB = async () => localesResponse.parse((await onB(apiPaths.locales)).body).data.map((locale) => locale.code);
    expect(await localesOnB()).not.toContain('fr');
    expect((await onB(`${apiPaths.practices}?locale=fr`)).status).toBe(400);
    await ensureLocales(a.strapi, ['fr']);
    expect(await localesOnB()).toContain('fr');
    expect((await onB(`${apiPaths.practices}?locale=fr`)).status).toBe(200);
  });
});
