/**
 * The plugin's translation page in the REAL admin panel (built by `strapi build`, served by the
 * in-process CMS), in Chromium, as a translator whose role writes Czech only, over the demo
 * content of `npm start`:
 *   - the "Translations" menu link opens the page on the translator's language, with the counts
 *     and the entries that need work, linked to their edit view in that language;
 *   - the filter narrows the list; another language is marked read only;
 *   - the XLIFF tab downloads a file, and uploading it back writes nothing; a translated unit is
 *     written and shown; a file translating one text of a practice with no Czech version creates a
 *     Czech draft and names the required texts taken from the source; a malformed file and a file
 *     with an unknown unit are refused with the server's reasons, and nothing is written: no row
 *     of any table of the database changes (harness/database-snapshot.ts).
 * Selectors are roles and accessible names (the plugin's English texts, Strapi's labels).
 * TRANSLATION_PAGE_SCREENSHOTS=<dir> keeps screenshots of each step.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAdminTest, createTranslator, ensureAdminPanelBuilt, openAdminPage } from '../../../web/tests/helpers/admin-panel.ts';
import { AXE_TAGS } from '../../../web/tests/helpers/axe.ts';
import type { BrowserSession } from '../../../web/tests/helpers/browser.ts';
import { seedDemoContent } from '../../scripts/seed-demo.ts';
import { changedTables, snapshotDatabase } from '../harness/database-snapshot.ts';
import { startStrapi, type RunningStrapi } from '../harness/strapi.ts';

const PRACTICE = 'plugin::good-practices.practice';
const SCREENSHOTS = process.env.TRANSLATION_PAGE_SCREENSHOTS;

/** The admin scrolls inside its main area, so a full-page screenshot shows the viewport: `focus` is scrolled into it. */
async function shoot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (!SCREENSHOTS) return;
  await focus?.scrollIntoViewIfNeeded();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Czech translations of one text of each kind of entry an XLIFF file may carry (a practice and
 * one of its answers, a tool, the framework, both taxonomies, the site texts and a label): a file
 * of them would write to each of their tables.
 */
async function unitsOfEveryKind(strapi: Core.Strapi): Promise<{ id: string; xml: string }[]> {
  const first = async (uid: string, where: Record<string, unknown> = {}) =>
    (await strapi.db.query(uid as 'plugin::good-practices.practice').findOne({ where: { locale: 'en', publishedAt: { $notNull: true }, ...where } })) as Record<string, unknown>;
  // JSON columns come back as text on some databases.
  const json = <T,>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  // A practice that answers something: rows come in no set order, and a stored `[]` is not null.
  const published = (await strapi.db.query(PRACTICE as 'plugin::good-practices.practice').findMany({
    where: { locale: 'en', publishedAt: { $notNull: true }, answers: { $notNull: true } },
  })) as Record<string, unknown>[];
  const practice = published.find((row) => json<unknown[]>(row.answers).length > 0);
  if (!practice) throw new Error('the demo content has no published practice with an answer');
  const answer = json<{ questionKey: string; body: string }[]>(practice.answers)[0]!;
  const tool = await first('plugin::good-practices.tool');
  const group = await first('plugin::good-practices.criteria-group');
  const item = await first('plugin::good-practices.checklist-item');
  const area = await first('plugin::good-practices.integration-area');
  const targetGroup = await first('plugin::good-practices.target-group');
  const site = await first('plugin::good-practices.site');
  // A label, when the source has one (the site's own defaults stand for the others).
  const label = Object.entries(json<Record<string, unknown> | null>(site.labels) ?? {}).find((entry): entry is [string, string] => typeof entry[1] === 'string');
  const texts: [string, string][] = [
    [`practice/${practice.documentId}/title`, String(practice.title)],
    [`practice/${practice.documentId}/answers/${answer.questionKey}/body`, answer.body],
    [`tool/${tool.documentId}/name`, String(tool.name)],
    [`group/${group.key}/title`, String(group.title)],
    [`item/${item.key}/text`, String(item.text)],
    [`integration-area/${area.key}/name`, String(area.name)],
    [`target-group/${targetGroup.key}/name`, String(targetGroup.name)],
    ['site/siteName', String(site.siteName)],
    ...(label ? [[`site/labels/${label[0]}`, label[1]] as [string, string]] : []),
  ];
  return texts.map(([id, source]) => ({
    id,
    xml: `<trans-unit id="${escapeXml(id)}" xml:space="preserve"><source>${escapeXml(source)}</source><target>${escapeXml(`${source} (česky)`)}</target></trans-unit>`,
  }));
}

async function upload(page: Page, name: string, xliff: string): Promise<void> {
  await page.getByLabel('XLIFF file', { exact: true }).setInputFiles({ name, mimeType: 'application/x-xliff+xml', buffer: Buffer.from(xliff, 'utf8') });
  await page.getByRole('button', { name: 'Upload and import' }).click();
}

let cms: RunningStrapi;
let session: BrowserSession;
let page: Page;
let exported = '';

beforeAll(async () => {
  await ensureAdminPanelBuilt();
  cms = await startStrapi({ serveAdminPanel: true });
  await seedDemoContent(cms.strapi);
  const translator = await createTranslator(cms.strapi, ['cs']);
  session = await openAdminPage(cms.url, translator, { acceptDownloads: true });
  page = session.page;
}, 600_000);

afterAll(() => closeAdminTest(session, cms));

describe('translation page', () => {
  it('opens from the menu on the translator’s language, with counts and entries linked to their Czech edit view', async () => {
    await page.getByRole('link', { name: 'Translations' }).click();
    await page.getByRole('heading', { name: 'Translations', level: 1 }).waitFor();
    // The status is read after the page opens: wait for it as long as Playwright waits for elements.
    const language = page.getByRole('combobox', { name: 'Language' });
    await language.waitFor();
    expect(await language.textContent()).toContain('Czech (cs)');
    const summary = page.getByRole('status').filter({ hasText: 'entries translated and up to date' });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Czech \(cs\): \d+ of \d+ entries/);

    const practices = page.getByRole('region', { name: 'Practices' });
    // The design system's tables are ARIA grids (keyboard navigation between cells).
    const table = practices.getByRole('grid', { name: 'Practices to translate into Czech (cs)' });
    await table.waitFor();
    // The demo content has no Czech practice: every practice is missing, and links to its Czech version.
    const firstLink = table.getByRole('link').first();
    expect(await firstLink.getAttribute('href')).toMatch(/\/admin\/content-manager\/collection-types\/plugin::good-practices\.practice\/\w+\?plugins\[i18n\]\[locale\]=cs$/);
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await shoot(page, '1-status-cs');

    const axe = await new AxeBuilder({ page }).include('main').withTags([...AXE_TAGS]).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

    await firstLink.click();
    // The admin may re-encode the query's brackets: compare the parsed URL.
    await page.waitForURL((url) => url.pathname.includes('/content-manager/collection-types/plugin::good-practices.practice/') && url.searchParams.get('plugins[i18n][locale]') === 'cs');
    await page.goBack();
    await table.waitFor();
  });

  it('filters by problem and marks languages the translator cannot write as read only', async () => {
    await page.getByRole('radio', { name: 'Outdated' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('show'), { timeout: 30_000 }).toBe('outdated');
    const practices = page.getByRole('region', { name: 'Practices' });
    await expect.poll(() => practices.getByText('No entry here matches the filter.').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('radio', { name: 'Everything to do' }).check();

    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: /Spanish \(es\) \(read only\)/ }).click();
    await page.getByText('Your role cannot write in Spanish (es)').waitFor();
    await shoot(page, '2-status-es-read-only');
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: /^Czech \(cs\)$/ }).click();
  });

  it('downloads an XLIFF file, and uploading it back unchanged writes nothing', async () => {
    await page.getByRole('tab', { name: 'XLIFF files' }).click();
    await page.getByRole('checkbox', { name: 'Practices' }).uncheck();
    await page.getByRole('checkbox', { name: 'Inspiring tools' }).uncheck();
    await page.getByRole('checkbox', { name: 'Integration areas and target groups' }).uncheck();
    await page.getByRole('checkbox', { name: 'Site texts and labels' }).uncheck();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download XLIFF' }).click()]);
    expect(download.suggestedFilename()).toBe('good-practices-en-cs.xlf');
    exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toContain('target-language="cs"');
    expect(exported).toMatch(/<trans-unit id="question\//);
    expect(exported).not.toMatch(/<trans-unit id="practice\//);
    await page.getByText('Downloaded good-practices-en-cs.xlf.').waitFor();

    const before = await snapshotDatabase(cms.strapi);
    await upload(page, 'good-practices-en-cs.xlf', exported);
    await page.getByText('good-practices-en-cs.xlf imported into cs').waitFor();
    await page.getByText(/units read: nothing new to write/).waitFor();
    expect(changedTables(before, await snapshotDatabase(cms.strapi))).toEqual([]);
    await shoot(page, '3-xliff-unchanged', page.getByText(/units read: nothing new to write/));
  });

  it('writes a translated unit and shows what it wrote, with a link to the entry', async () => {
    const unit = /<trans-unit id="(question\/[^"]+\/text)"[^>]*>\s*<source>[^<]*<\/source>\s*<target[^>]*>([^<]*)<\/target>/.exec(exported);
    if (!unit?.[1]) throw new Error('the export has no translated question');
    const changed = exported.replace(unit[0], unit[0].replace(`>${unit[2]}</target>`, `>${unit[2]} (revidováno)</target>`));
    await upload(page, 'revised.xlf', changed);
    await page.getByText('revised.xlf imported into cs').waitFor();
    const written = page.getByRole('grid', { name: 'Written in cs' });
    await written.waitFor();
    expect(await written.getByRole('row').count()).toBe(2);
    const link = written.getByRole('link').first();
    // Named by its text, never by its key.
    const key = unit[1].split('/')[1] ?? '';
    const question = (await cms.strapi.db.query('plugin::good-practices.question').findOne({ where: { key, locale: 'en', publishedAt: null }, select: ['text'] })) as { text: string };
    expect(await link.textContent()).toBe(question.text);
    expect(await written.textContent()).not.toContain(key);
    expect(await link.getAttribute('href')).toMatch(/plugin::good-practices\.question\/\w+\?plugins\[i18n\]\[locale\]=cs$/);
    await shoot(page, '4-xliff-written', written);
  });

  it('creates a Czech draft from a file translating one text of a practice, and names the texts taken from the source', async () => {
    // The demo content has no Czech practice: one translated summary starts the Czech version.
    const practice = (await cms.strapi.db.query(PRACTICE).findOne({ where: { locale: 'en', publishedAt: null, summary: { $notNull: true } }, select: ['documentId', 'summary', 'title'] })) as {
      documentId: string;
      summary: string;
      title: string;
    };
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const unit = `<trans-unit id="practice/${practice.documentId}/summary" xml:space="preserve"><source>${escape(practice.summary)}</source><target>Shrnutí v češtině.</target></trans-unit>`;
    const body = /<body>[\s\S]*<\/body>/;
    await upload(page, 'one-summary.xlf', exported.replace(body, `<body>${unit}</body>`));
    await page.getByText('one-summary.xlf imported into cs').waitFor();
    await page.getByText('Some required texts were not in the file').waitFor();
    await page.getByText(/^2 required texts of the new cs versions were not in the file: they are taken from the source language/).waitFor();
    const written = page.getByRole('grid', { name: 'Written in cs' });
    expect(await written.locator('th').allTextContents()).toEqual(['Entry', 'Change', 'Texts concerned', 'Taken from the source, not translated']);
    const row = written.getByRole('row').filter({ hasText: 'New cs version (draft)' });
    expect(await row.locator('td').allTextContents()).toEqual([practice.title, 'New cs version (draft)', 'Short summary', 'Title, Web address (slug)']);
    expect(await row.textContent()).not.toContain(practice.documentId);
    const cs = await cms.strapi.documents(PRACTICE).findFirst({ locale: 'cs', status: 'draft', filters: { documentId: practice.documentId } });
    expect(cs).toMatchObject({ title: practice.title, summary: 'Shrnutí v češtině.', publishedAt: null });
    expect(await cms.strapi.documents(PRACTICE).findFirst({ locale: 'cs', status: 'published', filters: { documentId: practice.documentId } })).toBeNull();
    await shoot(page, '5-xliff-partial', written);
  });

  it('refuses a malformed file and a file with an unknown unit, and writes nothing', async () => {
    const before = await snapshotDatabase(cms.strapi);
    await upload(page, 'broken.xlf', exported.slice(0, Math.floor(exported.length / 2)));
    const refusal = page.getByRole('alert').filter({ hasText: 'broken.xlf was not imported: nothing was written' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/The file: the file is not well-formed XML/);
    await shoot(page, '6-xliff-malformed', refusal);

    const unknown = exported.replace(/<trans-unit id="question\/[^"]+\/text"/, '<trans-unit id="practice/does-not-exist/title"');
    await upload(page, 'unknown.xlf', unknown);
    const problems = page.getByRole('alert').filter({ hasText: 'unknown.xlf was not imported' });
    await problems.waitFor();
    // The unit by its kind and field, not by its id.
    expect(await problems.textContent()).toContain('Practice, Title: there is no practice “does-not-exist”');
    expect(await problems.textContent()).not.toContain('practice/does-not-exist/title');
    expect(changedTables(before, await snapshotDatabase(cms.strapi))).toEqual([]);
    await shoot(page, '7-xliff-unknown-unit', problems);
  });

  it('refuses a file translating every kind of entry but with one unknown unit, and writes nothing anywhere', async () => {
    const units = await unitsOfEveryKind(cms.strapi);
    const everyKind = exported.replace(/<body>[\s\S]*<\/body>/, `<body>${units.map((unit) => unit.xml).join('')}<trans-unit id="tool/does-not-exist/name"><source>Gone</source><target>Pryč</target></trans-unit></body>`);
    const before = await snapshotDatabase(cms.strapi);
    await upload(page, 'every-kind.xlf', everyKind);
    const problems = page.getByRole('alert').filter({ hasText: 'every-kind.xlf was not imported' });
    await problems.waitFor();
    const shown = (await problems.textContent()) ?? '';
    expect(shown).toContain('Inspiring tool, Name: there is no tool “does-not-exist”');
    // Refused for that unit alone: every other unit would have been written.
    for (const unit of units) expect(shown).not.toContain(unit.id);
    expect(changedTables(before, await snapshotDatabase(cms.strapi))).toEqual([]);

    // The same file without the unknown unit is imported, and the comparison sees every table it writes.
    await upload(page, 'every-kind-known.xlf', everyKind.replace(/<trans-unit id="tool\/does-not-exist\/name">.*?<\/trans-unit>/, ''));
    await page.getByText('every-kind-known.xlf imported into cs').waitFor();
    const written = changedTables(before, await snapshotDatabase(cms.strapi)).map((line) => line.split(':')[0]);
    const contentTables = ['practice', 'tool', 'criteria-group', 'checklist-item', 'integration-area', 'target-group', 'site'].map(
      (name) => cms.strapi.db.metadata.get(`plugin::good-practices.${name}` as never).tableName,
    );
    expect(written).toEqual(expect.arrayContaining([...contentTables, 'strapi_core_store_settings']));
  });
});
