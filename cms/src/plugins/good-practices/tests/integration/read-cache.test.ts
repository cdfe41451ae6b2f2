/**
 * The public read side keeps derived values in memory for one content generation (configured
 * locales, framework trees, list index, tool citations). Every write must be visible on the very
 * next request — the site re-reads as soon as the CMS's webhook arrives — so each probe here reads
 * (filling the caches), writes, and reads again at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, frameworkResponse, localesResponse, practiceListResponse, practiceResponse, toolResponse } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { CRITERIA_GROUP, CHECKLIST_ITEM, createPractice, createTool, documentIdByKey, documents, PRACTICE, type WrittenDocument } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';
import { bumpStoredGeneration, readStoredGeneration } from '../../server/src/read-model/stored-generation';

let app: RunningStrapi;
let tool: WrittenDocument;
const get = (path: string) => getJson(`${app.url}${path}`);
const listSlugs = async (query: string) => practiceListResponse.parse((await get(`${apiPaths.practices}?pageSize=100&${query}`)).body).data.map((practice) => practice.slug);
const citing = async () => toolResponse.parse((await get(apiPaths.tool('cached-tool'))).body).data.practices.map((practice) => practice.slug);
const ITEM = 'inclusivity.accessible-services.2';

beforeAll(async () => {
  app = await bootStrapi();
  tool = await createTool(app.strapi, { name: 'Cached tool', slug: 'cached-tool' });
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
    expect(await listSlugs('')).toEqual(['first-cached']);
    expect(await citing()).toEqual([]);
    const practice = await createPractice(app.strapi, {
      title: 'Second cached practice',
      slug: 'second-cached',
      country: 'IT',
      answers: [{ questionKey: 'inclusivity.accessible-services', body: 'Cites a tool.', tools: [tool.documentId] }],
    });
    expect(await listSlugs('sort=title:asc')).toEqual(['first-cached', 'second-cached']);
    expect(await listSlugs('country=IT')).toEqual(['second-cached']);
    expect(await citing()).toEqual(['second-cached']);

    await documents(app.strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'en', data: { title: 'A renamed practice', country: 'ES' } });
    // A draft edit changes nothing public.
    expect(await listSlugs('country=IT')).toEqual(['second-cached']);
    await documents(app.strapi, PRACTICE).publish({ documentId: practice.documentId, locale: 'en' });
    expect(await listSlugs('sort=title:asc')).toEqual(['second-cached', 'first-cached']);
    expect(await listSlugs('country=IT')).toEqual([]);
    expect(await listSlugs('country=ES')).toEqual(['second-cached']);

    await documents(app.strapi, PRACTICE).unpublish({ documentId: practice.documentId, locale: 'en' });
    expect(await listSlugs('')).toEqual(['first-cached']);
    expect(await citing()).toEqual([]);
    expect((await get(apiPaths.practice('second-cached'))).status).toBe(404);
  });
});

describe('a write by another process on the same database (the import CLI, a second CMS instance)', () => {
  const listTitles = async () => practiceListResponse.parse((await get(`${apiPaths.practices}?pageSize=100`)).body).data.map((practice) => practice.title);

  it('is seen on the next request once that process bumped the stored generation, as its lifecycles do in its transaction', async () => {
    expect(await listTitles()).toEqual(['First cached practice']);
    const knex = app.strapi.db.connection;
    const table = (app.strapi.db.metadata.get(PRACTICE) as unknown as { tableName: string }).tableName;
    // What the other process writes, without this process's lifecycles hearing of it.
    await knex.transaction(async (trx) => {
      await trx(table).where({ slug: 'first-cached', locale: 'en' }).whereNotNull('published_at').update({ title: 'Renamed elsewhere' });
      await bumpStoredGeneration(trx);
    });
    expect(await listTitles()).toEqual(['Renamed elsewhere']);
    expect(practiceResponse.parse((await get(apiPaths.practice('first-cached'))).body).data.title).toBe('Renamed elsewhere');
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

  it('a committed write through Strapi bumps it once per transaction', async () => {
    const before = Number(await readStoredGeneration(app.strapi.db.connection));
    await documents(app.strapi, CRITERIA_GROUP).update({ documentId: await documentIdByKey(app.strapi, CRITERIA_GROUP, 'inclusivity'), locale: 'en', data: { title: 'Inclusivity again' } });
    expect(Number(await readStoredGeneration(app.strapi.db.connection))).toBe(before + 1);
  });
});
