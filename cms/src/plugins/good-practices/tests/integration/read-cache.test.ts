/**
 * The public read side keeps derived values in memory for one content generation (configured
 * locales, framework trees, list index, tool citations). Every write must be visible on the very
 * next request — the site re-reads as soon as the CMS's webhook arrives — so each probe here reads
 * (filling the caches), writes, and reads again at once.
 *
 * The tests share one CMS; each writes practices of its own and looks at those only, so that
 * every test runs alone and in any order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, frameworkResponse, localesResponse, practiceListResponse, practiceResponse, toolResponse } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { CRITERIA_GROUP, CHECKLIST_ITEM, createPractice, createTool, documentIdByKey, documents, PRACTICE, uniqueSlug } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';
import { bumpStoredGeneration, readStoredGeneration } from '../../server/src/read-model/stored-generation';

let app: RunningStrapi;
const get = (path: string) => getJson(`${app.url}${path}`);
const listSlugs = async (query: string) => practiceListResponse.parse((await get(`${apiPaths.practices}?pageSize=100&${query}`)).body).data.map((practice) => practice.slug);
const ITEM = 'inclusivity.accessible-services.2';

beforeAll(async () => {
  app = await bootStrapi();
  await createPractice(app.strapi, { title: 'First cached practice', slug: 'first-cached', assessment: { [ITEM]: 'met' } });
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

describe('a write is visible on the next request', () => {
  it('an edit of a framework entry', async () => {
    const before = frameworkResponse.parse((await get(apiPaths.framework)).body).data.groups[0];
    expect(before.key).toBe('inclusivity');
    const documentId = await documentIdByKey(app.strapi, CRITERIA_GROUP, 'inclusivity');
    // An update is a draft; the publication is what the next request sees.
    await documents(app.strapi, CRITERIA_GROUP).update({ documentId, locale: 'en', data: { title: 'Inclusivity, renamed' } });
    expect(frameworkResponse.parse((await get(apiPaths.framework)).body).data.groups[0].title).toBe(before.title);
    await documents(app.strapi, CRITERIA_GROUP).publish({ documentId, locale: 'en' });
    expect(frameworkResponse.parse((await get(apiPaths.framework)).body).data.groups[0].title).toBe('Inclusivity, renamed');
    const detail = practiceResponse.parse((await get(apiPaths.practice('first-cached'))).body).data;
    expect(detail.groups[0].title).toBe('Inclusivity, renamed');
  });

  it('retiring a checklist item (the list filter and the scores follow)', async () => {
    expect(await listSlugs(`itemMet=${ITEM}`)).toEqual(['first-cached']);
    const documentId = await documentIdByKey(app.strapi, CHECKLIST_ITEM, ITEM);
    await documents(app.strapi, CHECKLIST_ITEM).update({ documentId, locale: 'en', data: { retired: true } });
    await documents(app.strapi, CHECKLIST_ITEM).publish({ documentId, locale: 'en' });
    const items = frameworkResponse.parse((await get(apiPaths.framework)).body).data.groups[0].questions.flatMap((question) => question.items.map((item) => item.key));
    expect(items).not.toContain(ITEM);
  });

  it('adding a locale', async () => {
    expect(localesResponse.parse((await get(apiPaths.locales)).body).data.map((locale) => locale.code)).not.toContain('fr');
    expect((await get(`${apiPaths.practices}?locale=fr`)).status).toBe(400);
    await ensureLocales(app.strapi, ['fr']);
    expect(localesResponse.parse((await get(apiPaths.locales)).body).data.map((locale) => locale.code)).toContain('fr');
    expect((await get(`${apiPaths.practices}?locale=fr`)).status).toBe(200);
    expect((await get(`${apiPaths.framework}?locale=fr`)).status).toBe(200);
  });

  it('publishing, editing and unpublishing a practice (list, filters, citations)', async () => {
    // A neighbour of its own for the sort order, and a tool only this test's practice cites.
    const neighbour = await createPractice(app.strapi, { title: 'Middle cached practice', slug: uniqueSlug('middle-cached'), country: 'PT' });
    const tool = await createTool(app.strapi, { name: 'Cached tool', slug: uniqueSlug('cached-tool') });
    const citing = async () => toolResponse.parse((await get(apiPaths.tool(tool.slug as string))).body).data.practices.map((practice) => practice.slug);
    const slug2 = uniqueSlug('second-cached');
    /** The list, for the practices of this test. */
    const ours = async (query: string) => (await listSlugs(query)).filter((slug) => slug === slug2 || slug === neighbour.slug);
    expect(await citing()).toEqual([]);
    const practice = await createPractice(app.strapi, {
      title: 'Second cached practice',
      slug: slug2,
      country: 'IT',
      answers: [{ questionKey: 'inclusivity.accessible-services', body: 'Cites a tool.', tools: [tool.documentId] }],
    });
    expect(await ours('sort=title:asc')).toEqual([neighbour.slug, slug2]);
    expect(await ours('country=IT')).toEqual([slug2]);
    expect(await citing()).toEqual([slug2]);

    await documents(app.strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'en', data: { title: 'A renamed practice', country: 'ES' } });
    // A draft edit changes nothing public.
    expect(await ours('country=IT')).toEqual([slug2]);
    await documents(app.strapi, PRACTICE).publish({ documentId: practice.documentId, locale: 'en' });
    expect(await ours('sort=title:asc')).toEqual([slug2, neighbour.slug]);
    expect(await ours('country=IT')).toEqual([]);
    expect(await ours('country=ES')).toEqual([slug2]);

    await documents(app.strapi, PRACTICE).unpublish({ documentId: practice.documentId, locale: 'en' });
    expect(await ours('')).toEqual([neighbour.slug]);
    expect(await citing()).toEqual([]);
    expect((await get(apiPaths.practice(slug2))).status).toBe(404);
  });
});

describe('a write by another process on the same database (the import CLI, a second CMS instance)', () => {
  const listedTitle = async (slug: string) =>
    practiceListResponse.parse((await get(`${apiPaths.practices}?pageSize=100`)).body).data.find((practice) => practice.slug === slug)?.title;

  it('is seen on the next request once that process bumped the stored generation, as its lifecycles do in its transaction', async () => {
    const slug = uniqueSlug('renamed-elsewhere');
    await createPractice(app.strapi, { title: 'Written here', slug });
    expect(await listedTitle(slug)).toBe('Written here');
    const knex = app.strapi.db.connection;
    const table = (app.strapi.db.metadata.get(PRACTICE) as unknown as { tableName: string }).tableName;
    // What the other process writes, without this process's lifecycles hearing of it.
    await knex.transaction(async (trx) => {
      await trx(table).where({ slug, locale: 'en' }).whereNotNull('published_at').update({ title: 'Renamed elsewhere' });
      await bumpStoredGeneration(trx);
    });
    expect(await listedTitle(slug)).toBe('Renamed elsewhere');
    expect(practiceResponse.parse((await get(apiPaths.practice(slug))).body).data.title).toBe('Renamed elsewhere');
  });

  it('a rolled-back write leaves the stored generation as it was', async () => {
    const before = await readStoredGeneration(app.strapi.db.connection);
    await expect(
      app.strapi.db.transaction(async () => {
        await documents(app.strapi, CRITERIA_GROUP).update({ documentId: await documentIdByKey(app.strapi, CRITERIA_GROUP, 'inclusivity'), locale: 'en', data: { title: 'Never committed' } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await readStoredGeneration(app.strapi.db.connection)).toBe(before);
    expect(frameworkResponse.parse((await get(apiPaths.framework)).body).data.groups[0].title).not.toBe('Never committed');
  });

  it('bookkeeping in the core store leaves it alone; the default locale row bumps it', async () => {
    const stored = async () => Number(await readStoredGeneration(app.strapi.db.connection));
    const before = await stored();
    // What the upload plugin's weekly metrics cron writes on its own, 15 s after a first boot.
    await app.strapi.store.set({ type: 'plugin', name: 'upload', key: 'metrics', value: { weeklySchedule: '1 2 3 * * 4', lastWeeklyUpdate: Date.now() } });
    await app.strapi.store.set({ type: 'plugin', name: 'upload', key: 'metrics', value: { weeklySchedule: '1 2 3 * * 4', lastWeeklyUpdate: Date.now() + 1 } });
    expect(await stored()).toBe(before);
    // i18n's default locale is what public responses are built from.
    const defaultLocale = await app.strapi.store.get({ type: 'plugin', name: 'i18n', key: 'default_locale' });
    await app.strapi.store.set({ type: 'plugin', name: 'i18n', key: 'default_locale', value: defaultLocale });
    expect(await stored()).toBe(before + 1);
  });

  it('a committed write through Strapi bumps it once per transaction', async () => {
    const before = Number(await readStoredGeneration(app.strapi.db.connection));
    await documents(app.strapi, CRITERIA_GROUP).update({ documentId: await documentIdByKey(app.strapi, CRITERIA_GROUP, 'inclusivity'), locale: 'en', data: { title: 'Inclusivity again' } });
    expect(Number(await readStoredGeneration(app.strapi.db.connection))).toBe(before + 1);
  });
});
