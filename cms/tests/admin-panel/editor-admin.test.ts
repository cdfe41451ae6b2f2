/**
 * The practice form as an editor meets it (issue 16), in the REAL admin panel, in Chromium, logged
 * in as users whose ONLY role is the plugin's Good-practice editor (one in English, one whose
 * interface language is Czech), and an administrator (super admin) for what only they see:
 *
 * - "Content Manager" opens the practices' list, and its menu has no framework or taxonomy types;
 *   those are in the administrators' "Criteria framework" area;
 * - the form shows the plain labels, in its group panels, in the user's language;
 * - the country is chosen by its name in the user's language and stored as its ISO code;
 * - Enter in a date field does not save (while Enter in a text field does: the browser's implicit
 *   submission, which the plugin cancels for dates only);
 * - on a new practice the save check names the missing required field by its label.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditor, editViewUrl, ensureAdminPanelBuilt, logIn, type AdminAccount } from '../../../web/tests/helpers/admin-panel.ts';
import { closeBrowser, openPage, type BrowserSession } from '../../../web/tests/helpers/browser.ts';
import { createAdminUser, SUPER_ADMIN_ROLE_CODE } from '../harness/admin-users.ts';
import { startStrapi, type RunningStrapi } from '../harness/strapi.ts';

const PRACTICE = 'plugin::good-practices.practice';
const PRACTICES_LIST = `/admin/content-manager/collection-types/${PRACTICE}`;

interface LooseDocuments {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  update(params: Record<string, unknown>): Promise<unknown>;
  findFirst(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
}

let cms: RunningStrapi;
const sessions: BrowserSession[] = [];
let documentId: string;
let editor: AdminAccount;

const practices = () => cms.strapi.documents(PRACTICE as never) as unknown as LooseDocuments;
const draft = () => practices().findFirst({ locale: 'en', status: 'draft', filters: { documentId } });

/** A field's label as shown: its text, with the star of a required field. */
const label = (page: Page, text: string) => page.getByText(new RegExp(`^${text.replace(/[()]/g, '\\$&')}\\*?$`)).first();

async function loggedIn(account: AdminAccount): Promise<Page> {
  const session = await openPage({ viewport: { width: 1440, height: 1000 } });
  sessions.push(session);
  await logIn(session.page, cms.url, account);
  return session.page;
}

/** Whether the two fields sit in different panels of the form (each panel a card with a shadow). */
function inSeparatePanels(page: Page, first: string, second: string): Promise<boolean> {
  return page.evaluate(
    ([a, b]) => {
      // Runs in the page; the test project has no DOM types, hence these few shapes.
      type Node = { parentElement: Node | null; contains(other: Node): boolean; querySelectorAll(selector: string): { length: number } };
      const page = globalThis as unknown as { document: { querySelector(selector: string): Node | null }; getComputedStyle(node: Node): { boxShadow: string } };
      const inputA = page.document.querySelector(`[name="${a}"]`);
      const inputB = page.document.querySelector(`[name="${b}"]`);
      if (!inputA || !inputB) throw new Error(`no field ${inputA ? b : a}`);
      let common: Node | null = inputA;
      while (common && !common.contains(inputB)) common = common.parentElement;
      const panelBelow = (input: Node): boolean => {
        for (let node = input.parentElement; node && node !== common; node = node.parentElement) {
          if (page.getComputedStyle(node).boxShadow !== 'none' && node.querySelectorAll('[name]').length > 1) return true;
        }
        return false;
      };
      return panelBelow(inputA) && panelBelow(inputB);
    },
    [first, second],
  );
}

beforeAll(async () => {
  await ensureAdminPanelBuilt();
  cms = await startStrapi({ serveAdminPanel: true });
  cms.strapi.log.level = 'warn';
  ({ documentId } = await practices().create({
    locale: 'en',
    data: { title: 'Language café for parents', slug: 'language-cafe-for-parents', summary: 'Parents practise the language over coffee.', country: 'DE', projectStart: '2024-03-01' },
  }));
  editor = await createEditor(cms.strapi);
}, 600_000);

afterAll(async () => {
  for (const session of sessions) await session.close();
  await closeBrowser();
  await cms?.stop();
});

describe('an editor', () => {
  let page: Page;
  beforeAll(async () => {
    page = await loggedIn(editor);
  }, 120_000);

  it('lands on the practices from "Content Manager", with no framework types in its menu nor a "Criteria framework" area', { timeout: 180_000 }, async () => {
    await page.getByRole('link', { name: 'Content Manager', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 60_000 }).toBe(PRACTICES_LIST);
    await page.getByRole('link', { name: 'Language café for parents' }).or(page.getByText('Language café for parents')).first().waitFor({ timeout: 60_000 });
    const menu = page.getByRole('navigation', { name: 'Content Manager' });
    await menu.getByRole('link', { name: 'Practice', exact: true }).waitFor();
    for (const hidden of ['Checklist item', 'Criteria group', 'Criteria question', 'Integration area', 'Target group']) {
      expect(await menu.getByRole('link', { name: hidden, exact: true }).count(), hidden).toBe(0);
    }
    expect(await page.getByRole('link', { name: 'Criteria framework' }).count()).toBe(0);
  });

  it('reads plain labels in the practice form, in its group panels, and picks the country by name', { timeout: 180_000 }, async () => {
    await page.goto(editViewUrl(cms.url, PRACTICE, documentId, 'en'));
    const country = page.getByRole('combobox', { name: 'Country' });
    await expect.poll(() => country.inputValue(), { timeout: 60_000 }).toBe('Germany');
    for (const text of ['Title', 'Web address (slug)', 'Short summary', 'Project start', 'Project end', 'Website', 'Checklist assessment']) {
      await label(page, text).waitFor();
    }
    expect(await inSeparatePanels(page, 'title', 'country')).toBe(true);
    expect(await inSeparatePanels(page, 'country', 'projectStart')).toBe(false);

    // The start of a name narrows the list to the names that match.
    await country.fill('');
    // Entered in one input event, then the list opened from the keyboard: keystroke by keystroke,
    // the Combobox's inline completion ("Spa" → "Spain") garbles a robot's typing on a busy machine.
    await country.fill('Spa');
    await country.press('ArrowDown');
    await page.getByRole('option', { name: 'Spain', exact: true }).click();
    await expect.poll(() => country.inputValue(), { timeout: 30_000 }).toBe('Spain');
    const written = page.waitForResponse((response) => response.url().includes(documentId) && response.request().method() === 'PUT', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await written).status()).toBe(200);
    expect(await draft()).toMatchObject({ country: 'ES' });
  });

  it('does not save on Enter in a date field, while Enter in a text field does', { timeout: 180_000 }, async () => {
    await page.goto(editViewUrl(cms.url, PRACTICE, documentId, 'en'));
    const summary = page.locator('textarea[name="summary"]');
    await expect.poll(() => summary.inputValue(), { timeout: 60_000 }).toBe('Parents practise the language over coffee.');
    const saves: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes(documentId)) saves.push(request.url());
    });

    await summary.fill('Parents practise the language over coffee, every Friday.');
    await page.locator('input[name="projectStart"]').click();
    await page.locator('input[name="projectStart"]').press('Enter');
    // The date picker's calendar closes on Escape; on a busy machine the Escape can come before
    // the calendar has opened, which then keeps the focus (and the title's Enter) for itself. So
    // the calendar is awaited first (briefly: if it did not open, there is nothing to close).
    const calendar = page.locator('[data-radix-popper-content-wrapper]');
    await calendar.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => {
        if ((await calendar.count()) > 0) await page.keyboard.press('Escape');
        return calendar.count();
      }, { timeout: 30_000 })
      .toBe(0);
    // Enter in the title is the browser's implicit submission: it saves. Every save before it is counted.
    const written = page.waitForResponse((response) => response.url().includes(documentId) && response.request().method() === 'PUT', { timeout: 60_000 });
    const title = page.locator('input[name="title"]');
    await title.focus();
    // Runs in the page; the test project has no DOM types, hence the shape.
    await expect.poll(() => title.evaluate((input) => input === (input as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement), { timeout: 30_000 }).toBe(true);
    await title.press('Enter');
    expect((await written).status()).toBe(200);
    expect(saves, 'only the Enter in the title saved').toHaveLength(1);
    expect(await draft()).toMatchObject({ summary: 'Parents practise the language over coffee, every Friday.' });
  });

  it('is told by the save check of a new practice which required field is missing, by its label', { timeout: 180_000 }, async () => {
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${PRACTICE}/create?plugins[i18n][locale]=en`);
    await page.getByText('Fix before saving', { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Go to the field Title', exact: true }).waitFor();
    const problems = page.locator('ul', { has: page.getByRole('button', { name: /^Go to the field / }) });
    const notices = await problems.textContent();
    expect(notices).toContain('“Title” is required');
    expect(notices).not.toMatch(/plugin::|\btitle\b|documentId|[a-z0-9]{24}/);
  });
});

describe('a cover image without a description', () => {
  it('is named by the save check, by its label, before the editor saves', { timeout: 180_000 }, async () => {
    // An image described when it was chosen, whose description was later emptied in the media library.
    const file = (await cms.strapi.db.query('plugin::upload.file').create({
      data: { name: 'family-cafe.png', alternativeText: 'Parents at a café table', hash: `family_cafe_${Date.now()}`, ext: '.png', mime: 'image/png', size: 1.2, width: 640, height: 480, url: '/uploads/family-cafe.png', provider: 'local' },
    })) as { id: number };
    const { documentId: withCover } = await practices().create({
      locale: 'en',
      data: { title: 'Family café with a cover', slug: 'family-cafe-with-a-cover', summary: 'Parents meet.', country: 'DE', projectStart: '2024-03-01', coverImage: file.id },
    });
    await cms.strapi.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { alternativeText: '' } });
    const page = await loggedIn(editor);
    await page.goto(editViewUrl(cms.url, PRACTICE, withCover, 'en'));
    await page.getByRole('button', { name: 'Go to the field Cover image', exact: true }).waitFor({ timeout: 60_000 });
    const problems = page.locator('ul', { has: page.getByRole('button', { name: /^Go to the field / }) });
    expect(await problems.textContent()).toContain('The cover image “family-cafe.png” has no description.');
  });
});

describe('an editor whose interface language is Czech', () => {
  it('reads the practice form and the countries in Czech', { timeout: 180_000 }, async () => {
    await practices().update({ documentId, locale: 'en', data: { country: 'DE' } });
    const czech = await createEditor(cms.strapi);
    await cms.strapi.db.query('admin::user').update({ where: { email: czech.email }, data: { preferedLanguage: 'cs' } });
    const page = await loggedIn(czech);
    await page.goto(editViewUrl(cms.url, PRACTICE, documentId, 'en'));
    const country = page.getByRole('combobox', { name: 'Země' });
    await expect.poll(() => country.inputValue(), { timeout: 60_000 }).toBe('Německo');
    for (const text of ['Název', 'Krátké shrnutí', 'Začátek projektu']) await label(page, text).waitFor();
    expect(await inSeparatePanels(page, 'title', 'country')).toBe(true);
    await country.fill('');
    // Entered in one input event, then the list opened from the keyboard: keystroke by keystroke,
    // the Combobox's inline completion ("Spa" → "Spain") garbles a robot's typing on a busy machine.
    await country.fill('Špa');
    await country.press('ArrowDown');
    await page.getByRole('option', { name: 'Španělsko', exact: true }).waitFor();
  });
});

describe('an administrator', () => {
  it('finds the framework types in the "Criteria framework" area and in the Content Manager menu', { timeout: 180_000 }, async () => {
    const admin = await createAdminUser(cms.strapi, SUPER_ADMIN_ROLE_CODE, { firstname: 'Ada', lastname: 'Admin' });
    const page = await loggedIn(admin);
    await page.getByRole('link', { name: 'Criteria framework' }).click();
    await page.getByRole('heading', { name: 'Criteria framework', level: 1 }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Checklist items' }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 60_000 }).toBe('/admin/content-manager/collection-types/plugin::good-practices.checklist-item');
    await page.getByRole('navigation', { name: 'Content Manager' }).getByRole('link', { name: 'Checklist item', exact: true }).waitFor({ timeout: 60_000 });
  });
});
