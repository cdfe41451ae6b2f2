/**
 * XLIFF 1.2 export and import (admin routes): the export carries the default locale as source
 * and the target locale's current text; importing an exported file unchanged writes nothing;
 * importing translations writes the target locale's drafts only; a file with any problem is
 * refused as a whole, with every problem named, before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsToXliff12 from 'xliff/jsToXliff12';
import xliff12ToJs from 'xliff/xliff12ToJs';
import { errorResponse } from '../../contract';
import type { XliffImportResponse } from '../../contract/admin-api';
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
  type WrittenDocument,
} from '../support/practices';
import { type AdminSession, loginAsSuperAdmin, loginWithRole } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

const QUESTION_KEY = 'inclusivity.accessible-services';
const ALL_TYPES = [PRACTICE, TOOL, CRITERIA_GROUP, QUESTION, CHECKLIST_ITEM, INTEGRATION_AREA, TARGET_GROUP, SITE];

let app: RunningStrapi;
let admin: AdminSession;
let translated: WrittenDocument;
let untranslated: WrittenDocument;
let tool: WrittenDocument;
let csSlug: string;

type Units = Record<string, { source?: unknown; target?: unknown; note?: unknown; additionalAttributes?: Record<string, string> }>;

async function exportFile(query: string): Promise<Response> {
  return fetch(`${app.url}/good-practices/xliff/export?${query}`, { headers: admin.headers });
}

async function importFile(xml: string, session: AdminSession = admin): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${app.url}/good-practices/xliff/import`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/x-xliff+xml', accept: 'application/json' },
    body: xml,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function exported(locale: string, selection = 'practices,framework,site'): Promise<{ xml: string; units: Units; targetLanguage?: string; sourceLanguage?: string }> {
  const response = await exportFile(`locale=${locale}&selection=${selection}`);
  expect(response.status).toBe(200);
  const xml = await response.text();
  const parsed = await xliff12ToJs(xml);
  return { xml, units: (parsed.resources?.['good-practices'] ?? {}) as Units, targetLanguage: parsed.targetLanguage, sourceLanguage: parsed.sourceLanguage };
}

async function fileWith(units: Units, languages: { source?: string; target?: string } = {}): Promise<string> {
  return jsToXliff12({
    sourceLanguage: languages.source ?? 'en',
    targetLanguage: languages.target ?? 'cs',
    resources: { 'good-practices': units as Record<string, { source: string; target?: string }> },
  });
}

/** Every stored row of every plugin content type, every locale and status, as JSON. */
async function snapshot(): Promise<string> {
  const rows = await Promise.all(ALL_TYPES.map((uid) => app.strapi.db.query(uid as 'plugin::good-practices.practice').findMany({ orderBy: { id: 'asc' } })));
  return JSON.stringify(rows);
}

function problemsOf(body: unknown): { path: string[]; message: string }[] {
  const parsed = errorResponse.parse(body) as { error: { name: string; details?: { errors?: { path: string[]; message: string }[] } } };
  expect(parsed.error.name).toBe('ValidationError');
  return parsed.error.details?.errors ?? [];
}

async function expectRefused(xml: string, pattern: RegExp, unit?: string): Promise<void> {
  const before = await snapshot();
  const response = await importFile(xml);
  expect(response.status).toBe(400);
  const problems = problemsOf(response.body);
  expect(problems.some((problem) => pattern.test(problem.message) && (unit === undefined || problem.path[0] === unit)), JSON.stringify(problems)).toBe(true);
  expect(await snapshot()).toBe(before);
}

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs', 'de']);
  admin = await loginAsSuperAdmin(app.strapi, app.url);
  tool = await createTool(app.strapi, { name: 'Recognition portal' });
  translated = await createPractice(app.strapi, {
    title: 'Language café & more',
    summary: 'People meet to talk.\n\n- weekly\n- free <b>really</b>',
    organisation: 'City library',
    objectives: 'Practise the **language**.',
    answers: [{ questionKey: QUESTION_KEY, body: 'Open to everyone.', tools: [tool.documentId] }],
  });
  csSlug = uniqueSlug('kavarna');
  await documents(app.strapi, PRACTICE).update({ documentId: translated.documentId, locale: 'cs', data: { title: 'Jazyková kavárna', slug: csSlug, summary: 'Lidé se setkávají.' } });
  await documents(app.strapi, PRACTICE).publish({ documentId: translated.documentId, locale: 'cs' });
  untranslated = await createPractice(app.strapi, { title: 'Job mentoring', summary: 'Mentors help.' }, { status: 'draft' });
  await documents(app.strapi, CRITERIA_GROUP).update({ documentId: await documentIdByKey(app.strapi, CRITERIA_GROUP, 'inclusivity'), locale: 'cs', data: { title: 'Inkluzivita' } });
  const site = await documents(app.strapi, SITE).findFirst({ locale: 'en' });
  await documents(app.strapi, SITE).update({ documentId: site!.documentId, locale: 'en', data: { labels: { 'search.placeholder': 'Search practices', 'nav.home': 'Home' } } });
  await documents(app.strapi, SITE).publish({ documentId: site!.documentId, locale: 'en' });
  await documents(app.strapi, SITE).update({ documentId: site!.documentId, locale: 'cs', data: { siteName: 'Dobré praxe', labels: { 'nav.home': 'Domů' } } });
});

afterAll(async () => {
  await app?.stop();
});

describe('export', () => {
  it('writes XLIFF 1.2 from the default locale to the requested one, with meaningful unit ids', async () => {
    const response = await exportFile('locale=cs&selection=practices,framework,site');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-xliff\+xml/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="good-practices-en-cs.xlf"');
    const xml = await response.text();
    expect(xml).toMatch(/<xliff [^>]*version="1\.2"/);
    const { units, sourceLanguage, targetLanguage } = await exported('cs');
    expect([sourceLanguage, targetLanguage]).toEqual(['en', 'cs']);

    const id = translated.documentId;
    expect(units[`practice/${id}/title`]).toMatchObject({ source: 'Language café & more', target: 'Jazyková kavárna', additionalAttributes: { 'xml:space': 'preserve' } });
    expect(units[`practice/${id}/summary`]?.source).toBe('People meet to talk.\n\n- weekly\n- free <b>really</b>');
    expect(units[`practice/${id}/objectives`]).toEqual(expect.not.objectContaining({ target: expect.anything() }));
    expect(units[`practice/${id}/organisation`]).toEqual(expect.objectContaining({ source: 'City library' }));
    expect(units[`practice/${id}/organisation`]).toEqual(expect.not.objectContaining({ target: expect.anything() }));
    expect(units[`practice/${id}/answers/${QUESTION_KEY}/body`]?.source).toBe('Open to everyone.');
    expect(units[`practice/${untranslated.documentId}/title`]?.source).toBe('Job mentoring');
    expect(units['group/inclusivity/title']).toMatchObject({ target: 'Inkluzivita' });
    expect(units[`question/${QUESTION_KEY}/text`]?.source).toEqual(expect.any(String));
    expect(units['site/labels/nav.home']).toMatchObject({ source: 'Home', target: 'Domů' });
    expect(units['site/siteName']).toMatchObject({ target: 'Dobré praxe' });
    // Only what was selected, and never a shared field.
    expect(Object.keys(units).some((unit) => unit.startsWith('tool/') || unit.startsWith('integration-area/'))).toBe(false);
    expect(Object.keys(units).some((unit) => /\/(assessment|country|key|order|validationStatus)$/.test(unit))).toBe(false);
  });

  it('refuses bad parameters and anonymous callers', async () => {
    expect((await exportFile('locale=en')).status).toBe(400);
    expect((await exportFile('locale=xx')).status).toBe(400);
    expect((await exportFile('selection=practices')).status).toBe(400);
    expect((await exportFile('locale=cs&selection=practices,everything')).status).toBe(400);
    expect((await exportFile('locale=cs&status=draft')).status).toBe(400);
    expect((await fetch(`${app.url}/good-practices/xliff/export?locale=cs`)).status).toBe(401);
  });
});

describe('import', () => {
  it('changes nothing when an export is imported as it is', async () => {
    for (const locale of ['cs', 'de']) {
      const { xml, units } = await exported(locale, 'practices,tools,framework,taxonomies,site');
      const before = await snapshot();
      const response = await importFile(xml);
      expect(response.status).toBe(200);
      const { data } = response.body as XliffImportResponse;
      expect(data.written).toEqual([]);
      expect(data.unchanged + data.skipped).toBe(Object.keys(units).length);
      expect(await snapshot()).toBe(before);
    }
  });

  it('writes the translations into the target locale’s drafts only', async () => {
    const { units } = await exported('cs');
    const id = translated.documentId;
    units[`practice/${id}/objectives`].target = 'Procvičovat **jazyk**.';
    units[`practice/${id}/organisation`].target = 'Městská knihovna';
    units[`practice/${id}/answers/${QUESTION_KEY}/body`].target = 'Otevřeno všem.';
    units[`practice/${untranslated.documentId}/title`].target = 'Mentoring pro práci';
    units[`question/${QUESTION_KEY}/text`].target = 'Jsou služby dostupné?';
    units['site/labels/search.placeholder'].target = 'Hledat praxe';
    const enBefore = await documents(app.strapi, PRACTICE).findFirst({ locale: 'en', filters: { documentId: id } });
    const publishedCsBefore = await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', status: 'published', filters: { documentId: id } });

    const response = await importFile(await fileWith(units));
    expect(response.status).toBe(200);
    const { data } = response.body as XliffImportResponse;
    expect(data.written.map((write) => `${write.kind}:${write.created}`).sort()).toEqual(['practice:false', 'practice:true', 'question:true', 'site:false']);

    const cs = await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', filters: { documentId: id } });
    expect(cs).toMatchObject({ objectives: 'Procvičovat **jazyk**.', organisation: 'Městská knihovna', title: 'Jazyková kavárna', summary: 'Lidé se setkávají.' });
    // A new answer cites the source answer's tools; the assessment is the practice's, unchanged.
    expect(cs?.answers).toEqual([{ questionKey: QUESTION_KEY, body: 'Otevřeno všem.', tools: [tool.documentId] }]);
    expect(cs?.assessment).toEqual(enBefore?.assessment);
    expect(await documents(app.strapi, PRACTICE).findFirst({ locale: 'en', filters: { documentId: id } })).toEqual(enBefore);
    // Drafts only: the published Czech version is the one before the import.
    expect(await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', status: 'published', filters: { documentId: id } })).toEqual(publishedCsBefore);

    const created = await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', filters: { documentId: untranslated.documentId } });
    expect(created).toMatchObject({ title: 'Mentoring pro práci', slug: 'mentoring-pro-praci', publishedAt: null });
    const question = await documents(app.strapi, QUESTION).findFirst({ locale: 'cs', filters: { key: QUESTION_KEY } });
    expect(question?.text).toBe('Jsou služby dostupné?');
    const site = await documents(app.strapi, SITE).findFirst({ locale: 'cs' });
    expect(site?.labels).toEqual({ 'nav.home': 'Domů', 'search.placeholder': 'Hledat praxe' });

    // Imported translations are current in the translation status.
    const status = (await admin.json('GET', '/good-practices/translation-status')).body as { data: { locales: { locale: string; areas: Record<string, { outdated: { documentId: string }[] }> }[] } };
    const csStatus = status.data.locales.find((entry) => entry.locale === 'cs')!;
    expect(csStatus.areas.practices.outdated.map((entry) => entry.documentId)).not.toContain(id);
  });

  it('refuses a malformed file, an XLIFF 2 file and an empty body', async () => {
    await expectRefused('this is not <xml>', /not well-formed XML/, 'file');
    await expectRefused('<xliff version="1.2"><file original="x" source-language="en"', /not well-formed XML/, 'file');
    // A file cut short after a complete unit: the lenient parser would read that unit and import it.
    const whole = await fileWith({ [`practice/${translated.documentId}/objectives`]: { source: 'Practise the **language**.', target: 'Procvičit jazyk (zkráceno).' } });
    await expectRefused(whole.slice(0, whole.indexOf('</body>')), /not well-formed XML \(the file ends before <body> is closed/, 'file');
    await expectRefused(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="cs"><file id="f"><unit id="u"><segment><source>a</source><target>b</target></segment></unit></file></xliff>',
      /XLIFF 2/,
    );
    await expectRefused('   ', /no XLIFF document/);
  });

  it('refuses a wrong or unknown target locale and a source locale that is not the default', async () => {
    const units: Units = { [`practice/${translated.documentId}/objectives`]: { source: 'Practise the **language**.', target: 'Cvičit.' } };
    await expectRefused(await fileWith(units, { target: 'fr' }), /target language “fr” is not a locale/);
    await expectRefused(await fileWith(units, { target: 'en' }), /is the default locale/);
    await expectRefused(await fileWith(units, { source: 'cs', target: 'de' }), /source language of the file is “cs”/);
  });

  it('refuses unknown unit ids and units of non-localized fields, naming each, and writes nothing of a file with any problem', async () => {
    const id = translated.documentId;
    const valid = { [`practice/${id}/funding`]: { source: 'x', target: 'Nic' } };
    await expectRefused(await fileWith({ ...valid, 'practice/nosuchdocument000000/title': { source: 'x', target: 'y' } }), /there is no practice “nosuchdocument000000”/, 'practice/nosuchdocument000000/title');
    await expectRefused(await fileWith({ ...valid, 'recipe/1/title': { source: 'x', target: 'y' } }), /unknown unit id/, 'recipe/1/title');
    await expectRefused(await fileWith({ ...valid, [`practice/${id}/answers/no.such-question/body`]: { source: 'x', target: 'y' } }), /has no text at/);
    await expectRefused(await fileWith({ ...valid, [`practice/${id}/assessment`]: { source: '{}', target: '{}' } }), /not a localized field/, `practice/${id}/assessment`);
    await expectRefused(await fileWith({ ...valid, [`question/${QUESTION_KEY}/order`]: { source: '1', target: '2' } }), /not a localized field/);
    await expectRefused(await fileWith({ ...valid, [`practice/${id}/slug`]: { source: 'x', target: 'Not A Slug' } }), /may contain only lowercase/);
    await expectRefused(await fileWith({ ...valid, [`tool/${tool.documentId}/kind`]: { source: 'portal', target: 'portál' } }), /not a localized field/);
    // Several problems: all are reported at once.
    const response = await importFile(await fileWith({ 'a/b': { source: 'x', target: 'y' }, [`practice/${id}/country`]: { source: 'DE', target: 'CZ' } }));
    expect(problemsOf(response.body).map((problem) => problem.path[0]).sort()).toEqual(['a/b', `practice/${id}/country`]);
  });

  it('writes nothing when a write is refused half-way (one transaction)', async () => {
    const { units } = await exported('cs', 'practices');
    units[`practice/${translated.documentId}/funding`] = { source: 'Funded by the city.', target: 'Financováno městem.' };
    // The first write is fine; the second takes a slug already used in Czech: the invariant refuses it.
    const other = await createPractice(app.strapi, { title: 'Second practice' });
    units[`practice/${other.documentId}/title`] = { source: 'Second practice', target: 'Druhá praxe' };
    units[`practice/${other.documentId}/slug`] = { source: String(other.slug), target: csSlug };
    await documents(app.strapi, PRACTICE).update({ documentId: translated.documentId, locale: 'en', data: { funding: 'Funded by the city.' } });
    const before = await snapshot();
    const response = await importFile(await fileWith(units));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/already uses the slug/);
    expect(await snapshot()).toBe(before);
  });
});

describe('import by a translator', () => {
  it('is limited to the translator’s locales', async () => {
    await (app.strapi.plugin('good-practices').service('deployment') as { ensureRoles(options: { translatorLocales: string[] }): Promise<string[]> }).ensureRoles({ translatorLocales: ['cs'] });
    const translator = await loginWithRole(app.strapi, app.url, 'good-practices-translator');
    const units: Units = { [`practice/${translated.documentId}/funding`]: { source: 'Funded by the city.', target: 'Gefördert von der Stadt.' } };
    const before = await snapshot();
    const refused = await importFile(await fileWith(units, { target: 'de' }), translator);
    expect(refused.status).toBe(400);
    expect(problemsOf(refused.body).map((problem) => problem.message)).toContainEqual(expect.stringMatching(/you may not create practice translations in de/));
    expect(await snapshot()).toBe(before);

    const allowed = await importFile(await fileWith({ [`practice/${translated.documentId}/funding`]: { source: 'Funded by the city.', target: 'Z městských peněz.' } }), translator);
    expect(allowed.status).toBe(200);
    expect((await documents(app.strapi, PRACTICE).findFirst({ locale: 'cs', filters: { documentId: translated.documentId } }))?.funding).toBe('Z městských peněz.');
  });
});
