/**
 * Upgrading a database of the previous version, in which the criteria framework and the taxonomy
 * terms had no draft & publish (one row per entry and locale, always public): at the first boot
 * of this version Strapi's own migration (core/migrations/draft-publish.ts, run after the schema
 * sync when the stored schema had the type without draft & publish) keeps every row as the
 * published version and gives it a draft copy. Nothing visitors see changes, editors find a draft
 * of everything, and the existing Editor role may publish the new draft & publish types.
 *
 * The previous version's database is made from one of this version: its draft rows of these types
 * removed, its stored schema marked without draft & publish, its Editor role without publish on
 * them and without the record of the role upgrade — what the previous version left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, frameworkResponse, taxonomyResponse } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { CHECKLIST_ITEM, CRITERIA_GROUP, documentIdByKey, documents, INTEGRATION_AREA, QUESTION, TARGET_GROUP } from '../support/practices';
import { loginWithRole, roleId } from '../support/role-session';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

const UPGRADED = [CRITERIA_GROUP, QUESTION, CHECKLIST_ITEM, INTEGRATION_AREA, TARGET_GROUP];
const PUBLISH = 'plugin::content-manager.explorer.publish';
const EDITOR = 'good-practices-editor';
const TRANSLATOR = 'good-practices-translator';

interface VersionRow {
  id: number;
  documentId: string;
  locale: string;
  publishedAt: string | Date | null;
  [field: string]: unknown;
}

let app: RunningStrapi;
let frameworkBefore: unknown;
let frameworkCsBefore: unknown;
let areasCsBefore: unknown;
let rowsBefore: Record<string, VersionRow[]>;

const texts = (row: VersionRow) => Object.fromEntries(Object.entries(row).filter(([field]) => !['id', 'publishedAt', 'createdAt', 'updatedAt', 'firstPublishedAt'].includes(field)));

async function versions(strapi: RunningStrapi['strapi'], uid: string): Promise<VersionRow[]> {
  return (await strapi.db.query(uid as 'plugin::good-practices.question').findMany({ orderBy: { id: 'asc' } })) as VersionRow[];
}

async function publishPermissions(strapi: RunningStrapi['strapi'], code: string): Promise<string[]> {
  const rows = (await strapi.db.query('admin::permission').findMany({ where: { role: { id: await roleId(strapi, code) }, action: PUBLISH } })) as { subject: string }[];
  return rows.map((row) => row.subject).sort();
}

beforeAll(async () => {
  const previous = await bootStrapi({ keepDatabase: true, env: { TRANSLATOR_LOCALES: 'cs' } });
  try {
    const { strapi } = previous;
    await ensureLocales(strapi, ['cs']);
    await (strapi.plugin('good-practices').service('deployment') as { ensureRoles(options: { translatorLocales: string[] }): Promise<string[]> }).ensureRoles({
      translatorLocales: ['cs'],
    });
    // Czech texts, as the previous version stored them: one row, public.
    const question = await documentIdByKey(strapi, QUESTION, 'inclusivity.accessible-services');
    await documents(strapi, QUESTION).update({ documentId: question, locale: 'cs', data: { text: 'Česká otázka' } });
    await documents(strapi, QUESTION).publish({ documentId: question, locale: 'cs' });
    const area = await documentIdByKey(strapi, INTEGRATION_AREA, 'housing');
    await documents(strapi, INTEGRATION_AREA).update({ documentId: area, locale: 'cs', data: { name: 'Bydlení' } });
    await documents(strapi, INTEGRATION_AREA).publish({ documentId: area, locale: 'cs' });

    // What the previous version left: no draft rows of these types…
    const knex = strapi.db.connection;
    for (const uid of UPGRADED) {
      const { tableName } = strapi.db.metadata.get(uid);
      await knex(tableName).whereNull('published_at').delete();
    }
    // …its schema stored without draft & publish for them…
    const store = { type: 'strapi', name: 'content_types', key: 'schema' };
    const schema = (await strapi.store.get(store)) as Record<string, { options?: Record<string, unknown> }>;
    for (const uid of UPGRADED) schema[uid].options = { ...schema[uid].options, draftAndPublish: false };
    await strapi.store.set({ ...store, value: schema });
    // …and an Editor role that could not publish them (the action did not exist for them).
    const editorRole = await roleId(strapi, EDITOR);
    await strapi.db.query('admin::permission').deleteMany({ where: { role: { id: editorRole }, action: PUBLISH, subject: { $in: UPGRADED } } });
    await strapi.store.set({ type: 'plugin', name: 'good-practices', key: 'role-upgrades', value: [] });

    rowsBefore = Object.fromEntries(await Promise.all(UPGRADED.map(async (uid) => [uid, await versions(strapi, uid)] as const)));
    frameworkBefore = (await getJson(`${previous.url}${apiPaths.framework}`)).body;
    frameworkCsBefore = (await getJson(`${previous.url}${apiPaths.framework}?locale=cs`)).body;
    areasCsBefore = (await getJson(`${previous.url}${apiPaths.integrationAreas}?locale=cs`)).body;
  } finally {
    await previous.stop();
  }
  app = await bootStrapi({ databaseName: sameDatabase(previous), env: { TRANSLATOR_LOCALES: 'cs' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('the first boot of this version on a database of the previous one', () => {
  it('started from published rows only (the previous version’s state)', () => {
    for (const uid of UPGRADED) {
      expect(rowsBefore[uid].length).toBeGreaterThan(0);
      expect(rowsBefore[uid].every((row) => row.publishedAt !== null)).toBe(true);
    }
  });

  it('keeps every row as the published version and gives each a draft with the same texts', async () => {
    for (const uid of UPGRADED) {
      const after = await versions(app.strapi, uid);
      const published = after.filter((row) => row.publishedAt !== null);
      const drafts = after.filter((row) => row.publishedAt === null);
      expect(published.map(texts)).toEqual(rowsBefore[uid].map(texts));
      expect(drafts.map(texts).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
        rowsBefore[uid].map(texts).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      );
    }
  });

  it('links the drafts to each other as the published versions are linked', async () => {
    const { strapi } = app;
    for (const status of ['draft', 'published'] as const) {
      const questions = (await strapi.db.query(QUESTION as 'plugin::good-practices.question').findMany({
        where: { locale: 'en', publishedAt: status === 'draft' ? null : { $notNull: true } },
        populate: { group: { select: ['key', 'publishedAt'] }, checklistItems: { select: ['key', 'publishedAt'] } },
      })) as (VersionRow & { group: VersionRow | null; checklistItems: VersionRow[] })[];
      expect(questions).toHaveLength(12);
      for (const question of questions) {
        expect(question.group, `${status} ${String(question.key)}`).not.toBeNull();
        expect(question.group!.publishedAt === null).toBe(status === 'draft');
        expect(question.checklistItems.length).toBeGreaterThan(0);
        expect(question.checklistItems.every((item) => (item.publishedAt === null) === (status === 'draft'))).toBe(true);
      }
    }
  });

  it('serves the same framework and terms to visitors', async () => {
    expect(frameworkResponse.parse(frameworkBefore).data.groups).toHaveLength(5);
    expect((await getJson(`${app.url}${apiPaths.framework}`)).body).toEqual(frameworkBefore);
    expect((await getJson(`${app.url}${apiPaths.framework}?locale=cs`)).body).toEqual(frameworkCsBefore);
    expect(JSON.stringify(frameworkCsBefore)).toContain('Česká otázka');
    expect(taxonomyResponse.parse((await getJson(`${app.url}${apiPaths.integrationAreas}?locale=cs`)).body).data).toContainEqual({ key: 'housing', name: 'Bydlení', locale: 'cs' });
    expect((await getJson(`${app.url}${apiPaths.integrationAreas}?locale=cs`)).body).toEqual(areasCsBefore);
  });

  it('lets the existing Editor role publish the framework and the terms, and not the Translator', async () => {
    expect(await publishPermissions(app.strapi, EDITOR)).toEqual(expect.arrayContaining(UPGRADED));
    expect(await publishPermissions(app.strapi, TRANSLATOR)).toEqual([]);

    const editor = await loginWithRole(app.strapi, app.url, EDITOR);
    const question = await documentIdByKey(app.strapi, QUESTION, 'inclusivity.accessible-services');
    expect((await editor.update(QUESTION, question, 'en', { text: 'Is the practice accessible?' })).status).toBe(200);
    expect(JSON.stringify((await getJson(`${app.url}${apiPaths.framework}`)).body)).not.toContain('Is the practice accessible?');
    const published = await editor.publish(QUESTION, question, 'en');
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const framework = frameworkResponse.parse((await getJson(`${app.url}${apiPaths.framework}`)).body).data;
    expect(framework.groups[0].questions[0]).toMatchObject({ key: 'inclusivity.accessible-services', text: 'Is the practice accessible?' });
    // Still in its group with its checklist items after the publication.
    expect(framework.groups[0].questions[0].items).toHaveLength(4);
  });

  it('runs the role upgrade once: a permission an administrator removes afterwards stays removed', async () => {
    const { strapi } = app;
    await strapi.db.query('admin::permission').deleteMany({ where: { role: { id: await roleId(strapi, EDITOR) }, action: PUBLISH, subject: QUESTION } });
    const deployment = strapi.plugin('good-practices').service('deployment') as { ensureRoles(options: { translatorLocales: string[] }): Promise<string[]> };
    await deployment.ensureRoles({ translatorLocales: ['cs'] });
    expect(await publishPermissions(strapi, EDITOR)).not.toContain(QUESTION);
  });
});
