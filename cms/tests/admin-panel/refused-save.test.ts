/**
 * A save the server refuses keeps the editor's edits, in the REAL admin panel, in Chromium, as a
 * user whose only role is the plugin's Good-practice editor: the wiring of the plugin's edit-view
 * panel (useKeepEditsOnRefusal) around Strapi's form, which on its own would put the stored values
 * back after the refusal (upstream strapi/strapi#22646; the decision itself is unit-tested in
 * admin/src/edit-view/restore-decision.test.ts).
 *
 * The editor changes the title, the summary and a checklist state, and types a website the admin's
 * own form accepts (its pattern only wants "https://" and no spaces) but the plugin's invariants
 * refuse (a port that is not a number); Save gets a 400 and nothing is stored. The form still
 * holds what they typed, with the panel's note; fixing the website and saving again stores every
 * edit: the proof that the form, not only the screen, kept them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAdminTest, createEditor, editViewUrl, ensureAdminPanelBuilt, openAdminPage } from '../../../web/tests/helpers/admin-panel.ts';
import type { BrowserSession } from '../../../web/tests/helpers/browser.ts';
import { startStrapi, type RunningStrapi } from '../harness/strapi.ts';

const PRACTICE = 'plugin::good-practices.practice';
const CHECKLIST_ITEM = 'plugin::good-practices.checklist-item';

interface LooseDocuments {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  findFirst(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  findMany(params: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

const stored = { title: 'Neighbourhood homework club', slug: 'neighbourhood-homework-club', summary: 'Volunteers help pupils with homework.', website: 'https://homework.example' };
const refusedWebsite = 'https://homework.example:eighty';
const fixedWebsite = 'https://homework.example:8080';
const typed = { title: 'Neighbourhood homework and reading club', summary: 'Volunteers help pupils with homework and reading, twice a week.' };

let cms: RunningStrapi;
let session: BrowserSession;
let page: Page;
let documentId: string;
/** A checklist item whose text names it alone (its radio group is found by that text). */
let item: { key: string; text: string };

const documents = (uid: string) => cms.strapi.documents(uid as never) as unknown as LooseDocuments;
const draft = () => documents(PRACTICE).findFirst({ locale: 'en', status: 'draft', filters: { documentId } });
const itemRadio = (state: 'Met' | 'Not met' | 'Not assessed') => page.getByRole('group', { name: item.text, exact: true }).getByRole('radio', { name: state, exact: true });

/** Clicks Save and returns the status of the content manager's answer to that very write. */
async function save(): Promise<number> {
  const written = page.waitForResponse(
    (response) => response.url().includes(`/content-manager/collection-types/${PRACTICE}/${documentId}`) && response.request().method() === 'PUT',
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  return (await written).status();
}

beforeAll(async () => {
  await ensureAdminPanelBuilt();
  cms = await startStrapi({ serveAdminPanel: true });
  cms.strapi.log.level = 'warn';
  ({ documentId } = await documents(PRACTICE).create({ locale: 'en', data: stored }));
  const items = (await documents(CHECKLIST_ITEM).findMany({ locale: 'en', status: 'published', fields: ['key', 'text'] })) as { key: string; text: string }[];
  const unique = items.find((candidate) => items.filter((other) => other.text === candidate.text).length === 1);
  if (!unique) throw new Error('the seeded framework has no checklist item with a text of its own');
  item = unique;
  const editor = await createEditor(cms.strapi);
  session = await openAdminPage(cms.url, editor);
  page = session.page;
}, 600_000);

afterAll(() => closeAdminTest(session, cms));

describe('a save the server refuses', () => {
  it('keeps what the editor typed in the form, says so, and stores nothing', async () => {
    await page.goto(editViewUrl(cms.url, PRACTICE, documentId, 'en'));
    const title = page.locator('input[name="title"]');
    const summary = page.locator('textarea[name="summary"]');
    const website = page.locator('input[name="website"]');
    await expect.poll(() => title.inputValue(), { timeout: 60_000 }).toBe(stored.title);

    await title.fill(typed.title);
    await summary.fill(typed.summary);
    await itemRadio('Met').click();
    await website.fill(refusedWebsite);
    expect(await save(), 'the server refuses the website').toBe(400);

    await page.getByText('Your edits are kept').waitFor({ timeout: 30_000 });
    // Strapi re-initialises the form more than once after a refusal (undo, then refetch): poll.
    await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toBe(typed.title);
    await expect.poll(() => summary.inputValue()).toBe(typed.summary);
    await expect.poll(() => website.inputValue()).toBe(refusedWebsite);
    await expect.poll(() => itemRadio('Met').getAttribute('aria-checked')).toBe('true');
    const unchanged = await draft();
    expect(unchanged).toMatchObject(stored);
    expect(unchanged?.assessment ?? {}).toEqual({});
  });

  it('stores every kept edit once the editor fixes the refused value and saves again', async () => {
    await page.locator('input[name="website"]').fill(fixedWebsite);
    expect(await save()).toBe(200);
    expect(await draft()).toMatchObject({ ...typed, slug: stored.slug, website: fixedWebsite, assessment: { [item.key]: 'met' } });
  });
});
