/**
 * A practice's integration areas and target groups are a shared fact: the same set of term
 * documents in every language (invariants/shared-terms.ts). A draft write of the terms in any
 * locale reaches every draft and no published version; a publish reaches every published locale;
 * a translation created with texts only (as XLIFF does) gets the practice's terms; the public
 * lists of every language file the practice under its terms, even a term not translated into that
 * language; the boot migration aligns stored divergent versions without publishing drafts; a
 * translator cannot change the terms. Real HTTP; SQLite, and PostgreSQL too when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceListResponse, practiceResponse, taxonomyResponse } from '../../contract';
import { alignPracticeTerms } from '../../server/src/database/shared-terms-migration';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE, TARGET_GROUP, uniqueSlug } from '../support/practices';
import { type AdminSession, loginAsEditor, loginWithRole } from '../support/role-session';
import { siteNotificationsDone } from '../support/site-notifications';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

const TRANSLATOR = 'good-practices-translator';

let app: RunningStrapi;
let site: Server;
let translator: AdminSession;
const area: Record<string, string> = {};
const group: Record<string, string> = {};
/** What the site was told (the CMS → site revalidation webhook). */
const revalidations: { event: string; entry: { documentId: string | null; locale: string | null } }[] = [];

const practices = () => documents(app.strapi, PRACTICE);

beforeAll(async () => {
  // The Translator role is created at boot when a language to translate into exists.
  const first = await bootStrapi({ keepDatabase: true, env: { TRANSLATOR_LOCALES: 'cs' } });
  try {
    await ensureLocales(first.strapi, ['cs', 'es']);
  } finally {
    await first.stop();
  }
  site = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/api/revalidate') revalidations.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as (typeof revalidations)[number]);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const revalidate = `http://127.0.0.1:${(site.address() as AddressInfo).port}/api/revalidate`;
  app = await bootStrapi({
    databaseName: sameDatabase(first),
    env: { TRANSLATOR_LOCALES: 'cs', SITE_REVALIDATE_URL: revalidate, REVALIDATE_SECRET: randomBytes(24).toString('base64') },
  });
  translator = await loginWithRole(app.strapi, app.url, TRANSLATOR);
  for (const key of ['employment', 'housing', 'education-and-training']) area[key] = await documentIdByKey(app.strapi, INTEGRATION_AREA, key);
  for (const key of ['migrants', 'refugees']) group[key] = await documentIdByKey(app.strapi, TARGET_GROUP, key);
  // Refugees is translated into Spanish only; migrants into no language.
  await documents(app.strapi, TARGET_GROUP).update({ documentId: group.refugees!, locale: 'es', data: { name: 'Refugiados' } });
  await documents(app.strapi, TARGET_GROUP).publish({ documentId: group.refugees!, locale: 'es' });
  // Employment and housing are translated (and published) into Czech and Spanish; education is not.
  const names: Record<string, Record<string, string>> = { employment: { cs: 'Zaměstnanost', es: 'Empleo' }, housing: { cs: 'Bydlení', es: 'Vivienda' } };
  for (const [key, byLocale] of Object.entries(names)) {
    for (const [locale, name] of Object.entries(byLocale)) {
      await documents(app.strapi, INTEGRATION_AREA).update({ documentId: area[key]!, locale, data: { name } });
      await documents(app.strapi, INTEGRATION_AREA).publish({ documentId: area[key]!, locale });
    }
  }
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

interface LinkedTerm {
  documentId: string;
  locale: string;
  publishedAt: string | null;
}

/** Each version's areas as `locale/status` → sorted keys, checking each link is to its own locale and status. */
async function areasByVersion(documentId: string): Promise<Record<string, string[]>> {
  const rows = (await app.strapi.db.query(PRACTICE).findMany({
    where: { documentId },
    select: ['locale', 'publishedAt'],
    populate: { integrationAreas: { select: ['documentId', 'locale', 'publishedAt'] } },
  })) as { locale: string; publishedAt: string | null; integrationAreas: LinkedTerm[] }[];
  const keyOf = Object.fromEntries(Object.entries(area).map(([key, id]) => [id, key]));
  const result: Record<string, string[]> = {};
  for (const row of rows) {
    const status = row.publishedAt === null ? 'draft' : 'published';
    for (const term of row.integrationAreas) {
      expect(term.locale).toBe(row.locale);
      expect(term.publishedAt === null ? 'draft' : 'published').toBe(status);
    }
    result[`${row.locale}/${status}`] = row.integrationAreas.map((term) => keyOf[term.documentId] ?? term.documentId).sort();
  }
  return result;
}

/** A translation with texts only, as an XLIFF import creates it, published. */
async function addTranslation(documentId: string, locale: string, publish = true): Promise<string> {
  const slug = uniqueSlug(locale);
  await practices().update({ documentId, locale, data: { title: `Praxe ${slug}`, slug, summary: 'Přeloženo.' } });
  if (publish) await practices().publish({ documentId, locale });
  return slug;
}

const listTitles = async (query: string) =>
  practiceListResponse.parse((await getJson(`${app.url}${apiPaths.practices}?pageSize=100&${query}`)).body).data.map((practice) => practice.title);

describe('the terms are shared by every language', () => {
  it('a translation created with texts only gets the practice’s terms, in its drafts and on publish', async () => {
    const practice = await createPractice(app.strapi, { integrationAreas: [area.employment] });
    await addTranslation(practice.documentId, 'cs');
    await addTranslation(practice.documentId, 'es');
    expect(await areasByVersion(practice.documentId)).toEqual({
      'en/draft': ['employment'],
      'en/published': ['employment'],
      'cs/draft': ['employment'],
      'cs/published': ['employment'],
      'es/draft': ['employment'],
      'es/published': ['employment'],
    });
  });

  it('editing the terms in Czech reaches every draft and no published version; publishing reaches every published locale', async () => {
    const practice = await createPractice(app.strapi, { integrationAreas: [area.employment] });
    const csSlug = await addTranslation(practice.documentId, 'cs');
    await addTranslation(practice.documentId, 'es');
    await practices().update({ documentId: practice.documentId, locale: 'cs', data: { integrationAreas: [area.housing] } });
    expect(await areasByVersion(practice.documentId)).toEqual({
      'en/draft': ['housing'],
      'en/published': ['employment'],
      'cs/draft': ['housing'],
      'cs/published': ['employment'],
      'es/draft': ['housing'],
      'es/published': ['employment'],
    });
    const title = `Praxe ${csSlug}`;
    expect(await listTitles('locale=cs&area=housing')).not.toContain(title);
    expect(await listTitles('locale=cs&area=employment')).toContain(title);

    await practices().publish({ documentId: practice.documentId, locale: 'cs' });
    expect(await areasByVersion(practice.documentId)).toEqual({
      'en/draft': ['housing'],
      'en/published': ['housing'],
      'cs/draft': ['housing'],
      'cs/published': ['housing'],
      'es/draft': ['housing'],
      'es/published': ['housing'],
    });
    expect(await listTitles('locale=cs&area=housing')).toContain(title);
    expect(await listTitles('locale=cs&area=employment')).not.toContain(title);
  });

  it('files a partial translation under its terms in its own language, naming untranslated terms along the chain', async () => {
    const practice = await createPractice(app.strapi, { integrationAreas: [area.employment, area['education-and-training']] });
    const csSlug = await addTranslation(practice.documentId, 'cs');
    const title = `Praxe ${csSlug}`;
    expect(await listTitles('locale=cs&area=employment')).toContain(title);
    // Education has no Czech version: the Czech practice version cannot link it, the list still files it there.
    expect(await listTitles('locale=cs&area=education-and-training')).toContain(title);
    const list = practiceListResponse.parse((await getJson(`${app.url}${apiPaths.practices}?pageSize=100&locale=cs&area=employment`)).body);
    const summary = list.data.find((entry) => entry.title === title)!;
    expect(summary.integrationAreas.map((term) => [term.key, term.name, term.locale]).sort()).toEqual([
      ['education-and-training', 'Education and training', 'en'],
      ['employment', 'Zaměstnanost', 'cs'],
    ]);
    const detail = practiceResponse.parse((await getJson(`${app.url}${apiPaths.practice(csSlug)}?locale=cs`)).body).data;
    expect(detail.integrationAreas.map((term) => [term.key, term.name, term.locale]).sort()).toEqual([
      ['education-and-training', 'Education and training', 'en'],
      ['employment', 'Zaměstnanost', 'cs'],
    ]);
  });

  it('names the terms of a practice shown in another language in the visitor’s language, along the chain', async () => {
    const practice = await createPractice(app.strapi, {
      integrationAreas: [area.employment, area['education-and-training']],
      targetGroups: [group.refugees, group.migrants],
    });
    // No Czech version: the Czech list shows the English one. Its terms are still the visitor's:
    // employment has a Czech name; refugees only a Spanish one (cs → en → es: English first);
    // education and migrants only English ones.
    const list = practiceListResponse.parse((await getJson(`${app.url}${apiPaths.practices}?pageSize=100&locale=cs&area=employment`)).body);
    const summary = list.data.find((entry) => entry.documentId === practice.documentId)!;
    expect(summary.locale).toBe('en');
    expect(summary.integrationAreas.map((term) => [term.key, term.name, term.locale]).sort()).toEqual([
      ['education-and-training', 'Education and training', 'en'],
      ['employment', 'Zaměstnanost', 'cs'],
    ]);
    expect(summary.targetGroups.map((term) => [term.key, term.name, term.locale]).sort()).toEqual([
      ['migrants', 'Migrants', 'en'],
      ['refugees', 'Refugees', 'en'],
    ]);
    // The Spanish list names refugees in Spanish although the practice has no Spanish version.
    const es = practiceListResponse.parse((await getJson(`${app.url}${apiPaths.practices}?pageSize=100&locale=es&targetGroup=refugees`)).body);
    const shownInSpanish = es.data.find((entry) => entry.documentId === practice.documentId)!;
    expect(shownInSpanish.targetGroups.find((term) => term.key === 'refugees')).toEqual({ key: 'refugees', name: 'Refugiados', locale: 'es' });
    expect(shownInSpanish.integrationAreas.find((term) => term.key === 'employment')).toEqual({ key: 'employment', name: 'Empleo', locale: 'es' });
    // The default locale's own list names them in English.
    const en = practiceListResponse.parse((await getJson(`${app.url}${apiPaths.practices}?pageSize=100&targetGroup=refugees`)).body);
    expect(en.data.find((entry) => entry.documentId === practice.documentId)!.targetGroups.find((term) => term.key === 'refugees')).toEqual({
      key: 'refugees',
      name: 'Refugees',
      locale: 'en',
    });
  });

  it('a locale’s filters offer every published term, named along its chain', async () => {
    const cs = taxonomyResponse.parse((await getJson(`${app.url}${apiPaths.targetGroups}?locale=cs`)).body).data;
    expect(cs.find((term) => term.key === 'refugees')).toEqual({ key: 'refugees', name: 'Refugees', locale: 'en' });
    // A term created in Spanish only is offered in Czech too (practices filed under it are listed there), in Spanish.
    const created = await documents(app.strapi, TARGET_GROUP).create({ locale: 'es', data: { key: 'temporeros', name: 'Temporeros' } });
    await documents(app.strapi, TARGET_GROUP).publish({ documentId: created.documentId, locale: 'es' });
    const after = taxonomyResponse.parse((await getJson(`${app.url}${apiPaths.targetGroups}?locale=cs`)).body).data;
    expect(after.find((term) => term.key === 'temporeros')).toEqual({ key: 'temporeros', name: 'Temporeros', locale: 'es' });
  });

  it('the migration aligns drafts with the default locale’s draft and published versions with its published version', async () => {
    const practice = await createPractice(app.strapi, { integrationAreas: [area.employment] });
    await addTranslation(practice.documentId, 'cs');
    await addTranslation(practice.documentId, 'es', false);
    // What an older database holds: each version its own terms, written around the invariants.
    const rows = (await app.strapi.db.query(PRACTICE).findMany({ where: { documentId: practice.documentId }, select: ['id', 'locale', 'publishedAt'] })) as {
      id: number;
      locale: string;
      publishedAt: string | null;
    }[];
    const row = (locale: string, published: boolean) => rows.find((candidate) => candidate.locale === locale && (candidate.publishedAt !== null) === published)!.id;
    const termId = async (key: string, locale: string, published: boolean) =>
      ((await app.strapi.db.query(INTEGRATION_AREA).findOne({ where: { documentId: area[key], locale, publishedAt: published ? { $notNull: true } : null }, select: ['id'] })) as { id: number }).id;
    await app.strapi.db.query(PRACTICE).update({ where: { id: row('en', false) }, data: { integrationAreas: [await termId('housing', 'en', false)] } });
    await app.strapi.db.query(PRACTICE).update({ where: { id: row('cs', false) }, data: { integrationAreas: [] } });
    await app.strapi.db.query(PRACTICE).update({ where: { id: row('cs', true) }, data: { integrationAreas: [] } });
    await app.strapi.db.query(PRACTICE).update({ where: { id: row('es', false) }, data: { integrationAreas: [await termId('employment', 'es', false)] } });
    expect(await areasByVersion(practice.documentId)).toEqual({
      'en/draft': ['housing'],
      'en/published': ['employment'],
      'cs/draft': [],
      'cs/published': [],
      'es/draft': ['employment'],
    });

    expect(await alignPracticeTerms(app.strapi)).toBeGreaterThanOrEqual(3);
    // The unpublished housing stays in the drafts: no published version got it.
    expect(await areasByVersion(practice.documentId)).toEqual({
      'en/draft': ['housing'],
      'en/published': ['employment'],
      'cs/draft': ['housing'],
      'cs/published': ['employment'],
      'es/draft': ['housing'],
    });
    expect(await alignPracticeTerms(app.strapi)).toBe(0);
    // The boot recorded its run.
    expect(await app.strapi.store({ type: 'plugin', name: 'good-practices' }).get({ key: 'shared-terms-aligned' })).toBe(true);
  });

  it('a translator cannot change the terms: told by the save check, and the save changes nothing', async () => {
    const practice = await createPractice(app.strapi, { integrationAreas: [area.employment] });
    const csSlug = await addTranslation(practice.documentId, 'cs');
    const housingCs = (await app.strapi.db.query(INTEGRATION_AREA).findOne({ where: { documentId: area.housing, locale: 'cs', publishedAt: null }, select: ['id'] })) as { id: number };
    const employmentCs = (await app.strapi.db.query(INTEGRATION_AREA).findOne({ where: { documentId: area.employment, locale: 'cs', publishedAt: null }, select: ['id'] })) as { id: number };
    const check = async (data: Record<string, unknown>) => {
      const response = await translator.json('POST', '/good-practices/practices/check', { documentId: practice.documentId, locale: 'cs', data });
      expect(response.status).toBe(200);
      return (response.body as { data: { problems: { field: string }[] } }).data.problems.map((problem) => problem.field).sort();
    };
    const texts = { title: 'Praxe přeložená', slug: csSlug };
    // What the content manager sends when the terms are left alone, in its forms.
    expect(await check({ ...texts, integrationAreas: { connect: [], disconnect: [] } })).toEqual([]);
    expect(await check({ ...texts, integrationAreas: [area.employment] })).toEqual([]);
    expect(await check({ ...texts, integrationAreas: { connect: [{ id: employmentCs.id, documentId: area.employment, locale: 'cs' }] } })).toEqual([]);
    // Adding, removing or replacing a term is refused.
    expect(await check({ ...texts, integrationAreas: { connect: [{ id: housingCs.id, documentId: area.housing, locale: 'cs' }], disconnect: [] } })).toEqual(['integrationAreas']);
    expect(await check({ ...texts, integrationAreas: { connect: [], disconnect: [{ id: employmentCs.id }] } })).toEqual(['integrationAreas']);
    expect(await check({ ...texts, integrationAreas: [area.housing] })).toEqual(['integrationAreas']);

    // The save: whatever the content manager lets through of it, the terms stay in every draft.
    const saved = await translator.update(PRACTICE, practice.documentId, 'cs', {
      ...texts,
      integrationAreas: { connect: [{ id: housingCs.id, documentId: area.housing, locale: 'cs' }], disconnect: [] },
    });
    expect([200, 400]).toContain(saved.status);
    const areas = await areasByVersion(practice.documentId);
    expect(areas['cs/draft']).toEqual(['employment']);
    expect(areas['en/draft']).toEqual(['employment']);
  });

  it('target groups: an edit in Spanish keeps the groups Spanish cannot show; publishing tells the site about every language', async () => {
    const practice = await createPractice(app.strapi, { targetGroups: [group.migrants] });
    const csSlug = await addTranslation(practice.documentId, 'cs');
    await addTranslation(practice.documentId, 'es');
    const groupsByVersion = async () => {
      const rows = (await app.strapi.db.query(PRACTICE).findMany({
        where: { documentId: practice.documentId },
        select: ['locale', 'publishedAt'],
        populate: { targetGroups: { select: ['documentId'] } },
      })) as { locale: string; publishedAt: string | null; targetGroups: { documentId: string }[] }[];
      const keyOf = Object.fromEntries(Object.entries(group).map(([key, id]) => [id, key]));
      return Object.fromEntries(rows.map((row) => [`${row.locale}/${row.publishedAt === null ? 'draft' : 'published'}`, row.targetGroups.map((term) => keyOf[term.documentId]).sort()]));
    };
    // Migrants has no Spanish version: the Spanish edit cannot show it, and does not drop it.
    await practices().update({ documentId: practice.documentId, locale: 'es', data: { targetGroups: [group.refugees] } });
    expect(await groupsByVersion()).toEqual({
      'en/draft': ['migrants', 'refugees'],
      'en/published': ['migrants'],
      'cs/draft': [],
      'cs/published': [],
      'es/draft': ['refugees'],
      'es/published': [],
    });
    // Earlier publishes are announced after their commit: let them arrive first.
    await siteNotificationsDone(app.strapi);
    const since = revalidations.length;
    await practices().publish({ documentId: practice.documentId, locale: 'es' });
    expect(await groupsByVersion()).toEqual({
      'en/draft': ['migrants', 'refugees'],
      'en/published': ['migrants', 'refugees'],
      'cs/draft': [],
      'cs/published': [],
      'es/draft': ['refugees'],
      'es/published': ['refugees'],
    });
    // The Czech page shows the new group too (named along the chain): the site hears of en and cs.
    const cs = await getJson(`${app.url}${apiPaths.practice(csSlug)}?locale=cs`);
    expect(practiceResponse.parse(cs.body).data.targetGroups.map((term) => term.key).sort()).toEqual(['migrants', 'refugees']);
    expect(await listTitles('locale=cs&targetGroup=refugees')).toContain(`Praxe ${csSlug}`);
    const told = async (locale: string, event: string) => {
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
        const calls = revalidations.slice(since).filter((candidate) => candidate.entry.documentId === practice.documentId && candidate.entry.locale === locale);
        if (calls.some((call) => call.event === event)) return calls.map((call) => call.event);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return revalidations.slice(since).filter((call) => call.entry.documentId === practice.documentId).map((call) => `${call.entry.locale}:${call.event}`);
    };
    expect(await told('es', 'entry.publish')).toContain('entry.publish');
    expect(await told('en', 'entry.update')).toContain('entry.update');
    expect(await told('cs', 'entry.update')).toContain('entry.update');
  });

  it('an editor’s save in the admin content manager reaches every draft; discarding the Czech draft brings the published terms back in every draft', async () => {
    const editor = await loginAsEditor(app.strapi, app.url);
    const practice = await createPractice(app.strapi, { integrationAreas: [area.employment] });
    const csSlug = await addTranslation(practice.documentId, 'cs');
    await addTranslation(practice.documentId, 'es');
    const housingCs = (await app.strapi.db.query(INTEGRATION_AREA).findOne({ where: { documentId: area.housing, locale: 'cs', publishedAt: null }, select: ['id'] })) as { id: number };
    const employmentCs = (await app.strapi.db.query(INTEGRATION_AREA).findOne({ where: { documentId: area.employment, locale: 'cs', publishedAt: null }, select: ['id'] })) as { id: number };
    // A save that leaves the terms alone, as the content manager sends it: nothing changes.
    const untouched = await editor.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe upravená', slug: csSlug, integrationAreas: { connect: [], disconnect: [] } });
    expect(untouched.status).toBe(200);
    expect((await areasByVersion(practice.documentId))['en/draft']).toEqual(['employment']);
    const saved = await editor.update(PRACTICE, practice.documentId, 'cs', {
      title: 'Praxe upravená',
      slug: csSlug,
      integrationAreas: { connect: [{ id: housingCs.id, documentId: area.housing, locale: 'cs' }], disconnect: [{ id: employmentCs.id, documentId: area.employment, locale: 'cs' }] },
    });
    expect(saved.status).toBe(200);
    expect(await areasByVersion(practice.documentId)).toEqual({
      'en/draft': ['housing'],
      'en/published': ['employment'],
      'cs/draft': ['housing'],
      'cs/published': ['employment'],
      'es/draft': ['housing'],
      'es/published': ['employment'],
    });
    await practices().discardDraft({ documentId: practice.documentId, locale: 'cs' });
    expect(await areasByVersion(practice.documentId)).toEqual({
      'en/draft': ['employment'],
      'en/published': ['employment'],
      'cs/draft': ['employment'],
      'cs/published': ['employment'],
      'es/draft': ['employment'],
      'es/published': ['employment'],
    });
  });
});
