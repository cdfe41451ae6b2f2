/**
 * The SPRING import end to end: both fixture pages imported through the plugin's `import`
 * service (document service, invariants), then read back over real HTTP from the public API.
 * Expectations come from the fixture text itself (the oracle of tests/unit/helpers), never
 * from the parser under test nor from a hand-written copy. Runs on SQLite, and on PostgreSQL
 * too when TEST_DATABASE_URL is set (one vitest project each).
 */
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceListResponse, practiceResponse, type PracticeDetail, toolListResponse } from '../../contract';
import type { ImportPageOptions, ImportResult, ImportService } from '../../contract/services';
import { expectContract } from '../support/contract';
import { getJson } from '../support/http';
import { PRACTICE, TOOL } from '../support/practices';
import { bootStrapi, defaultDatabase, type RunningStrapi } from '../support/strapi-under-test';
import { type FixtureName, readFixture, readOracle } from '../unit/helpers/spring-fixtures';

// The database of this file's vitest project: SQLite, and PostgreSQL in the postgres project.
const databases = [defaultDatabase()];

/** How each fixture is imported: the Czech page has no title line and no metadata. */
const FIXTURE_OPTIONS: Record<FixtureName, ImportPageOptions> = {
  'migracode.txt': {},
  'czech-qualification-recognition-portal.txt': { title: 'Portal for the recognition of foreign qualifications', country: 'CZ' },
};
const FIXTURE_NAMES = Object.keys(FIXTURE_OPTIONS) as FixtureName[];

/** The plugin's registered import service. */
function importServiceOf(strapi: Core.Strapi): ImportService {
  return strapi.plugin('good-practices').service('import') as ImportService;
}

/** A tool line of the page names the tool; the page may end it with a period. */
const toolName = (line: string): string => line.trim().replace(/\.+$/, '');

/** Every version of every practice and tool, in every locale and status. */
async function countRows(strapi: Core.Strapi): Promise<{ practices: number; tools: number }> {
  return {
    practices: await strapi.db.query(PRACTICE).count({}),
    tools: await strapi.db.query(TOOL).count({}),
  };
}

describe.each(databases)('SPRING import on %s', (database) => {
  let app: RunningStrapi;
  let service: ImportService;
  const imported = {} as Record<FixtureName, ImportResult>;

  const practice = async (slug: string, locale = 'en'): Promise<{ status: number; body: unknown }> =>
    getJson(`${app.url}${apiPaths.practice(slug)}?locale=${locale}`);
  const publishedPractice = async (slug: string): Promise<PracticeDetail> => {
    const response = await practice(slug);
    expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(200);
    return expectContract(practiceResponse, response.body).data;
  };
  const importFixture = (name: FixtureName, options: ImportPageOptions = {}): Promise<ImportResult> =>
    service.importPage(readFixture(name), { ...FIXTURE_OPTIONS[name], fileName: name, locale: 'en', status: 'published', ...options });

  beforeAll(async () => {
    app = await bootStrapi({ database });
    service = importServiceOf(app.strapi);
    for (const name of FIXTURE_NAMES) imported[name] = await importFixture(name);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe.each(FIXTURE_NAMES)('%s imported as published', (name) => {
    const oracle = readOracle(readFixture(name));

    it('creates the practice with the slug of its title', () => {
      expect(imported[name].action).toBe('created');
      expect(imported[name].documentId).toEqual(expect.any(String));
      expect(imported[name].slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    });

    it('is served by the public API with every answer paragraph of the page', async () => {
      const detail = await publishedPractice(imported[name].slug);
      expect(detail.documentId).toBe(imported[name].documentId);
      const answers = new Map(detail.groups.flatMap((group) => group.questions).map((question) => [question.key, question.answer]));
      expect(oracle.questions.length).toBeGreaterThan(0);
      for (const question of oracle.questions) {
        const answer = answers.get(question.key);
        expect(answer, `answer to ${question.key} (line ${question.line})`).toBeTruthy();
        for (const paragraph of question.paragraphs) {
          expect(answer?.body, `paragraph on line ${paragraph.line}`).toContain(paragraph.text);
        }
      }
    });

    it('has every ✓ item met and every dash or unmarked item not met', async () => {
      const detail = await publishedPractice(imported[name].slug);
      const states = new Map(detail.groups.flatMap((group) => group.questions.flatMap((question) => question.items)).map((item) => [item.key, item.state]));
      const items = oracle.questions.flatMap((question) => question.items);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.itemKey, `line ${item.line} is a framework item`).not.toBeNull();
        expect(states.get(item.itemKey ?? ''), `line ${item.line}: ${item.text}`).toBe(item.mark === 'check' ? 'met' : 'not-met');
      }
    });

    it('lists every "Inspiring tools" line as a published tool of its question', async () => {
      const detail = await publishedPractice(imported[name].slug);
      const questions = new Map(detail.groups.flatMap((group) => group.questions).map((question) => [question.key, question]));
      for (const question of oracle.questions) {
        const served = (questions.get(question.key)?.answer?.tools ?? []).map((tool) => tool.name);
        expect(served).toEqual(question.tools.map((line) => toolName(line.text)));
      }
      const published = toolListResponse.parse((await getJson(`${app.url}${apiPaths.tools}?locale=en`)).body).data.map((tool) => tool.name);
      for (const line of oracle.questions.flatMap((question) => question.tools)) expect(published).toContain(toolName(line.text));
    });
  });

  it('uses the country given for a page without one', async () => {
    expect((await publishedPractice(imported['czech-qualification-recognition-portal.txt'].slug)).country).toBe('CZ');
  });

  it('re-importing the same pages changes nothing: same documentId, no new tool', async () => {
    const before = await countRows(app.strapi);
    for (const name of FIXTURE_NAMES) {
      const again = await importFixture(name);
      expect(again.action).toBe('unchanged');
      expect(again.documentId).toBe(imported[name].documentId);
      expect(again.tools.every((tool) => tool.action === 'reused')).toBe(true);
      expect(again.tools.map((tool) => tool.documentId)).toEqual(imported[name].tools.map((tool) => tool.documentId));
    }
    expect(await countRows(app.strapi)).toEqual(before);
  });

  it('a draft import stays invisible on the public API, its new tools too', async () => {
    const text = readFixture('czech-qualification-recognition-portal.txt').replace('Recommendations for regions.', 'Recommendations for regions, second edition.');
    const draft = await service.importPage(text, { title: 'Draft portal for recognition', country: 'CZ', locale: 'en', status: 'draft' });
    expect(draft.action).toBe('created');
    const newTools = draft.tools.filter((tool) => tool.action === 'created');
    expect(newTools.map((tool) => tool.name)).toEqual(['Recommendations for regions, second edition']);

    expect((await practice(draft.slug)).status).toBe(404);
    const list = practiceListResponse.parse((await getJson(`${app.url}${apiPaths.practices}?locale=en&pageSize=100`)).body);
    expect(list.data.map((entry) => entry.slug)).not.toContain(draft.slug);
    expect(list.data.map((entry) => entry.slug).sort()).toEqual(FIXTURE_NAMES.map((name) => imported[name].slug).sort());
    expect((await getJson(`${app.url}${apiPaths.tool(newTools[0].slug)}?locale=en`)).status).toBe(404);

    // Publishing it later is one more import with --status published: same document.
    const published = await service.importPage(text, { title: 'Draft portal for recognition', country: 'CZ', locale: 'en', status: 'published' });
    expect(published).toMatchObject({ action: 'updated', published: true, documentId: draft.documentId });
    expect((await publishedPractice(draft.slug)).documentId).toBe(draft.documentId);
    expect((await getJson(`${app.url}${apiPaths.tool(newTools[0].slug)}?locale=en`)).status).toBe(200);
  });

  it('a changed page updates the same practice; as a draft, the published version keeps its text', async () => {
    const name = 'migracode.txt';
    const oracle = readOracle(readFixture(name));
    const paragraph = oracle.questions[0].paragraphs[0].text;
    const changed = readFixture(name).replace(paragraph, `${paragraph} Courses now also run online.`);

    const draft = await service.importPage(changed, { locale: 'en', status: 'draft' });
    expect(draft).toMatchObject({ action: 'updated', documentId: imported[name].documentId, published: false });
    const servedBody = async (): Promise<string | undefined> =>
      (await publishedPractice(imported[name].slug)).groups[0].questions.find((question) => question.key === oracle.questions[0].key)?.answer?.body;
    expect(await servedBody()).toBe(paragraph);

    const published = await service.importPage(changed, { locale: 'en', status: 'published' });
    expect(published).toMatchObject({ action: 'updated', documentId: imported[name].documentId, published: true });
    expect(await servedBody()).toBe(`${paragraph} Courses now also run online.`);

    // Back to the page as it is, for the other tests.
    expect((await importFixture(name)).action).toBe('updated');
  });

  it('a file that is not a SPRING page is rejected and nothing is written', async () => {
    const before = await countRows(app.strapi);
    const notAPage = 'Minutes of the steering committee\n\nPresent: all partners.\n\nInspiring tools:\nA tool that must not be created.\n';
    await expect(service.importPage(notAPage, { locale: 'en', status: 'published' })).rejects.toMatchObject({ name: 'NotASpringPageError' });
    await expect(service.importPage('<!doctype html><html><body><p>Good practice checklist</p></body></html>', { status: 'published' })).rejects.toMatchObject({
      name: 'NotASpringPageError',
    });
    // A page without a title line and no title option cannot become a practice either.
    await expect(service.importPage(readFixture('czech-qualification-recognition-portal.txt'), { status: 'published' })).rejects.toMatchObject({ name: 'ImportError' });
    await expect(service.importPage(readFixture('migracode.txt'), { locale: 'xx', status: 'published' })).rejects.toMatchObject({ name: 'ImportError' });
    expect(await countRows(app.strapi)).toEqual(before);
  });

  it('a practice the CMS refuses leaves nothing behind, not even its new tools', async () => {
    const before = await countRows(app.strapi);
    const text = readFixture('czech-qualification-recognition-portal.txt').replace('Support portal for professionals.', 'A support portal that only this import cites.');
    // Longer than the practice title's 300 characters: refused by Strapi after the tool was written.
    const title = `A portal ${'for the recognition of foreign qualifications '.repeat(8)}`.trim();
    await expect(service.importPage(text, { title, status: 'published' })).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/title/) });
    expect(await countRows(app.strapi)).toEqual(before);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await countRows(app.strapi);
    const again = await importFixture('migracode.txt', { dryRun: true });
    expect(again).toMatchObject({ action: 'unchanged', dryRun: true, documentId: imported['migracode.txt'].documentId });
    const fresh = await service.importPage(readFixture('migracode.txt').replace(/^MigraCode$/m, 'MigraCode Lisbon'), { dryRun: true, status: 'published' });
    expect(fresh).toMatchObject({ action: 'created', documentId: null, slug: 'migracode-lisbon' });
    expect(await countRows(app.strapi)).toEqual(before);
  });
});
