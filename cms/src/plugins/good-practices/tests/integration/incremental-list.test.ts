/**
 * The first list request after a write re-reads the practices that write concerned, not every
 * published version of every practice (read-model/change-journal.ts, practice-list-index.ts;
 * issue 17.6), and still shows the write at once. A write it cannot attribute (a term renamed, a
 * write of another process) makes it read everything again. The queries are watched on the
 * knex connection: a full read selects the practices table without a documentId list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceListResponse, toolResponse } from '../../contract';
import { bumpStoredGeneration } from '../../server/src/read-model/stored-generation';
import { getJson } from '../support/http';
import { createPractice, createTool, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE, uniqueSlug } from '../support/practices';
import { countQueries } from '../support/query-counter';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
let table: string;
const practices = () => documents(app.strapi, PRACTICE);

beforeAll(async () => {
  app = await bootStrapi();
  table = (app.strapi.db.metadata.get(PRACTICE) as unknown as { tableName: string }).tableName;
  for (let index = 0; index < 12; index++) await createPractice(app.strapi, { title: `Listed practice ${index}`, slug: uniqueSlug('listed') });
});

afterAll(async () => {
  await app?.stop();
});

/** `from <table> as t0`, schema-qualified or not (PostgreSQL names the schema). */
const fromPractices = (): RegExp => new RegExp(`from (?:[\`"]\\w+[\`"]\\.)?[\`"]${table}[\`"] as [\`"]t0[\`"]`);

interface ListRead {
  titles: string[];
  /** How the list read the practices table: not at all, only the practices written, or all of it. */
  practicesRead: 'none' | 'written' | 'all';
}

async function list(query = ''): Promise<ListRead> {
  const { result, queries } = await countQueries(app.strapi, () => getJson(`${app.url}${apiPaths.practices}?locale=en&pageSize=100${query}`));
  expect(result.status).toBe(200);
  const titles = practiceListResponse.parse(result.body).data.map((practice) => practice.title);
  // The public reads of the practices table (published versions), not the text reads.
  const selects = queries.filter((sql) => /^select/i.test(sql) && fromPractices().test(sql) && /published_at[`"]? is not null/.test(sql) && !/answers/.test(sql));
  const practicesRead = selects.length === 0 ? 'none' : selects.every((sql) => /document_id[`"]? in \(/.test(sql)) ? 'written' : 'all';
  return { titles, practicesRead };
}

describe('the first list request after a write', () => {
  it('reads the practice a publish wrote, and shows its change', async () => {
    await list();
    expect((await list()).practicesRead).toBe('none');
    const [first] = await practices().findMany({ locale: 'en', status: 'published', filters: { title: { $eq: 'Listed practice 3' } } });
    await practices().update({ documentId: first!.documentId, locale: 'en', data: { title: 'Listed practice 3, renamed' } });
    // A draft is not public: the list reads the practice again and shows what it showed.
    const afterDraft = await list();
    expect(afterDraft.practicesRead).toBe('written');
    expect(afterDraft.titles).toContain('Listed practice 3');
    await practices().publish({ documentId: first!.documentId, locale: 'en' });
    const afterPublish = await list();
    expect(afterPublish.practicesRead).toBe('written');
    expect(afterPublish.titles).toContain('Listed practice 3, renamed');
    expect(afterPublish.titles).not.toContain('Listed practice 3');
  });

  it('shows a new practice, and drops an unpublished and a deleted one, reading only those', async () => {
    await list();
    const created = await createPractice(app.strapi, { title: 'A practice published now', slug: uniqueSlug('new') });
    const afterCreate = await list();
    expect(afterCreate).toMatchObject({ practicesRead: 'written' });
    expect(afterCreate.titles).toContain('A practice published now');

    await practices().unpublish({ documentId: created.documentId, locale: 'en' });
    const afterUnpublish = await list();
    expect(afterUnpublish.practicesRead).toBe('written');
    expect(afterUnpublish.titles).not.toContain('A practice published now');

    const [other] = await practices().findMany({ locale: 'en', status: 'published', filters: { title: { $eq: 'Listed practice 5' } } });
    await practices().delete({ documentId: other!.documentId });
    const afterDelete = await list();
    expect(afterDelete.practicesRead).toBe('written');
    expect(afterDelete.titles).not.toContain('Listed practice 5');
    // Everything else is still there, as a full read would show it.
    expect(afterDelete.titles).toEqual(await fullList());
  });

  it('reads everything again after a term is renamed (the rows carry term names)', async () => {
    const area = await documentIdByKey(app.strapi, INTEGRATION_AREA, 'housing');
    const slug = uniqueSlug('with-area');
    await createPractice(app.strapi, { title: 'A practice about housing', slug, integrationAreas: [area] });
    await list();
    await documents(app.strapi, INTEGRATION_AREA).update({ documentId: area, locale: 'en', data: { name: 'Housing, renamed' } });
    await documents(app.strapi, INTEGRATION_AREA).publish({ documentId: area, locale: 'en' });
    const { result, queries } = await countQueries(app.strapi, () => getJson(`${app.url}${apiPaths.practices}?locale=en&pageSize=100&area=housing`));
    const names = practiceListResponse.parse(result.body).data.flatMap((practice) => practice.integrationAreas.map((term) => term.name));
    expect(names).toContain('Housing, renamed');
    expect(queries.some((sql) => fromPractices().test(sql) && /published_at[`"]? is not null/.test(sql) && !/document_id[`"]? in \(/.test(sql))).toBe(true);
  });

  it('reads everything again after a write of another process (a stored generation it did not make)', async () => {
    await list();
    // Another CMS process on the same database renames a practice (its write bumps the stored
    // generation; this process hears of neither).
    const [row] = await practices().findMany({ locale: 'en', status: 'published', filters: { title: { $eq: 'Listed practice 7' } } });
    await app.strapi.db.connection(table).where({ document_id: row!.documentId }).update({ title: 'Renamed by another process' });
    await bumpStoredGeneration(app.strapi.db.connection);
    const after = await list();
    expect(after.practicesRead).toBe('all');
    expect(after.titles).toContain('Renamed by another process');
  });
});

describe('the first search after a write', () => {
  /** The titles found for `q`, and how the search read the practices' texts (the answers). */
  async function search(q: string): Promise<{ titles: string[]; textsRead: 'none' | 'written' | 'all' }> {
    const { result, queries } = await countQueries(app.strapi, () => getJson(`${app.url}${apiPaths.practices}?locale=en&pageSize=100&q=${encodeURIComponent(q)}`));
    expect(result.status).toBe(200);
    const texts = queries.filter((sql) => /^select/i.test(sql) && fromPractices().test(sql) && /answers/.test(sql));
    const textsRead = texts.length === 0 ? 'none' : texts.every((sql) => /document_id[`"]? in \(\?\)|document_id"? in \(\$1\)/.test(sql)) ? 'written' : 'all';
    return { titles: practiceListResponse.parse(result.body).data.map((practice) => practice.title), textsRead };
  }

  it('folds again only the practice a publish wrote: its new words are found, its old ones not', async () => {
    const created = await createPractice(app.strapi, { title: 'A practice about beekeeping', slug: uniqueSlug('bees'), answers: [{ questionKey: 'inclusivity.accessible-services', body: 'Hives on the roof.', tools: [] }] });
    expect((await search('beekeeping')).titles).toEqual(['A practice about beekeeping']);
    expect((await search('beekeeping')).textsRead).toBe('none');

    await practices().update({ documentId: created.documentId, locale: 'en', data: { answers: [{ questionKey: 'inclusivity.accessible-services', body: 'Gardens by the river.', tools: [] }] } });
    await practices().publish({ documentId: created.documentId, locale: 'en' });
    const river = await search('river gardens');
    expect(river).toEqual({ titles: ['A practice about beekeeping'], textsRead: 'written' });
    expect((await search('hives')).titles).toEqual([]);
    // The others are still found as before.
    expect((await search('listed practice')).titles.length).toBeGreaterThan(5);

    await practices().unpublish({ documentId: created.documentId, locale: 'en' });
    expect(await search('beekeeping')).toEqual({ titles: [], textsRead: 'written' });
  });

  it('reads every text again after a write of another process', async () => {
    await search('renamed');
    const [row] = await practices().findMany({ locale: 'en', status: 'published', filters: { title: { $eq: 'Listed practice 9' } } });
    await app.strapi.db.connection(table).where({ document_id: row!.documentId }).update({ title: 'Listed practice 9 with a zeppelin' });
    await bumpStoredGeneration(app.strapi.db.connection);
    expect(await search('zeppelin')).toEqual({ titles: ['Listed practice 9 with a zeppelin'], textsRead: 'all' });
  });
});

describe('the first tool request after a write', () => {
  /** The practices citing the tool, and how the request read the practices' answers (for the citations). */
  async function citing(slug: string): Promise<{ titles: string[]; answersRead: 'none' | 'written' | 'all' }> {
    const { result, queries } = await countQueries(app.strapi, () => getJson(`${app.url}${apiPaths.tool(slug)}?locale=en`));
    expect(result.status).toBe(200);
    const reads = queries.filter((sql) => /^select/i.test(sql) && fromPractices().test(sql) && /answers/.test(sql));
    const answersRead = reads.length === 0 ? 'none' : reads.every((sql) => /document_id[`"]? in \(/.test(sql)) ? 'written' : 'all';
    return { titles: toolResponse.parse(result.body).data.practices.map((practice) => practice.title), answersRead };
  }

  it('reads the answers of the practice a publish wrote only, and shows its new citation', async () => {
    const tool = await createTool(app.strapi, { slug: uniqueSlug('cited-tool') });
    const slug = String(tool.slug);
    const citedBy = (title: string) => ({ title, slug: uniqueSlug('citing'), answers: [{ questionKey: 'inclusivity.accessible-services', body: 'We use the tool.', tools: [tool.documentId] }] });
    await createPractice(app.strapi, citedBy('B cites the tool'));
    expect(await citing(slug)).toEqual({ titles: ['B cites the tool'], answersRead: 'all' });
    expect((await citing(slug)).answersRead).toBe('none');

    const added = await createPractice(app.strapi, citedBy('A cites it too'));
    expect(await citing(slug)).toEqual({ titles: ['A cites it too', 'B cites the tool'], answersRead: 'written' });

    // A citation removed by a publish, and a practice unpublished: both gone, reading only them.
    await practices().update({ documentId: added.documentId, locale: 'en', data: { answers: [{ questionKey: 'inclusivity.accessible-services', body: 'No tool now.', tools: [] }] } });
    await practices().publish({ documentId: added.documentId, locale: 'en' });
    expect(await citing(slug)).toEqual({ titles: ['B cites the tool'], answersRead: 'written' });
    const [cites] = await practices().findMany({ locale: 'en', status: 'published', filters: { title: { $eq: 'B cites the tool' } } });
    await practices().unpublish({ documentId: cites!.documentId, locale: 'en' });
    expect(await citing(slug)).toEqual({ titles: [], answersRead: 'written' });
  });

  it('reads every answer again after a write of another process', async () => {
    const tool = await createTool(app.strapi, { slug: uniqueSlug('other-tool') });
    const practice = await createPractice(app.strapi, { title: 'Cites the other tool', slug: uniqueSlug('citing'), answers: [{ questionKey: 'inclusivity.accessible-services', body: 'We use it.', tools: [tool.documentId] }] });
    await citing(String(tool.slug));
    await app.strapi.db.connection(table).where({ document_id: practice.documentId }).update({ title: 'Renamed elsewhere' });
    await bumpStoredGeneration(app.strapi.db.connection);
    expect(await citing(String(tool.slug))).toEqual({ titles: ['Renamed elsewhere'], answersRead: 'all' });
  });
});

/** The list as a fresh process would show it (every row read). */
async function fullList(): Promise<string[]> {
  const rows = await practices().findMany({ locale: 'en', status: 'published', fields: ['title', 'updatedAt', 'documentId'], limit: 1000 });
  return rows
    .sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)) || (a.documentId < b.documentId ? -1 : 1))
    .map((row) => String(row.title));
}
