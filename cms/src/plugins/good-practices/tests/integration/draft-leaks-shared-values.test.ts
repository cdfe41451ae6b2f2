/**
 * Unpublished edits of shared values never go live. The values a practice shares across its
 * languages (assessment, country, project dates, validation status and date, website) are kept
 * in agreement among the *drafts* of all locales on every write; the published versions change
 * only when the practice is published, and then every published locale gets them at once and the
 * site is told about each. Probed over real HTTP: an editor in the admin content manager, the
 * document service (REST and scripts), the SPRING import with status draft, and the public API
 * read anonymously and with the site's read token. Runs on SQLite, and on PostgreSQL too when
 * TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagsForChange } from '../../../../../../web/src/lib/revalidation/tags-for-change';
import { revalidatePayload } from '../../contract/revalidation-webhook';
import { apiPaths, type PracticeDetail, practiceListResponse, practiceResponse } from '../../contract';
import type { ImportService } from '../../contract/services';
import { type AdminSession, loginAsEditor } from '../support/role-session';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE, TARGET_GROUP, uniqueSlug } from '../support/practices';
import { siteNotificationsDone } from '../support/site-notifications';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';
import { readFixture } from '../unit/helpers/spring-fixtures';

const SECRET = randomBytes(24).toString('base64');
const READ_KEY = randomBytes(32).toString('hex');
const SHARED = ['country', 'projectStart', 'projectEnd', 'validationStatus', 'validationDate', 'website', 'featured', 'assessment'] as const;

interface Revalidation {
  event: string;
  model: string;
  entry: { documentId: string | null; slug: string | null; locale: string | null };
}

let app: RunningStrapi;
let site: Server;
let editor: AdminSession;
const revalidations: Revalidation[] = [];

const practices = () => documents(app.strapi, PRACTICE);

beforeAll(async () => {
  site = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/api/revalidate') revalidations.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Revalidation);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  app = await bootStrapi({ env: { SITE_REVALIDATE_URL: `${origin}/api/revalidate`, REVALIDATE_SECRET: SECRET, SITE_READ_TOKEN: READ_KEY } });
  await ensureLocales(app.strapi, ['cs', 'fr']);
  editor = await loginAsEditor(app.strapi, app.url);
  ORIGINAL.coverImage = await imageFile('original-cover');
  EDITED.coverImage = await imageFile('edited-cover');
});

/** A file of the media library (as the upload plugin stores one), by id. */
async function imageFile(name: string): Promise<number> {
  const file = (await app.strapi.db.query('plugin::upload.file').create({
    data: { name: `${name}.png`, alternativeText: name, hash: `${name}_${randomBytes(4).toString('hex')}`, ext: '.png', mime: 'image/png', size: 1.2, width: 640, height: 480, url: `/uploads/${name}.png`, provider: 'local' },
  })) as { id: number };
  return file.id;
}

afterAll(async () => {
  await app?.stop();
  site?.closeAllConnections();
  await new Promise((resolve) => site?.close(resolve));
});

/** The cover image is set once the files exist (beforeAll). */
const ORIGINAL: Record<string, unknown> = {
  country: 'DE',
  projectStart: '2020-01-01',
  projectEnd: '2022-12-31',
  validationStatus: 'validated',
  validationDate: '2023-03-04',
  website: 'https://example.org/original',
  featured: false,
  assessment: { 'inclusivity.accessible-services.1': 'met', 'inclusivity.accessible-services.2': 'met' },
};

const EDITED: Record<string, unknown> = {
  country: 'FR',
  projectStart: '2021-02-03',
  projectEnd: '2025-06-30',
  validationStatus: 'in-review',
  validationDate: '2024-05-06',
  website: 'https://example.org/edited',
  featured: true,
  assessment: { 'inclusivity.accessible-services.1': 'not-met', 'relevance.migrant-needs.1': 'met' },
};

interface Bilingual {
  documentId: string;
  slugs: { en: string; cs: string };
}

/** A practice published in en and cs with the ORIGINAL shared values. */
async function bilingualPractice(): Promise<Bilingual> {
  const en = uniqueSlug('shared-en');
  const cs = uniqueSlug('shared-cs');
  const practice = await createPractice(app.strapi, { slug: en, ...ORIGINAL });
  await practices().update({ documentId: practice.documentId, locale: 'cs', data: { title: 'Praxe', slug: cs, answers: [] } });
  await practices().publish({ documentId: practice.documentId, locale: 'cs' });
  return { documentId: practice.documentId, slugs: { en, cs } };
}

/** What the public shows of a practice's shared values, from the detail and from the list. */
async function publicView(practice: Bilingual, locale: 'en' | 'cs', headers: Record<string, string> = {}): Promise<unknown> {
  const detailResponse = await getJson(`${app.url}${apiPaths.practice(practice.slugs[locale])}?locale=${locale}`, headers);
  expect(detailResponse.status).toBe(200);
  const detail: PracticeDetail = practiceResponse.parse(detailResponse.body).data;
  const list = practiceListResponse.parse((await getJson(`${app.url}${apiPaths.practices}?locale=${locale}&pageSize=100`, headers)).body);
  const summary = list.data.find((entry) => entry.documentId === practice.documentId);
  return {
    detail: {
      country: detail.country,
      projectStart: detail.projectStart,
      projectEnd: detail.projectEnd,
      validationStatus: detail.validationStatus,
      validationDate: detail.validationDate,
      website: detail.website,
      featured: detail.featured,
      coverImage: detail.coverImage?.url ?? null,
      integrationAreas: detail.integrationAreas.map((term) => term.key),
      targetGroups: detail.targetGroups.map((term) => term.key),
      scores: detail.scores,
      states: detail.groups.flatMap((group) => group.questions.flatMap((question) => question.items.map((item) => `${item.key}=${item.state}`))),
    },
    list: summary && {
      country: summary.country,
      projectStart: summary.projectStart,
      projectEnd: summary.projectEnd,
      validationDate: summary.validationDate,
      featured: summary.featured,
      coverImage: summary.coverImage?.url ?? null,
      scores: summary.scores,
    },
  };
}

/** Both locales, anonymous and with the site's read token. */
async function publicViews(practice: Bilingual): Promise<unknown> {
  const token = { authorization: `Bearer ${READ_KEY}` };
  return {
    en: await publicView(practice, 'en'),
    cs: await publicView(practice, 'cs'),
    enToken: await publicView(practice, 'en', token),
    csToken: await publicView(practice, 'cs', token),
  };
}

const day = (value: unknown): unknown => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.slice(0, 10) : value);

/** The shared values of every stored version, keyed `locale/draft` or `locale/published`. */
async function storedShared(documentId: string): Promise<Record<string, Record<string, unknown>>> {
  const rows = (await app.strapi.db.query(PRACTICE).findMany({
    where: { documentId },
    select: ['locale', 'publishedAt', ...SHARED],
    populate: { coverImage: { select: ['id'] } },
  })) as Record<string, unknown>[];
  const out: Record<string, Record<string, unknown>> = {};
  for (const row of rows) {
    const assessment = typeof row.assessment === 'string' ? JSON.parse(row.assessment) : row.assessment;
    out[`${String(row.locale)}/${row.publishedAt ? 'published' : 'draft'}`] = {
      ...Object.fromEntries(SHARED.map((field) => [field, ['projectStart', 'projectEnd', 'validationDate'].includes(field) ? day(row[field]) : field === 'featured' ? row[field] === true || row[field] === 1 : row[field]])),
      assessment,
      coverImage: (row.coverImage as { id: number } | null)?.id ?? null,
    };
  }
  return out;
}

/** Every notification of the writes so far has reached the site (or was given up on). */
const settle = () => siteNotificationsDone(app.strapi);

/** Polls for a call that must arrive; generous, as this machine's cores are shared. */
async function waitFor<T>(find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting; received ${JSON.stringify(revalidations)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const callsFor = (documentId: string) => revalidations.filter((call) => call.entry.documentId === documentId);

describe('an editor’s draft edit of shared values in the admin', () => {
  let practice: Bilingual;
  let before: unknown;

  beforeAll(async () => {
    practice = await bilingualPractice();
    before = await publicViews(practice);
  });

  it('changes the drafts of every locale and no published version, public API and scores included', async () => {
    await settle();
    const notified = callsFor(practice.documentId).length;
    const response = await editor.update(PRACTICE, practice.documentId, 'cs', { title: 'Praxe', slug: practice.slugs.cs, answers: [], ...EDITED });
    expect(response.status, JSON.stringify(response.body)).toBe(200);

    expect(await publicViews(practice)).toEqual(before);
    const stored = await storedShared(practice.documentId);
    expect(stored['en/published']).toEqual(ORIGINAL);
    expect(stored['cs/published']).toEqual(ORIGINAL);
    expect(stored['en/draft']).toEqual(EDITED);
    expect(stored['cs/draft']).toEqual(EDITED);
    // Nothing public changed, so the site is not told anything.
    await settle();
    expect(callsFor(practice.documentId)).toHaveLength(notified);
  });

  it('reaches every published locale when one locale is published, and the site is told about each', async () => {
    await settle();
    const since = callsFor(practice.documentId).length;
    const response = await editor.publish(PRACTICE, practice.documentId, 'cs', {});
    expect(response.status, JSON.stringify(response.body)).toBe(200);

    const stored = await storedShared(practice.documentId);
    for (const version of ['en/draft', 'cs/draft', 'en/published', 'cs/published']) expect({ version, values: stored[version] }).toEqual({ version, values: EDITED });
    const after = (await publicViews(practice)) as Record<string, { detail: Record<string, unknown> }>;
    expect(after).not.toEqual(before);
    for (const view of Object.values(after)) {
      expect(view.detail).toMatchObject({
        country: 'FR',
        projectStart: '2021-02-03',
        projectEnd: '2025-06-30',
        validationStatus: 'in-review',
        validationDate: '2024-05-06',
        website: 'https://example.org/edited',
        featured: true,
        coverImage: '/uploads/edited-cover.png',
      });
      expect(view.detail.states).toContain('inclusivity.accessible-services.1=not-met');
      expect(view.detail.states).toContain('relevance.migrant-needs.1=met');
      expect(view.detail.states).toContain('inclusivity.accessible-services.2=not-assessed');
    }
    expect(after.en).toEqual(after.cs);

    // The published locale is announced by Strapi, the other one by the plugin, with its own slug.
    const calls = () => callsFor(practice.documentId).slice(since);
    const cs = await waitFor(() => calls().find((call) => call.entry.locale === 'cs' && call.event === 'entry.publish'));
    const en = await waitFor(() => calls().find((call) => call.entry.locale === 'en'));
    expect(cs.entry.slug).toBe(practice.slugs.cs);
    expect(en).toEqual({ event: 'entry.update', model: 'practice', entry: { documentId: practice.documentId, slug: practice.slugs.en, locale: 'en' } });
    expect(tagsForChange(revalidatePayload.parse(en))).toEqual(expect.arrayContaining([`practice:${practice.slugs.en}`, `practice-doc:${practice.documentId}`, 'practices']));
  });

  it('tells the site nothing more when a publish changes no shared value of the other locales', async () => {
    await settle();
    const notified = callsFor(practice.documentId).length;
    const response = await editor.publish(PRACTICE, practice.documentId, 'en', {});
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    await waitFor(() => (callsFor(practice.documentId).length > notified ? true : undefined));
    await settle();
    expect(callsFor(practice.documentId).slice(notified)).toEqual([
      { event: 'entry.publish', model: 'practice', entry: { documentId: practice.documentId, slug: practice.slugs.en, locale: 'en' } },
    ]);
  });
});

describe('draft writes through the document service', () => {
  it('an update of one locale’s draft leaves every published version alone, taxonomies included', async () => {
    const practice = await bilingualPractice();
    const before = await publicViews(practice);
    const terms = {
      integrationAreas: [await documentIdByKey(app.strapi, INTEGRATION_AREA, 'employment')],
      targetGroups: [await documentIdByKey(app.strapi, TARGET_GROUP, 'refugees')],
    };
    await practices().update({ documentId: practice.documentId, locale: 'en', data: { ...EDITED, ...terms } });
    const draft = await practices().findFirst({ locale: 'en', status: 'draft', filters: { documentId: practice.documentId }, populate: { integrationAreas: { fields: ['key'] } } });
    expect((draft?.integrationAreas as { key: string }[]).map((term) => term.key)).toEqual(['employment']);
    expect(await publicViews(practice)).toEqual(before);
    const stored = await storedShared(practice.documentId);
    expect(stored['en/published']).toEqual(ORIGINAL);
    expect(stored['cs/published']).toEqual(ORIGINAL);
    expect(stored['en/draft']).toEqual(EDITED);
    expect(stored['cs/draft']).toEqual(EDITED);
  });

  it('an update that publishes (status published) brings the values to every published locale and tells the site', async () => {
    const practice = await bilingualPractice();
    await settle();
    const since = callsFor(practice.documentId).length;
    await practices().update({ documentId: practice.documentId, locale: 'en', status: 'published', data: EDITED });
    const stored = await storedShared(practice.documentId);
    for (const version of ['en/draft', 'cs/draft', 'en/published', 'cs/published']) expect({ version, values: stored[version] }).toEqual({ version, values: EDITED });
    const cs = await waitFor(() => callsFor(practice.documentId).slice(since).find((call) => call.entry.locale === 'cs'));
    expect(cs).toEqual({ event: 'entry.update', model: 'practice', entry: { documentId: practice.documentId, slug: practice.slugs.cs, locale: 'cs' } });
  });

  it('a new locale gets the drafts’ shared values, not the published ones, and changes neither', async () => {
    const practice = await bilingualPractice();
    const before = await publicViews(practice);
    await practices().update({ documentId: practice.documentId, locale: 'en', data: EDITED });
    await practices().update({ documentId: practice.documentId, locale: 'fr', data: { title: 'Pratique', slug: uniqueSlug('fr') } });
    const stored = await storedShared(practice.documentId);
    expect(stored['fr/draft']).toEqual(EDITED);
    expect(stored['en/draft']).toEqual(EDITED);
    expect(stored['cs/draft']).toEqual(EDITED);
    expect(stored['en/published']).toEqual(ORIGINAL);
    expect(stored['cs/published']).toEqual(ORIGINAL);
    expect(await publicViews(practice)).toEqual(before);
  });

  it('discarding one locale’s draft discards the unpublished shared values of every draft; published versions stay', async () => {
    const practice = await bilingualPractice();
    const before = await publicViews(practice);
    await practices().update({ documentId: practice.documentId, locale: 'en', data: EDITED });
    await practices().discardDraft({ documentId: practice.documentId, locale: 'cs' });
    const stored = await storedShared(practice.documentId);
    for (const version of ['en/draft', 'cs/draft', 'en/published', 'cs/published']) expect({ version, values: stored[version] }).toEqual({ version, values: ORIGINAL });
    expect(await publicViews(practice)).toEqual(before);

    // Unpublishing one locale changes nothing in the other.
    await practices().update({ documentId: practice.documentId, locale: 'cs', data: EDITED });
    await practices().unpublish({ documentId: practice.documentId, locale: 'cs' });
    expect(await publicView(practice, 'en')).toEqual((before as { en: unknown }).en);
    expect((await storedShared(practice.documentId))['en/published']).toEqual(ORIGINAL);
  });
});

describe('the SPRING import with status draft over a published practice', () => {
  it('leaves both published locales as they are until the practice is published', async () => {
    const importer = app.strapi.plugin('good-practices').service('import') as ImportService;
    const page = readFixture('migracode.txt');
    const first = await importer.importPage(page, { locale: 'en', status: 'published', country: 'NL' });
    const documentId = first.documentId as string;
    const cs = uniqueSlug('migracode-cs');
    await practices().update({ documentId, locale: 'cs', data: { title: 'MigraCode (cs)', slug: cs, answers: [] } });
    await practices().publish({ documentId, locale: 'cs' });
    const practice: Bilingual = { documentId, slugs: { en: first.slug, cs } };
    const before = await publicViews(practice);

    // One checklist item no longer met, and another country.
    const changed = page.replace('✓ Adopt a participatory', '– Adopt a participatory');
    expect(changed).not.toBe(page);
    const draft = await importer.importPage(changed, { locale: 'en', status: 'draft', country: 'AT' });
    expect(draft).toMatchObject({ documentId, action: 'updated', published: false });
    expect(await publicViews(practice)).toEqual(before);
    const stored = await storedShared(documentId);
    expect(stored['en/published']).toEqual(stored['cs/published']);
    expect(stored['en/published'].country).toBe('NL');
    expect(stored['en/draft'].country).toBe('AT');
    expect(stored['cs/draft']).toEqual(stored['en/draft']);
    expect(stored['en/draft'].assessment).not.toEqual(stored['en/published'].assessment);

    const published = await importer.importPage(changed, { locale: 'en', status: 'published', country: 'AT' });
    expect(published).toMatchObject({ documentId, published: true });
    const after = await storedShared(documentId);
    expect(after['cs/published']).toEqual(after['en/draft']);
    expect(after['en/published']).toEqual(after['en/draft']);
    expect((await publicView(practice, 'cs')) as unknown).toEqual(await publicView(practice, 'en'));
  });
});
