/**
 * XLIFF files that translate only some units of an entry with no version in the target locale:
 * the upload creates a draft version with those units, takes the texts a version cannot be
 * created without (title/name, slug) from the source, reports them as untranslated, makes the
 * slug unique in the locale, keeps the entry's shared values, and touches no published version
 * nor the public API. Refusals (unknown ids, other languages, a translator's other locales) stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsToXliff12 from 'xliff/jsToXliff12';
import { errorResponse } from '../../contract';
import { UNTRANSLATED_STAMP } from '../../server/src/xliff/plan-import';
import type { XliffImportResponse, XliffImportResult } from '../../contract/admin-api';
import { createStampsStore } from '../../server/src/translation/stamps-store';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, CRITERIA_GROUP, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE, TARGET_GROUP, TOOL, uniqueSlug, type WrittenDocument } from '../support/practices';
import { type AdminSession, loginAsSuperAdmin, loginWithRole } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

const QUESTION_KEY = 'inclusivity.accessible-services';
const ALL_TYPES = [PRACTICE, TOOL, INTEGRATION_AREA, TARGET_GROUP];

let app: RunningStrapi;
let admin: AdminSession;

type Units = Record<string, { source: string; target?: string }>;

async function importFile(xml: string, session: AdminSession = admin): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${app.url}/good-practices/xliff/import`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/x-xliff+xml', accept: 'application/json' },
    body: xml,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

function fileWith(units: Units, target = 'cs'): Promise<string> {
  return jsToXliff12({ sourceLanguage: 'en', targetLanguage: target, resources: { 'good-practices': units } });
}

async function imported(xml: string, session: AdminSession = admin): Promise<XliffImportResult> {
  const response = await importFile(xml, session);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as XliffImportResponse).data;
}

/** Every stored row of the types under test, every locale and status. */
async function snapshot(): Promise<string> {
  const rows = await Promise.all(ALL_TYPES.map((uid) => app.strapi.db.query(uid as 'plugin::good-practices.practice').findMany({ orderBy: { id: 'asc' } })));
  return JSON.stringify(rows);
}

/** Published rows only: what an upload must never write. */
async function publishedRows(uid: string): Promise<string> {
  return JSON.stringify(await app.strapi.db.query(uid as 'plugin::good-practices.practice').findMany({ where: { publishedAt: { $notNull: true } }, orderBy: { id: 'asc' } }));
}

/** What visitors see, in Czech and English. */
async function publicApi(): Promise<string> {
  const paths = ['practices', 'tools', 'integration-areas', 'target-groups'].flatMap((path) => [`${path}?locale=cs`, `${path}?locale=en`]);
  const bodies = await Promise.all(paths.map(async (path) => (await fetch(`${app.url}/api/good-practices/${path}`)).text()));
  return JSON.stringify(bodies);
}

function problemsOf(body: unknown): { path: string[]; message: string }[] {
  const parsed = errorResponse.parse(body) as { error: { name: string; details?: { errors?: { path: string[]; message: string }[] } } };
  expect(parsed.error.name).toBe('ValidationError');
  return parsed.error.details?.errors ?? [];
}

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs', 'de']);
  admin = await loginAsSuperAdmin(app.strapi, app.url);
});

afterAll(async () => {
  await app?.stop();
});

describe('a file translating part of an entry with no version in the locale', () => {
  let practice: WrittenDocument;
  let csOwner: WrittenDocument;

  it('creates a Czech draft of a practice from one answer: title and slug from the source, reported untranslated, slug unique in Czech', async () => {
    const slug = uniqueSlug('job-mentoring');
    practice = await createPractice(app.strapi, {
      title: 'Job mentoring',
      slug,
      summary: 'Mentors help.',
      country: 'AT',
      assessment: { 'inclusivity.accessible-services.1': 'met' },
      answers: [{ questionKey: QUESTION_KEY, body: 'Mentors are trained.', tools: [] }],
    });
    // Another practice already uses the source's slug in Czech.
    csOwner = await createPractice(app.strapi, { title: 'Other practice' });
    await documents(app.strapi, PRACTICE).update({ documentId: csOwner.documentId, locale: 'cs', data: { title: 'Jiná praxe', slug } });
    const enBefore = await documents(app.strapi, PRACTICE).findFirst({ locale: 'en', filters: { documentId: practice.documentId } });
    const published = await publishedRows(PRACTICE);
    const visible = await publicApi();

    const result = await imported(await fileWith({ [`practice/${practice.documentId}/answers/${QUESTION_KEY}/body`]: { source: 'Mentors are trained.', target: 'Mentoři jsou vyškolení.' } }));

    expect(result.written).toEqual([
      { kind: 'practice', documentId: practice.documentId, entryId: practice.documentId, label: 'Job mentoring', created: true, fields: ['answers', 'title', 'slug'], untranslated: ['title', 'slug'] },
    ]);
    const cs = await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', filters: { documentId: practice.documentId } });
    expect(cs).toMatchObject({ title: 'Job mentoring', slug: `${slug}-2`, publishedAt: null, answers: [{ questionKey: QUESTION_KEY, body: 'Mentoři jsou vyškolení.', tools: [] }] });
    // The shared values are the practice's; nothing else was written.
    expect(cs).toMatchObject({ country: 'AT', assessment: enBefore?.assessment, website: enBefore?.website, projectStart: enBefore?.projectStart });
    expect(cs?.summary ?? null).toBeNull();
    expect(await documents(app.strapi, PRACTICE).findFirst({ locale: 'en', filters: { documentId: practice.documentId } })).toEqual(enBefore);
    // No published version was created or changed, and visitors see exactly what they saw.
    expect(await publishedRows(PRACTICE)).toBe(published);
    expect(await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', status: 'published', filters: { documentId: practice.documentId } })).toBeNull();
    expect(await publicApi()).toBe(visible);

    // The copied texts stay on the translators' list: outdated (to translate), not current.
    const stamp = await createStampsStore(app.strapi).get('practice', practice.documentId, 'cs');
    expect(stamp?.hashes).toMatchObject({ title: UNTRANSLATED_STAMP, slug: UNTRANSLATED_STAMP });
    const status = (await admin.json('GET', '/good-practices/translation-status')).body as {
      data: { locales: { locale: string; areas: Record<string, { outdated: { documentId: string; fields: string[] }[] }> }[] };
    };
    const outdated = status.data.locales.find((entry) => entry.locale === 'cs')!.areas.practices.outdated.find((entry) => entry.documentId === practice.documentId);
    expect(outdated?.fields).toEqual(expect.arrayContaining(['title', 'slug']));
    expect(outdated?.fields).not.toContain(`answers/${QUESTION_KEY}/body`);
  });

  it('updates that draft with a second file translating the title, and the title is no longer untranslated', async () => {
    const result = await imported(await fileWith({ [`practice/${practice.documentId}/title`]: { source: 'Job mentoring', target: 'Mentoring pro práci' } }));
    expect(result.written).toEqual([{ kind: 'practice', documentId: practice.documentId, entryId: practice.documentId, label: 'Job mentoring', created: false, fields: ['title'], untranslated: [] }]);
    const cs = await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', filters: { documentId: practice.documentId } });
    expect(cs).toMatchObject({ title: 'Mentoring pro práci', publishedAt: null, answers: [{ questionKey: QUESTION_KEY, body: 'Mentoři jsou vyškolení.', tools: [] }] });
    const stamp = await createStampsStore(app.strapi).get('practice', practice.documentId, 'cs');
    expect(stamp?.hashes.title).not.toBe(UNTRANSLATED_STAMP);
    expect(stamp?.hashes.slug).toBe(UNTRANSLATED_STAMP);
    expect(await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', status: 'published', filters: { documentId: practice.documentId } })).toBeNull();
  });

  it('derives the slug of a new version from the title when the file translates it (not reported untranslated)', async () => {
    const other = await createPractice(app.strapi, { title: 'Housing first', summary: 'Homes.' });
    const result = await imported(await fileWith({ [`practice/${other.documentId}/title`]: { source: 'Housing first', target: 'Nejdřív bydlení' } }));
    expect(result.written[0]).toMatchObject({ created: true, untranslated: [] });
    const cs = await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', filters: { documentId: other.documentId } });
    expect(cs).toMatchObject({ title: 'Nejdřív bydlení', slug: 'nejdriv-bydleni' });
  });

  it('creates a Czech draft of a tool from its description: name and slug from the source', async () => {
    const slug = uniqueSlug('recognition-portal');
    const tool = await createTool(app.strapi, { name: 'Recognition portal', slug, description: 'Finds the office.' });
    const published = await publishedRows(TOOL);
    const visible = await publicApi();
    const result = await imported(await fileWith({ [`tool/${tool.documentId}/description`]: { source: 'Finds the office.', target: 'Najde úřad.' } }));
    expect(result.written).toEqual([{ kind: 'tool', documentId: tool.documentId, entryId: tool.documentId, label: 'Recognition portal', created: true, fields: ['description', 'name', 'slug'], untranslated: ['name', 'slug'] }]);
    const cs = await documents(app.strapi, TOOL).findFirst({ locale: 'cs', filters: { documentId: tool.documentId } });
    expect(cs).toMatchObject({ name: 'Recognition portal', slug, description: 'Najde úřad.', kind: 'portal', publishedAt: null });
    expect(await publishedRows(TOOL)).toBe(published);
    expect(await publicApi()).toBe(visible);
  });

  it('creates a Czech draft of a taxonomy term from its name only, and nothing from an untranslated unit', async () => {
    const key = `xliff-partial-${Date.now().toString(36)}`;
    const term = await documents(app.strapi, INTEGRATION_AREA).create({ locale: 'en', status: 'published', data: { key, name: 'Housing support' } });
    // A term's one text is its name: a unit without a target is "not translated yet" and creates
    // nothing; with a target, it creates the draft and nothing is taken from the source.
    const skipped = await imported(await fileWith({ [`integration-area/${key}/name`]: { source: 'Housing support' } }));
    expect(skipped).toMatchObject({ written: [], skipped: 1 });
    expect(await documents(app.strapi, INTEGRATION_AREA).findFirst({ locale: 'cs', filters: { key } })).toBeNull();

    const published = await publishedRows(INTEGRATION_AREA);
    const result = await imported(await fileWith({ [`integration-area/${key}/name`]: { source: 'Housing support', target: 'Podpora bydlení' } }));
    expect(result.written).toEqual([{ kind: 'integration-area', documentId: expect.any(String), entryId: key, label: 'Housing support', created: true, fields: ['name'], untranslated: [] }]);
    const cs = await documents(app.strapi, INTEGRATION_AREA).findFirst({ locale: 'cs', filters: { key } });
    expect(cs).toMatchObject({ name: 'Podpora bydlení', key, publishedAt: null, documentId: term.documentId });
    expect(await publishedRows(INTEGRATION_AREA)).toBe(published);
  });
});

describe('other types with required texts', () => {
  it('creates a German draft of a criteria group from its description: its title from the source', async () => {
    const documentId = await documentIdByKey(app.strapi, CRITERIA_GROUP, 'inclusivity');
    const group = (await documents(app.strapi, CRITERIA_GROUP).update({ documentId, locale: 'en', data: { description: 'Services everyone can use.' } })) as unknown as {
      key: string;
      title: string;
      description: string;
      order: number;
    };
    expect(await documents(app.strapi, CRITERIA_GROUP).findFirst({ locale: 'de', filters: { key: group.key } })).toBeNull();
    const published = await publishedRows(CRITERIA_GROUP);
    const result = await imported(await fileWith({ [`group/${group.key}/description`]: { source: group.description, target: 'Beschreibung auf Deutsch.' } }, 'de'));
    expect(result.written).toEqual([{ kind: 'group', documentId: expect.any(String), entryId: group.key, label: group.title, created: true, fields: ['description', 'title'], untranslated: ['title'] }]);
    const de = await documents(app.strapi, CRITERIA_GROUP).findFirst({ locale: 'de', filters: { key: group.key } });
    expect(de).toMatchObject({ title: group.title, description: 'Beschreibung auf Deutsch.', order: group.order, publishedAt: null });
    expect(await publishedRows(CRITERIA_GROUP)).toBe(published);
  });
});

describe('refusals stay', () => {
  it('refuses unknown ids and other languages, writing nothing', async () => {
    const practice = await createPractice(app.strapi, { title: 'Language café', summary: 'Talk.' });
    const unit = { [`practice/${practice.documentId}/summary`]: { source: 'Talk.', target: 'Mluvit.' } };
    for (const [xml, pattern] of [
      [await fileWith({ ...unit, 'practice/nosuchdocument000000/summary': { source: 'x', target: 'y' } }), /there is no practice “nosuchdocument000000”/],
      [await fileWith(unit, 'fr'), /target language “fr” is not a locale/],
      [await fileWith(unit, 'en'), /is the default locale/],
    ] as const) {
      const before = await snapshot();
      const response = await importFile(xml);
      expect(response.status).toBe(400);
      expect(problemsOf(response.body).map((problem) => problem.message)).toContainEqual(expect.stringMatching(pattern));
      expect(await snapshot()).toBe(before);
    }
  });

  it('lets a translator create a partial version in their locale only', async () => {
    await (app.strapi.plugin('good-practices').service('deployment') as { ensureRoles(options: { translatorLocales: string[] }): Promise<string[]> }).ensureRoles({ translatorLocales: ['cs'] });
    const translator = await loginWithRole(app.strapi, app.url, 'good-practices-translator');
    const practice = await createPractice(app.strapi, { title: 'Buddy scheme', summary: 'Pairs newcomers.' });

    const before = await snapshot();
    const refused = await importFile(await fileWith({ [`practice/${practice.documentId}/summary`]: { source: 'Pairs newcomers.', target: 'Bringt Neue zusammen.' } }, 'de'), translator);
    expect(refused.status).toBe(400);
    expect(problemsOf(refused.body).map((problem) => problem.message)).toContainEqual(expect.stringMatching(/you may not create practice translations in de/));
    expect(await snapshot()).toBe(before);

    const result = await imported(await fileWith({ [`practice/${practice.documentId}/summary`]: { source: 'Pairs newcomers.', target: 'Spojuje nováčky.' } }), translator);
    expect(result.written[0]).toMatchObject({ created: true, untranslated: ['title', 'slug'] });
    const cs = await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', filters: { documentId: practice.documentId } });
    expect(cs).toMatchObject({ title: 'Buddy scheme', slug: practice.slug, summary: 'Spojuje nováčky.', publishedAt: null });
  });
});
