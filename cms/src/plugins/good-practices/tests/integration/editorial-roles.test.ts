/**
 * The Editor and Translator admin roles: created by the app's bootstrap only where absent (an
 * administrator's later changes survive a reboot), and their boundaries hold on the admin's own
 * path — users logged in through /admin/login, writing through the content manager's HTTP API.
 * Also the validation workflow as an editor runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse, practiceResponse, apiPaths } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, documents, PRACTICE, practiceData, QUESTION, storedVersions, TOOL, uniqueSlug, type WrittenDocument } from '../support/practices';
import { type AdminSession, loginWithRole, roleId } from '../support/role-session';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

const EDITOR = 'good-practices-editor';
const TRANSLATOR = 'good-practices-translator';
const UPDATE = 'plugin::content-manager.explorer.update';
const CREATE = 'plugin::content-manager.explorer.create';
const INTEGRATION_AREA = 'plugin::good-practices.integration-area';
const CRITERIA_GROUP = 'plugin::good-practices.criteria-group';

interface PermissionRow {
  id: number;
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] } | null;
}

let app: RunningStrapi;
let translator: AdminSession;
let editor: AdminSession;
let practice: WrittenDocument;
let csSlug: string;
let withGerman: WrittenDocument;
let removedEditorPermission: number;

async function permissionsOf(code: string): Promise<PermissionRow[]> {
  const id = await roleId(app.strapi, code);
  const rows = (await app.strapi.db.query('admin::permission').findMany({ where: { role: { id } } })) as PermissionRow[];
  return rows.map((row) => ({ ...row, properties: typeof row.properties === 'string' ? JSON.parse(row.properties) : row.properties }));
}

beforeAll(async () => {
  // First boot: no locale besides English yet, so only the Editor role can be created.
  const first = await bootStrapi({ keepDatabase: true, env: { TRANSLATOR_LOCALES: 'cs' } });
  try {
    expect(await first.strapi.db.query('admin::role').findOne({ where: { code: TRANSLATOR } })).toBeNull();
    await ensureLocales(first.strapi, ['cs', 'de']);
    // An administrator edits the Editor role: the next boot must keep it as it is.
    const editorRole = (await first.strapi.db.query('admin::role').findOne({ where: { code: EDITOR } })) as { id: number };
    await first.strapi.db.query('admin::role').update({ where: { id: editorRole.id }, data: { description: 'Edited by an administrator' } });
    const toolDelete = (await first.strapi.db.query('admin::permission').findOne({
      where: { role: { id: editorRole.id }, action: 'plugin::content-manager.explorer.delete', subject: 'plugin::good-practices.tool' },
    })) as { id: number };
    removedEditorPermission = toolDelete.id;
    await first.strapi.db.query('admin::permission').delete({ where: { id: toolDelete.id } });
    // An editor role of an earlier version, which could create taxonomy terms and framework entries.
    await (first.strapi.service('admin::role') as unknown as { addPermissions(id: number, permissions: unknown[]): Promise<unknown> }).addPermissions(editorRole.id, [
      { action: CREATE, subject: INTEGRATION_AREA, properties: { locales: ['en'] }, conditions: [] },
      { action: CREATE, subject: CRITERIA_GROUP, properties: { locales: ['en'] }, conditions: [] },
    ]);
    await first.strapi.store.set({ type: 'plugin', name: 'good-practices', key: 'role-upgrades', value: ['publish-framework-and-taxonomies'] });
  } finally {
    await first.stop();
  }

  // Second boot on the same database: now there is a locale to translate into.
  app = await bootStrapi({ databaseName: sameDatabase(first), env: { TRANSLATOR_LOCALES: 'cs' } });
  const { strapi } = app;
  csSlug = uniqueSlug('cs');
  practice = await createPractice(strapi, { assessment: { 'inclusivity.accessible-services.1': 'met' } });
  await documents(strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'cs', data: { title: 'Praxe', slug: csSlug } });
  withGerman = await createPractice(strapi);
  await documents(strapi, PRACTICE).update({ documentId: withGerman.documentId, locale: 'de', data: { title: 'Praxis', slug: uniqueSlug('de') } });
  translator = await loginWithRole(strapi, app.url, TRANSLATOR);
  editor = await loginWithRole(strapi, app.url, EDITOR);
});

afterAll(async () => {
  await app?.stop();
});

const assessments = async (documentId: string) => (await storedVersions(app.strapi, documentId)).map((version) => version.assessment);

describe('roles created at bootstrap', () => {
  it('creates each role only where absent and keeps what an administrator changed', async () => {
    const editorRole = (await app.strapi.db.query('admin::role').findOne({ where: { code: EDITOR } })) as { description: string };
    expect(editorRole.description).toBe('Edited by an administrator');
    const editorPermissions = await permissionsOf(EDITOR);
    expect(editorPermissions.map((permission) => permission.id)).not.toContain(removedEditorPermission);
    expect(editorPermissions.some((permission) => permission.action === 'plugin::content-manager.explorer.delete' && permission.subject === 'plugin::good-practices.tool')).toBe(false);
    expect(editorPermissions.some((permission) => permission.action === 'plugin::content-manager.explorer.publish' && permission.subject === PRACTICE)).toBe(true);
    expect(editorPermissions.some((permission) => permission.action === 'plugin::upload.assets.create')).toBe(true);
  });

  it('takes from an existing editor role the creation of framework entries and taxonomy terms, once', async () => {
    const creates = (await permissionsOf(EDITOR)).filter((permission) => permission.action === CREATE).map((permission) => permission.subject);
    expect(creates).toContain(PRACTICE);
    expect(creates).toContain(TOOL);
    for (const uid of [INTEGRATION_AREA, 'plugin::good-practices.target-group', CRITERIA_GROUP, QUESTION, 'plugin::good-practices.checklist-item']) expect(creates).not.toContain(uid);
    const done = (await app.strapi.store.get({ type: 'plugin', name: 'good-practices', key: 'role-upgrades' })) as string[];
    expect(done).toContain('editor-creates-no-framework-or-terms');
  });

  it('an editor cannot create a taxonomy term (nor inline, from a practice), but still creates and edits practices and edits terms', async () => {
    const key = `editor-term-${Date.now().toString(36)}`;
    expect((await editor.create(INTEGRATION_AREA, 'en', { key, name: 'Invented by an editor' })).status).toBe(403);
    expect(await documents(app.strapi, INTEGRATION_AREA).findFirst({ locale: 'en', filters: { key } })).toBeNull();
    const created = await editor.create(PRACTICE, 'en', practiceData({ slug: uniqueSlug('editor') }));
    expect(created.status).toBe(201);
    const documentId = (created.body as { data: { documentId: string } }).data.documentId;
    expect((await editor.update(PRACTICE, documentId, 'en', practiceData({ slug: uniqueSlug('editor'), title: 'Edited by the editor' }))).status).toBe(200);
    const area = (await documents(app.strapi, INTEGRATION_AREA).findFirst({ locale: 'en', status: 'draft' })) as unknown as { documentId: string; name: string };
    expect((await editor.update(INTEGRATION_AREA, area.documentId, 'en', { name: area.name })).status).toBe(200);
  });

  it('gives the Translator read everywhere and text updates in its locales only', async () => {
    const permissions = await permissionsOf(TRANSLATOR);
    const actions = new Set(permissions.map((permission) => permission.action));
    expect(actions).toEqual(new Set(['plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.create', UPDATE]));
    const practiceUpdate = permissions.find((permission) => permission.action === UPDATE && permission.subject === PRACTICE);
    expect(practiceUpdate?.properties?.locales).toEqual(['cs']);
    expect(practiceUpdate?.properties?.fields).toEqual(expect.arrayContaining(['title', 'slug', 'summary', 'answers', 'objectives']));
    expect(practiceUpdate?.properties?.fields).not.toContain('assessment');
    expect(practiceUpdate?.properties?.fields).not.toContain('country');
    const read = permissions.find((permission) => permission.action === 'plugin::content-manager.explorer.read' && permission.subject === PRACTICE);
    expect(read?.properties?.locales?.sort()).toEqual(['cs', 'de', 'en']);
    expect(read?.properties?.fields).toContain('assessment');
  });
});

describe('a translator in the admin', () => {
  it('edits the localized text of an assigned locale', async () => {
    const response = await translator.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe přeložená', slug: csSlug, summary: 'Shrnutí.' });
    expect(response.status).toBe(200);
    const cs = await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', filters: { documentId: practice.documentId } });
    expect(cs).toMatchObject({ title: 'Praxe přeložená', summary: 'Shrnutí.' });
    const en = await documents(app.strapi, PRACTICE).findFirst({ locale: 'en', filters: { documentId: practice.documentId } });
    expect(en?.title).toBe(practice.title);
  });

  it('translates framework entries too', async () => {
    const question = await documents(app.strapi, QUESTION).findFirst({ locale: 'en', filters: { key: 'inclusivity.accessible-services' } });
    const response = await translator.update(QUESTION, question!.documentId, 'cs', { text: 'Zajišťuje praxe dostupnost služeb?' });
    expect(response.status).toBe(200);
  });

  it('reads every locale and translates the site texts (a single type)', async () => {
    expect((await translator.json('GET', `/content-manager/collection-types/${PRACTICE}?locale=de`)).status).toBe(200);
    const response = await translator.json('PUT', `/content-manager/single-types/plugin::good-practices.site?locale=cs`, { siteName: 'Dobré praxe', labels: { 'nav.home': 'Domů' }, locale: 'cs' });
    expect(response.status).toBe(200);
    expect(await documents(app.strapi, 'plugin::good-practices.site').findFirst({ locale: 'cs' })).toMatchObject({ siteName: 'Dobré praxe' });
  });

  it('cannot publish, unpublish or delete', async () => {
    expect((await translator.publish(PRACTICE, practice.documentId, 'cs')).status).toBe(403);
    expect((await translator.remove(PRACTICE, practice.documentId, 'cs')).status).toBe(403);
    expect((await translator.json('POST', `/content-manager/collection-types/${PRACTICE}/${practice.documentId}/actions/unpublish?locale=en`, {})).status).toBe(403);
    expect(await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', status: 'published', filters: { documentId: practice.documentId } })).toBeNull();
  });

  it('cannot change the assessment: the field is not theirs, and the server refuses it even when it is', async () => {
    const before = await assessments(practice.documentId);
    const changed = { 'inclusivity.accessible-services.1': 'not-met' };
    // Field permissions: the content manager drops the field.
    const dropped = await translator.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe přeložená', slug: csSlug, assessment: changed });
    expect(dropped.status).toBe(200);
    expect(await assessments(practice.documentId)).toEqual(before);

    // An administrator widens the role's fields by mistake: the guard still refuses.
    const permission = (await permissionsOf(TRANSLATOR)).find((row) => row.action === UPDATE && row.subject === PRACTICE)!;
    await app.strapi.db.query('admin::permission').update({
      where: { id: permission.id },
      data: { properties: { ...permission.properties, fields: [...(permission.properties?.fields ?? []), 'assessment', 'country'] } },
    });
    try {
      const refused = await translator.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe přeložená', slug: csSlug, assessment: changed });
      expect(refused.status).toBe(400);
      const body = errorResponse.parse(refused.body) as { error: { details?: { errors?: { path: string[]; message: string }[] } } };
      expect(body.error.details?.errors?.map((error) => error.path.join('.'))).toEqual(['assessment']);
      expect(await assessments(practice.documentId)).toEqual(before);
      expect((await translator.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe přeložená', slug: csSlug, country: 'FR' })).status).toBe(400);
      // Sending the unchanged value back (as the edit view does) is fine.
      expect((await translator.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe přeložená', slug: csSlug, assessment: before[0], country: 'DE' })).status).toBe(200);

      // The edit view's save check says so before the translator saves, on the same fields.
      const check = async (data: Record<string, unknown>) => {
        const response = await translator.json('POST', '/good-practices/practices/check', { documentId: practice.documentId, locale: 'cs', data });
        expect(response.status).toBe(200);
        return (response.body as { data: { problems: { field: string; message: string }[] } }).data.problems;
      };
      const changedValues = await check({ title: 'Praxe přeložená', slug: csSlug, assessment: changed, country: 'FR' });
      expect(changedValues.map((problem) => problem.field).sort()).toEqual(['assessment', 'country']);
      expect(changedValues.find((problem) => problem.field === 'country')?.message).toMatch(/Translators cannot change “country”/);
      expect(await check({ title: 'Praxe přeložená', slug: csSlug, assessment: before[0], country: 'DE' })).toEqual([]);
    } finally {
      await app.strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { properties: permission.properties } });
    }
  });

  it('cannot edit a locale not assigned, nor add it to an entry', async () => {
    // An existing German version: the content manager refuses.
    expect((await translator.update(PRACTICE, withGerman.documentId, 'de', { title: 'Übersetzt', slug: uniqueSlug('de') })).status).toBe(403);
    // A new German version: Strapi does not check the locale there, the guard does.
    expect((await translator.update(PRACTICE, practice.documentId, 'de', { title: 'Neu', slug: uniqueSlug('de') })).status).toBe(403);
    expect(await documents(app.strapi, PRACTICE).findFirst({ locale: 'de', filters: { documentId: practice.documentId } })).toBeNull();
    // Nor the default locale.
    expect((await translator.update(PRACTICE, practice.documentId, 'en', { title: 'Changed', slug: practice.slug })).status).toBe(403);
  });

  it('cannot create new entries', async () => {
    const response = await translator.create(PRACTICE, 'cs', practiceData({ slug: uniqueSlug('new') }));
    expect(response.status).toBe(403);
  });
});

describe('the validation workflow, as an editor', () => {
  it('moves a practice from submitted to validated (dated on validation) and publishes it', async () => {
    const slug = uniqueSlug('workflow');
    const created = await editor.create(PRACTICE, 'en', practiceData({ slug, validationStatus: 'submitted', validationDate: null }));
    expect(created.status).toBe(201);
    const documentId = (created.body as { data: { documentId: string } }).data.documentId;
    const data = practiceData({ slug, validationDate: null });

    const inReview = await editor.update(PRACTICE, documentId, 'en', { ...data, validationStatus: 'in-review' });
    expect(inReview.status).toBe(200);
    expect((inReview.body as { data: { validationDate: string | null } }).data.validationDate ?? null).toBeNull();
    expect((await getJson(`${app.url}${apiPaths.practice(slug)}`)).status).toBe(404);

    const validated = await editor.update(PRACTICE, documentId, 'en', { ...data, validationStatus: 'validated' });
    expect(validated.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect((validated.body as { data: { validationDate: string } }).data.validationDate).toBe(today);

    expect((await editor.publish(PRACTICE, documentId, 'en')).status).toBe(200);
    const published = practiceResponse.parse((await getJson(`${app.url}${apiPaths.practice(slug)}`)).body);
    expect(published.data).toMatchObject({ validationStatus: 'validated', validationDate: today });
  });
});

describe('a language added after the roles were created', () => {
  const localesOf = async (code: string, action: string, subject: string) =>
    ((await permissionsOf(code)).find((row) => row.action === action && row.subject === subject)?.properties?.locales ?? []).slice().sort();

  it('reaches the editor: Czech and German were added after the first boot created the role', async () => {
    expect(await localesOf(EDITOR, UPDATE, PRACTICE)).toEqual(['cs', 'de', 'en']);
    const response = await editor.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe upravená editorem', slug: csSlug });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await editor.publish(PRACTICE, practice.documentId, 'cs')).status).toBe(200);
  });

  it('reaches what covered every language (the editor, the translator’s reading), not what an administrator narrowed nor the translator’s writing', async () => {
    // An administrator keeps editors out of German tools.
    const toolUpdate = (await permissionsOf(EDITOR)).find((row) => row.action === UPDATE && row.subject === TOOL)!;
    await app.strapi.db.query('admin::permission').update({ where: { id: toolUpdate.id }, data: { properties: { ...toolUpdate.properties, locales: ['cs', 'en'] } } });
    await ensureLocales(app.strapi, ['fr']);

    expect(await localesOf(EDITOR, UPDATE, PRACTICE)).toEqual(['cs', 'de', 'en', 'fr']);
    expect(await localesOf(EDITOR, 'plugin::content-manager.explorer.publish', PRACTICE)).toEqual(['cs', 'de', 'en', 'fr']);
    expect(await localesOf(EDITOR, UPDATE, TOOL)).toEqual(['cs', 'en']);
    expect(await localesOf(TRANSLATOR, 'plugin::content-manager.explorer.read', PRACTICE)).toEqual(['cs', 'de', 'en', 'fr']);
    expect(await localesOf(TRANSLATOR, UPDATE, PRACTICE)).toEqual(['cs']);

    const french = await editor.update(PRACTICE, practice.documentId, 'fr', { title: 'Pratique', slug: uniqueSlug('fr') });
    expect(french.status, JSON.stringify(french.body)).toBe(200);
  });
});
