/**
 * Unpublished means unpublished for the criteria framework, the taxonomy terms, the tools and the
 * site texts too: a translator's edit of their language — in the admin's content manager or by
 * an XLIFF upload — is a draft. The public API (anonymous, or with the site's read token or any
 * API token) keeps showing the published text until an editor publishes; then the new text shows.
 *
 * Every probe starts from a published Czech text (set up as an editor would) and edits it as the
 * real Translator role, over HTTP.
 */
import { randomBytes } from 'node:crypto';
import { contentTypes } from '@strapi/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsToXliff12 from 'xliff/jsToXliff12';
import {
  apiPaths,
  frameworkResponse,
  practiceDetailListResponse,
  practiceListResponse,
  practiceResponse,
  siteResponse,
  taxonomyResponse,
  toolDetailListResponse,
  toolListResponse,
  toolResponse,
} from '../../contract';
import { translatableTypes } from '../../server/src/translation/translatable-types';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import {
  CHECKLIST_ITEM,
  createPractice,
  createTool,
  CRITERIA_GROUP,
  documentIdByKey,
  documents,
  INTEGRATION_AREA,
  PRACTICE,
  QUESTION,
  SITE,
  TARGET_GROUP,
  TOOL,
  uniqueSlug,
} from '../support/practices';
import { type AdminSession, loginAsSuperAdmin, loginWithRole, roleId } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

const READ_KEY = randomBytes(32).toString('hex');
const GROUP_KEY = 'inclusivity';
const QUESTION_KEY = 'inclusivity.accessible-services';
const ITEM_KEY = 'inclusivity.accessible-services.1';
const AREA_KEY = 'housing';
const TARGET_KEY = 'refugees';

let app: RunningStrapi;
let translator: AdminSession;
let editor: AdminSession;
/** Creates framework entries and taxonomy terms (editors may not). */
let administrator: AdminSession;
let fullAccessKey: string;
const ids: Record<string, string> = {};
let practiceSlug: string;
let toolSlug: string;

/** Anonymous, with the site's read token, and with a full-access API token: one answer for all. */
async function readAll(path: string): Promise<unknown> {
  const url = `${app.url}${path}`;
  const [anonymous, readToken, fullAccess] = await Promise.all([
    getJson(url),
    getJson(url, { authorization: `Bearer ${READ_KEY}` }),
    getJson(url, { authorization: `Bearer ${fullAccessKey}` }),
  ]);
  expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(200);
  expect(readToken).toEqual(anonymous);
  expect(fullAccess).toEqual(anonymous);
  return anonymous.body;
}

/** Sets a locale version's texts and publishes it, as an editor would have earlier. */
async function publishedText(uid: string, documentId: string, locale: string, data: Record<string, unknown>): Promise<void> {
  await documents(app.strapi, uid).update({ documentId, locale, data });
  await documents(app.strapi, uid).publish({ documentId, locale });
}

async function frameworkCs() {
  const { data } = frameworkResponse.parse(await readAll(`${apiPaths.framework}?locale=cs`));
  const group = data.groups.find((candidate) => candidate.key === GROUP_KEY)!;
  const question = group.questions.find((candidate) => candidate.key === QUESTION_KEY)!;
  const item = question.items.find((candidate) => candidate.key === ITEM_KEY)!;
  return { group: group.title, question: question.text, item: item.text };
}

async function practiceCs() {
  const { data } = practiceResponse.parse(await readAll(`${apiPaths.practice(practiceSlug)}?locale=cs`));
  const group = data.groups.find((candidate) => candidate.key === GROUP_KEY)!;
  const question = group.questions.find((candidate) => candidate.key === QUESTION_KEY)!;
  return {
    group: group.title,
    question: question.text,
    item: question.items.find((candidate) => candidate.key === ITEM_KEY)!.text,
    area: data.integrationAreas.find((term) => term.key === AREA_KEY)?.name,
    target: data.targetGroups.find((term) => term.key === TARGET_KEY)?.name,
  };
}

async function practiceListCs() {
  const { data } = practiceListResponse.parse(await readAll(`${apiPaths.practices}?locale=cs`));
  const practice = data.find((candidate) => candidate.slug === practiceSlug)!;
  return { area: practice.integrationAreas.find((term) => term.key === AREA_KEY)?.name, target: practice.targetGroups.find((term) => term.key === TARGET_KEY)?.name };
}

async function practiceDetailsCs() {
  const { data } = practiceDetailListResponse.parse(await readAll(`${apiPaths.practiceDetails}?locale=cs&pageSize=100`));
  const practice = data.find((candidate) => candidate.slug === practiceSlug)!;
  const question = practice.groups.find((group) => group.key === GROUP_KEY)!.questions.find((candidate) => candidate.key === QUESTION_KEY)!;
  return { question: question.text, area: practice.integrationAreas.find((term) => term.key === AREA_KEY)?.name };
}

async function termCs(path: string, key: string): Promise<string | undefined> {
  return taxonomyResponse.parse(await readAll(`${path}?locale=cs`)).data.find((term) => term.key === key)?.name;
}

async function toolCs() {
  const list = toolListResponse.parse(await readAll(`${apiPaths.tools}?locale=cs`)).data.find((tool) => tool.slug === toolSlug)?.name;
  const detail = toolResponse.parse(await readAll(`${apiPaths.tool(toolSlug)}?locale=cs`)).data;
  const details = toolDetailListResponse.parse(await readAll(`${apiPaths.toolDetails}?locale=cs&pageSize=100`)).data.find((tool) => tool.slug === toolSlug);
  return { list, detail: detail.name, description: detail.description, details: details?.name };
}

async function siteCs() {
  const { data } = siteResponse.parse(await readAll(`${apiPaths.site}?locale=cs`));
  return { siteName: data.siteName, home: data.labels['nav.home'] };
}

async function importXliff(session: AdminSession, units: Record<string, { source: string; target: string }>): Promise<{ status: number; body: unknown }> {
  const xml = await jsToXliff12({ sourceLanguage: 'en', targetLanguage: 'cs', resources: { 'good-practices': units } });
  const response = await fetch(`${app.url}/good-practices/xliff/import`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/x-xliff+xml', accept: 'application/json' },
    body: xml,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

beforeAll(async () => {
  app = await bootStrapi({ env: { SITE_READ_TOKEN: READ_KEY } });
  const { strapi } = app;
  await ensureLocales(strapi, ['cs']);
  // The roles as a boot with Czech configured creates them (the first boot had English only).
  const roles = strapi.service('admin::role') as unknown as { deleteByIds(ids: number[]): Promise<unknown> };
  await roles.deleteByIds([await roleId(strapi, 'good-practices-editor')]);
  await (strapi.plugin('good-practices').service('deployment') as { ensureRoles(options: { translatorLocales: string[] }): Promise<string[]> }).ensureRoles({
    translatorLocales: ['cs'],
  });
  translator = await loginWithRole(strapi, app.url, 'good-practices-translator');
  editor = await loginWithRole(strapi, app.url, 'good-practices-editor');
  administrator = await loginAsSuperAdmin(strapi, app.url);
  const tokens = strapi.service('admin::api-token') as unknown as { create(attributes: Record<string, unknown>): Promise<{ accessKey: string }> };
  fullAccessKey = (await tokens.create({ name: 'full access', type: 'full-access', lifespan: null, description: '' })).accessKey;

  // Published Czech texts of every framework and taxonomy entry the probes edit.
  ids.group = await documentIdByKey(strapi, CRITERIA_GROUP, GROUP_KEY);
  ids.question = await documentIdByKey(strapi, QUESTION, QUESTION_KEY);
  ids.item = await documentIdByKey(strapi, CHECKLIST_ITEM, ITEM_KEY);
  ids.area = await documentIdByKey(strapi, INTEGRATION_AREA, AREA_KEY);
  ids.target = await documentIdByKey(strapi, TARGET_GROUP, TARGET_KEY);
  await publishedText(CRITERIA_GROUP, ids.group, 'cs', { title: 'Inkluzivita (publikováno)' });
  await publishedText(QUESTION, ids.question, 'cs', { text: 'Otázka (publikováno)' });
  await publishedText(CHECKLIST_ITEM, ids.item, 'cs', { text: 'Položka (publikováno)' });
  await publishedText(INTEGRATION_AREA, ids.area, 'cs', { name: 'Bydlení (publikováno)' });
  await publishedText(TARGET_GROUP, ids.target, 'cs', { name: 'Uprchlíci (publikováno)' });

  // A practice published in Czech, in those terms.
  practiceSlug = uniqueSlug('praxe');
  const practice = await createPractice(strapi, { title: 'Housing help', integrationAreas: [ids.area], targetGroups: [ids.target] });
  await publishedText(PRACTICE, practice.documentId, 'cs', { title: 'Pomoc s bydlením', slug: practiceSlug, integrationAreas: [ids.area], targetGroups: [ids.target] });

  // A tool and the site texts, published in Czech.
  toolSlug = uniqueSlug('portal');
  const tool = await createTool(strapi, { name: 'Recognition portal' });
  ids.tool = tool.documentId;
  await publishedText(TOOL, tool.documentId, 'cs', { name: 'Portál (publikováno)', slug: toolSlug, description: 'Popis (publikováno)', kind: 'portal' });
  const site = await documents(strapi, SITE).findFirst({ locale: 'en', status: 'published' });
  ids.site = site!.documentId;
  await publishedText(SITE, ids.site, 'en', { labels: { 'nav.home': 'Home' } });
  await publishedText(SITE, ids.site, 'cs', { siteName: 'Dobré praxe (publikováno)', labels: { 'nav.home': 'Domů (publikováno)' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('a translator’s edit in the admin stays a draft until an editor publishes it', () => {
  it('criteria group, question and checklist item texts', async () => {
    expect((await translator.update(CRITERIA_GROUP, ids.group, 'cs', { title: 'Inkluzivita KONCEPT' })).status).toBe(200);
    expect((await translator.update(QUESTION, ids.question, 'cs', { text: 'Otázka KONCEPT' })).status).toBe(200);
    expect((await translator.update(CHECKLIST_ITEM, ids.item, 'cs', { text: 'Položka KONCEPT' })).status).toBe(200);

    const published = { group: 'Inkluzivita (publikováno)', question: 'Otázka (publikováno)', item: 'Položka (publikováno)' };
    expect(await frameworkCs()).toEqual(published);
    expect(await practiceCs()).toMatchObject(published);
    expect((await practiceDetailsCs()).question).toBe(published.question);

    // A translator cannot publish (neither the role's permissions nor the server allow it).
    expect((await translator.publish(QUESTION, ids.question, 'cs')).status).toBe(403);
    expect((await frameworkCs()).question).toBe(published.question);

    for (const [uid, id] of [
      [CRITERIA_GROUP, ids.group],
      [QUESTION, ids.question],
      [CHECKLIST_ITEM, ids.item],
    ]) {
      const response = await editor.publish(uid, id, 'cs');
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
    const edited = { group: 'Inkluzivita KONCEPT', question: 'Otázka KONCEPT', item: 'Položka KONCEPT' };
    expect(await frameworkCs()).toEqual(edited);
    expect(await practiceCs()).toMatchObject(edited);
    expect((await practiceDetailsCs()).question).toBe(edited.question);
  });

  it('integration area and target group names', async () => {
    expect((await translator.update(INTEGRATION_AREA, ids.area, 'cs', { name: 'Bydlení KONCEPT' })).status).toBe(200);
    expect((await translator.update(TARGET_GROUP, ids.target, 'cs', { name: 'Uprchlíci KONCEPT' })).status).toBe(200);

    expect(await termCs(apiPaths.integrationAreas, AREA_KEY)).toBe('Bydlení (publikováno)');
    expect(await termCs(apiPaths.targetGroups, TARGET_KEY)).toBe('Uprchlíci (publikováno)');
    expect(await practiceCs()).toMatchObject({ area: 'Bydlení (publikováno)', target: 'Uprchlíci (publikováno)' });
    expect(await practiceListCs()).toEqual({ area: 'Bydlení (publikováno)', target: 'Uprchlíci (publikováno)' });
    expect((await practiceDetailsCs()).area).toBe('Bydlení (publikováno)');
    expect((await translator.publish(INTEGRATION_AREA, ids.area, 'cs')).status).toBe(403);

    expect((await editor.publish(INTEGRATION_AREA, ids.area, 'cs')).status).toBe(200);
    expect((await editor.publish(TARGET_GROUP, ids.target, 'cs')).status).toBe(200);
    expect(await termCs(apiPaths.integrationAreas, AREA_KEY)).toBe('Bydlení KONCEPT');
    expect(await termCs(apiPaths.targetGroups, TARGET_KEY)).toBe('Uprchlíci KONCEPT');
    // The practice shows the published terms it is linked to, without being published again.
    expect(await practiceCs()).toMatchObject({ area: 'Bydlení KONCEPT', target: 'Uprchlíci KONCEPT' });
    expect(await practiceListCs()).toEqual({ area: 'Bydlení KONCEPT', target: 'Uprchlíci KONCEPT' });
  });

  it('tool texts and site texts', async () => {
    expect((await translator.update(TOOL, ids.tool, 'cs', { name: 'Portál KONCEPT', description: 'Popis KONCEPT' })).status).toBe(200);
    const site = await translator.json('PUT', `/content-manager/single-types/${SITE}?locale=cs`, { siteName: 'Dobré praxe KONCEPT', labels: { 'nav.home': 'Domů KONCEPT' }, locale: 'cs' });
    expect(site.status, JSON.stringify(site.body)).toBe(200);

    const publishedTool = { list: 'Portál (publikováno)', detail: 'Portál (publikováno)', description: 'Popis (publikováno)', details: 'Portál (publikováno)' };
    expect(await toolCs()).toEqual(publishedTool);
    expect(await siteCs()).toEqual({ siteName: 'Dobré praxe (publikováno)', home: 'Domů (publikováno)' });

    expect((await editor.publish(TOOL, ids.tool, 'cs')).status).toBe(200);
    const sitePublish = await editor.json('POST', `/content-manager/single-types/${SITE}/actions/publish?locale=cs`, { locale: 'cs' });
    expect(sitePublish.status, JSON.stringify(sitePublish.body)).toBe(200);
    expect(await toolCs()).toEqual({ list: 'Portál KONCEPT', detail: 'Portál KONCEPT', description: 'Popis KONCEPT', details: 'Portál KONCEPT' });
    expect(await siteCs()).toEqual({ siteName: 'Dobré praxe KONCEPT', home: 'Domů KONCEPT' });
  });
});

describe('a translator’s XLIFF upload stays a draft until an editor publishes it', () => {
  it('for framework, taxonomy, tool and site texts', async () => {
    const response = await importXliff(translator, {
      [`group/${GROUP_KEY}/title`]: { source: 'Inclusivity & Participation', target: 'Inkluzivita XLIFF' },
      [`question/${QUESTION_KEY}/text`]: { source: 'question', target: 'Otázka XLIFF' },
      [`item/${ITEM_KEY}/text`]: { source: 'item', target: 'Položka XLIFF' },
      [`integration-area/${AREA_KEY}/name`]: { source: 'Housing', target: 'Bydlení XLIFF' },
      [`target-group/${TARGET_KEY}/name`]: { source: 'Refugees', target: 'Uprchlíci XLIFF' },
      [`tool/${ids.tool}/name`]: { source: 'Recognition portal', target: 'Portál XLIFF' },
      'site/siteName': { source: 'Good practices', target: 'Dobré praxe XLIFF' },
      'site/labels/nav.home': { source: 'Home', target: 'Domů XLIFF' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);

    // What the editors published in the test before is still what visitors see.
    expect(await frameworkCs()).toEqual({ group: 'Inkluzivita KONCEPT', question: 'Otázka KONCEPT', item: 'Položka KONCEPT' });
    expect(await termCs(apiPaths.integrationAreas, AREA_KEY)).toBe('Bydlení KONCEPT');
    expect(await termCs(apiPaths.targetGroups, TARGET_KEY)).toBe('Uprchlíci KONCEPT');
    expect(await practiceCs()).toMatchObject({ question: 'Otázka KONCEPT', area: 'Bydlení KONCEPT', target: 'Uprchlíci KONCEPT' });
    expect((await toolCs()).detail).toBe('Portál KONCEPT');
    expect(await siteCs()).toEqual({ siteName: 'Dobré praxe KONCEPT', home: 'Domů KONCEPT' });

    for (const [uid, id] of [
      [CRITERIA_GROUP, ids.group],
      [QUESTION, ids.question],
      [CHECKLIST_ITEM, ids.item],
      [INTEGRATION_AREA, ids.area],
      [TARGET_GROUP, ids.target],
      [TOOL, ids.tool],
    ]) {
      expect((await editor.publish(uid, id, 'cs')).status).toBe(200);
    }
    expect((await editor.json('POST', `/content-manager/single-types/${SITE}/actions/publish?locale=cs`, { locale: 'cs' })).status).toBe(200);
    expect(await frameworkCs()).toEqual({ group: 'Inkluzivita XLIFF', question: 'Otázka XLIFF', item: 'Položka XLIFF' });
    expect(await practiceCs()).toMatchObject({ question: 'Otázka XLIFF', area: 'Bydlení XLIFF', target: 'Uprchlíci XLIFF' });
    expect((await toolCs()).detail).toBe('Portál XLIFF');
    expect(await siteCs()).toEqual({ siteName: 'Dobré praxe XLIFF', home: 'Domů XLIFF' });
  });
});

describe('the content model', () => {
  it('gives every content type draft & publish, as the translation code expects', () => {
    for (const uid of [CRITERIA_GROUP, QUESTION, CHECKLIST_ITEM, INTEGRATION_AREA, TARGET_GROUP, PRACTICE, TOOL, SITE]) {
      expect(contentTypes.hasDraftAndPublish(app.strapi.contentType(uid as 'plugin::good-practices.practice')), uid).toBe(true);
    }
    for (const type of translatableTypes) expect(type.draftAndPublish, type.uid).toBe(contentTypes.hasDraftAndPublish(app.strapi.contentType(type.uid)));
  });
});

describe('framework changes an editor has not published', () => {
  it('a retirement saved as a draft: the item stays public and assessable until it is published', async () => {
    const key = 'inclusivity.accessible-services.3';
    const item = await documentIdByKey(app.strapi, CHECKLIST_ITEM, key);
    expect((await editor.update(CHECKLIST_ITEM, item, 'en', { retired: true })).status).toBe(200);
    const items = async () => frameworkResponse.parse(await readAll(apiPaths.framework)).data.groups[0].questions[0].items.map((entry) => entry.key);
    expect(await items()).toContain(key);
    await createPractice(app.strapi, { assessment: { [key]: 'met' } });

    expect((await editor.publish(CHECKLIST_ITEM, item, 'en')).status).toBe(200);
    expect(await items()).not.toContain(key);
    await expect(createPractice(app.strapi, { assessment: { [key]: 'met' } })).rejects.toThrow(/has been retired/);
  });

  it('publishing a group keeps its questions and items in the public structure', async () => {
    const before = frameworkResponse.parse(await readAll(apiPaths.framework)).data;
    expect((await editor.update(CRITERIA_GROUP, ids.group, 'en', { title: 'Inclusivity (edited)' })).status).toBe(200);
    expect((await editor.publish(CRITERIA_GROUP, ids.group, 'en')).status).toBe(200);
    const after = frameworkResponse.parse(await readAll(apiPaths.framework)).data;
    expect(after.groups[0].title).toBe('Inclusivity (edited)');
    expect(after.groups.map((group) => group.questions.map((question) => question.items.map((entry) => entry.key)))).toEqual(
      before.groups.map((group) => group.questions.map((question) => question.items.map((entry) => entry.key))),
    );
  });
});

describe('a framework entry or term that was never published', () => {
  it('is not public, and a practice cannot be assessed or answered against it', async () => {
    const { strapi } = app;
    const group = await administrator.create(CRITERIA_GROUP, 'en', { key: 'draft-group', order: 9, title: 'Secret draft group' });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const groupId = (group.body as { data: { documentId: string } }).data.documentId;
    const question = await administrator.create(QUESTION, 'en', { key: 'draft-group.question', order: 1, text: 'Secret draft question', group: { connect: [{ documentId: groupId, locale: 'en' }] } });
    expect(question.status, JSON.stringify(question.body)).toBe(201);
    const area = await administrator.create(INTEGRATION_AREA, 'en', { key: 'secret-area', name: 'Secret draft area' });
    expect(area.status, JSON.stringify(area.body)).toBe(201);

    const framework = frameworkResponse.parse(await readAll(apiPaths.framework)).data;
    expect(framework.groups.map((candidate) => candidate.key)).not.toContain('draft-group');
    expect(JSON.stringify(framework)).not.toMatch(/Secret draft/);
    expect(taxonomyResponse.parse(await readAll(apiPaths.integrationAreas)).data.map((term) => term.key)).not.toContain('secret-area');

    // Keys a practice introduces must be published framework keys.
    await expect(
      createPractice(strapi, { answers: [{ questionKey: 'draft-group.question', body: 'An answer to a draft question.', tools: [] }] }),
    ).rejects.toThrow(/There is no question “draft-group\.question”/);
  });
});
