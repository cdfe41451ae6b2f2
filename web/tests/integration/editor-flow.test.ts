/**
 * An editor's day, end to end, in Chromium: the REAL Strapi admin panel (built by `strapi build`,
 * served by the in-process CMS of cms/tests/harness/strapi.ts) and the site in on-request mode
 * (SITE_MODE=server), wired as in production:
 *
 * - CMS → site: SITE_REVALIDATE_URL + REVALIDATE_SECRET (the plugin's signed site notifier);
 * - admin Preview → site: SITE_URL + PREVIEW_SECRET (cms/config/admin.ts points the Preview
 *   panel at the site's /preview/practices/{documentId} with a token the CMS signs with
 *   PREVIEW_SECRET for the editor, that practice and that locale);
 * - site → CMS: CMS_URL, SITE_PREVIEW_TOKEN for drafts.
 *
 * The content is the demo content of `npm start` and an admin user whose only role is the
 * plugin's Editor. Each step of the editor's day has a DRAFT practice of its own, written as the
 * earlier steps would have left it, and a tab of its own, so that every test runs alone or in
 * any order. Everything the editor does goes through the admin's UI: log in, set checklist
 * states with the assessment input's Met / Not met / Not assessed controls, Save, the side
 * panel's save check and validation workflow, Open preview, Publish. Selectors are roles and
 * accessible names (the plugin's translations, Strapi's English labels).
 */
import AxeBuilder from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistState, FrameworkChecklistItem, Locale } from 'strapi-plugin-good-practices/contract';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { AXE_TAGS } from '../helpers/axe';
import { createEditor, editViewUrl, ensureAdminPanelBuilt, logIn, type AdminAccount } from '../helpers/admin-panel';
import { closeBrowser, openPage, type BrowserSession } from '../helpers/browser';
import { freePort, serveServer, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { defaultLocaleOf } from '../../src/lib/i18n';

const PRACTICE_UID = 'plugin::good-practices.practice';
const REVALIDATE_SECRET = 'editor-flow-revalidate-secret';
const PREVIEW_SECRET = 'editor-flow+preview/secret';
const PREVIEW_TOKEN = 'site-preview-token-of-the-editor-flow-test-0123456789';
/** The English labels of the plugin's state controls (admin/src/translations/en.json) and of the site. */
const STATE_LABEL: Record<ChecklistState, string> = { met: 'Met', 'not-met': 'Not met', 'not-assessed': 'Not assessed' };

const serverOut = SHARED_SERVER_OUT;

interface Documents {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  findOne(params: Record<string, unknown>): Promise<(Record<string, unknown> & { documentId: string }) | null>;
}

let cms: RunningStrapi;
let site: Awaited<ReturnType<typeof serveServer>>;
let api: CmsClient;
let locale: Locale;
let editor: AdminAccount;
/** A browser context in which the editor has logged in; each test opens its own tab in it. */
let loggedIn: BrowserSession | undefined;

/** Three checklist items of the framework and the states the editor gives them (the third starts as met). */
let changes: { item: FrameworkChecklistItem; from: ChecklistState; to: ChecklistState }[] = [];

const practices = (): Documents => cms.strapi.documents(PRACTICE_UID as never) as unknown as Documents;

/** A draft practice (never published), as an editor saved it earlier. */
interface Draft {
  documentId: string;
  /** A word only the draft's title and summary contain (not its slug: a 404 page repeats its URL). */
  marker: string;
  title: string;
  slug: string;
}

/** The assessment as stored: `not-assessed` is the absence of a state. */
const assessmentOf = (which: 'from' | 'to') => Object.fromEntries(changes.filter((change) => change[which] !== 'not-assessed').map((change) => [change.item.key, change[which]]));

/** A draft of its own for one test, with the checklist states `from` unless told otherwise. */
async function createDraft(data: Record<string, unknown> = {}): Promise<Draft> {
  const marker = `editorflow${randomBytes(5).toString('hex')}`;
  const draft = { marker, title: `Evening language café ${marker}`, slug: `evening-language-cafe-${randomBytes(5).toString('hex')}` };
  const created = await practices().create({
    locale: locale.code,
    data: { title: draft.title, slug: draft.slug, summary: `A draft practice of the editor-flow test (${marker}).`, assessment: assessmentOf('from'), ...data },
  });
  return { ...draft, documentId: created.documentId };
}

const publicUrl = (draft: Draft) => `${site.url}/${locale.code}/practices/${draft.slug}/`;
const searchUrl = (draft: Draft) => `${site.url}/${locale.code}/practices/?q=${draft.marker}`;

/** The draft's edit view in a new tab of the logged-in editor, once it shows the draft. */
async function openEditView(draft: Draft): Promise<Page> {
  if (!loggedIn) {
    const session = await openPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(session.page, cms.url, editor);
    await session.page.close();
    loggedIn = session;
  }
  const page = await loggedIn.context.newPage();
  await showEditView(page, draft);
  return page;
}

async function showEditView(page: Page, draft: Draft): Promise<void> {
  await page.goto(editViewUrl(cms.url, PRACTICE_UID, draft.documentId, locale.code));
  await expect.poll(() => page.getByRole('heading', { name: draft.title }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

beforeAll(async () => {
  const started = Date.now();
  const sitePort = await freePort();
  const siteOrigin = `http://127.0.0.1:${sitePort}`;
  // The site's server build needs no CMS; the CMS serves the admin panel from its build, so it
  // boots after it. Both builds are skipped or short when nothing changed.
  const [build] = await Promise.all([sharedServerBuild(), ensureAdminPanelBuilt()]);
  if (build.code !== 0) throw new Error(`server build failed:\n${build.output}`);
  const built = Date.now();

  cms = await startStrapi({
    serveAdminPanel: true,
    env: {
      SITE_URL: siteOrigin,
      PREVIEW_SECRET,
      SITE_PREVIEW_TOKEN: PREVIEW_TOKEN,
      SITE_REVALIDATE_URL: `${siteOrigin}/api/revalidate`,
      REVALIDATE_SECRET,
    },
  });
  site = await serveServer(serverOut, { CMS_URL: cms.url, REVALIDATE_SECRET, SITE_PREVIEW_TOKEN: PREVIEW_TOKEN, PREVIEW_SECRET }, sitePort);
  await seedDemoContent(cms.strapi);
  api = createCmsClient({ baseUrl: cms.url, timeoutMs: 10_000 });
  locale = defaultLocaleOf(await api.locales());

  const framework = await api.framework(locale.code);
  const items = (framework?.groups ?? []).flatMap((group) => group.questions.flatMap((question) => question.items));
  // Items of different questions and groups, with texts that name one item only.
  const unique = items.filter((item) => items.filter((other) => other.text === item.text).length === 1);
  if (unique.length < 3) throw new Error('the demo framework has fewer than three checklist items');
  changes = [
    { item: unique[0]!, from: 'not-assessed', to: 'met' },
    { item: unique[Math.floor(unique.length / 2)]!, from: 'not-assessed', to: 'not-met' },
    { item: unique[unique.length - 1]!, from: 'met', to: 'not-assessed' },
  ];
  editor = await createEditor(cms.strapi);
  console.info(
    `[editor-flow] builds ${((built - started) / 1000).toFixed(1)} s; CMS + site + seed ${((Date.now() - built) / 1000).toFixed(1)} s; ready after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  // `npm test` builds the admin panel before the suites run; a file run on its own after a change
  // to the admin builds it here, which takes minutes on a busy 2-core machine.
}, 900_000);

afterAll(async () => {
  await loggedIn?.close();
  await closeBrowser();
  await site?.close();
  await cms?.stop();
});

/** Each checklist item on a page of the site (public or preview), by its text: the state written out. */
/**
 * Clicks a button of the edit view that writes the document and waits for the content manager's
 * answer to that very request: a toast of an earlier save can still be on screen under load, so
 * waiting for "Saved document" could return before this write was stored.
 */
async function clickAndAwaitWrite(page: Page, button: 'Save' | 'Publish'): Promise<void> {
  const written = page.waitForResponse(
    (response) =>
      response.url().includes('/content-manager/collection-types/') &&
      ['PUT', 'POST'].includes(response.request().method()) &&
      (button === 'Publish' ? response.url().includes('/actions/publish') : response.request().method() === 'PUT'),
    { timeout: 30_000 },
  );
  await page.getByRole('button', { name: button, exact: true }).click();
  expect((await written).status(), `${button}: the content manager's answer`).toBeLessThan(300);
}

async function shownStates(target: Page | Frame): Promise<Map<string, string>> {
  const rows = await target.locator('li.item').evaluateAll((items) =>
    items.map((li) => [li.querySelector('.item-text')?.textContent?.trim() ?? '', li.querySelector('.state')?.textContent?.trim() ?? '']),
  );
  return new Map(rows as [string, string][]);
}

function expectStates(shown: Map<string, string>, which: 'from' | 'to'): void {
  for (const change of changes) expect(shown.get(change.item.text), change.item.text).toBe(STATE_LABEL[change[which]]);
}

/** Neither the public page, nor the lists, nor the public API show the practice: 404, not listed. */
async function expectNotPublic(draft: Draft): Promise<void> {
  const page = await fetch(publicUrl(draft));
  expect(page.status).toBe(404);
  expect(await page.text()).not.toContain(draft.marker);
  // A search for the draft's own word (the search form repeats the word, so look for the practice).
  const list = await fetch(searchUrl(draft));
  expect(list.status).toBe(200);
  const html = await list.text();
  expect(html).not.toContain(`/practices/${draft.slug}/`);
  expect(html).not.toContain(draft.title);
  expect(await api.practice(draft.slug, locale.code)).toBeNull();
}

/** One checklist item's Met / Not met / Not assessed radio group in the admin (its legend is the item's text). */
const itemControls = (page: Page, item: FrameworkChecklistItem) => page.getByRole('group', { name: item.text, exact: true });

// Each test drives the admin of a slow 2-core machine shared with builds and other CMS instances.
describe('an editor in the real admin panel, with the on-request site', { timeout: 180_000 }, () => {
  it('logs in as a good-practices editor (not a super admin) and opens the draft practice', async () => {
    const draft = await createDraft();
    // A browser of its own: this test is the login.
    const session = await openPage({ viewport: { width: 1440, height: 1000 } });
    try {
      const { page } = session;
      await logIn(page, cms.url, editor);
      await showEditView(page, draft);
      // The assessment input shows the stored state of each item.
      for (const change of changes) {
        const radio = itemControls(page, change.item).getByRole('radio', { name: STATE_LABEL[change.from], exact: true });
        await radio.waitFor({ timeout: 30_000 });
        expect(await radio.getAttribute('aria-checked'), change.item.text).toBe('true');
      }
    } finally {
      await session.close();
    }
    // The public site knows nothing of the draft.
    await expectNotPublic(draft);
  });

  it('has no axe violation inside the plugin’s assessment input (the rest of the edit view is reported apart)', async () => {
    const page = await openEditView(await createDraft());
    try {
      // The assessment field: the named group (the field's label) around every item's controls; marked for axe.
      const field = page
        .getByRole('group', { name: /assessment/i })
        .filter({ has: itemControls(page, changes[0]!.item) })
        .filter({ has: itemControls(page, changes[2]!.item) });
      await field.first().waitFor({ timeout: 30_000 });
      expect(await field.count(), 'one assessment field around the checklist items').toBe(1);
      await field.evaluate((element) => element.setAttribute('data-axe-scope', 'assessment'));
      const ours = await new AxeBuilder({ page }).include('[data-axe-scope="assessment"]').withTags([...AXE_TAGS]).analyze();
      const outside = await new AxeBuilder({ page }).exclude('[data-axe-scope="assessment"]').withTags([...AXE_TAGS]).analyze();
      const summarize = (violations: typeof ours.violations) =>
        violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes) ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).slice(0, 3).join(', ')}`);
      if (outside.violations.length > 0) console.info(`[editor-flow] axe, the edit view outside the assessment input (reported, not failing): ${summarize(outside.violations).join('; ')}`);
      expect(ours.passes.length, 'axe checked the assessment input').toBeGreaterThan(0);
      expect(summarize(ours.violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('sets checklist states with the assessment controls and saves the draft', async () => {
    const draft = await createDraft();
    const page = await openEditView(draft);
    try {
      for (const change of changes) {
        await itemControls(page, change.item).getByRole('radio', { name: STATE_LABEL[change.to], exact: true }).click();
      }
      for (const change of changes) {
        expect(await itemControls(page, change.item).getByRole('radio', { name: STATE_LABEL[change.to], exact: true }).getAttribute('aria-checked')).toBe('true');
      }
      await clickAndAwaitWrite(page, 'Save');
      await page.getByText('Saved document').first().waitFor();
    } finally {
      await page.close();
    }

    // Stored in the draft, and only there.
    const stored = await practices().findOne({ documentId: draft.documentId, locale: locale.code, status: 'draft' });
    const assessment = (stored?.assessment ?? {}) as Record<string, string>;
    for (const change of changes) expect(assessment[change.item.key] ?? 'not-assessed', change.item.key).toBe(change.to);
    expect(await practices().findOne({ documentId: draft.documentId, locale: locale.code, status: 'published' })).toBeNull();
    await expectNotPublic(draft);
  });

  it('names a refused value in plain words before saving, with a link to its field, and steps the validation workflow', async () => {
    const draft = await createDraft();
    const page = await openEditView(draft);
    let today = '';
    try {
      // The side panel's save check asks the plugin's rules (POST /good-practices/practices/check) as the editor types.
      // A website the form's own pattern lets through (https://, no spaces) but the rules refuse.
      const website = page.locator('input[name="website"]');
      await website.fill('https://homework.example:eighty');
      await page.getByText('Fix before saving').first().waitFor({ timeout: 30_000 });
      await page.getByText('The website must be a full web address').first().waitFor();
      await page.getByRole('button', { name: 'Go to the field Website' }).click();
      expect(await website.evaluate((input) => input === document.activeElement), 'the link focuses the field').toBe(true);
      await website.fill('https://homework.example');
      // The country is chosen by its name (stored as its ISO code).
      const country = page.getByRole('combobox', { name: 'Country' });
      await country.fill('');
      // Entered in one input event, then the list opened from the keyboard: keystroke by keystroke,
      // the Combobox's inline completion ("Spa" → "Spain") garbles a robot's typing on a busy machine.
      await country.fill('Spa');
      await country.press('ArrowDown');
      await page.getByRole('option', { name: 'Spain', exact: true }).click();
      await page.getByText('Nothing here would stop the save.').first().waitFor({ timeout: 30_000 });

      // A new practice starts as submitted (the schema's default); then In review → Validated, one
      // named button at a time; the date is the editor's today.
      const steps = page.getByRole('list', { name: 'Validation steps' });
      expect(await steps.locator('[aria-current="step"]').textContent()).toContain('Submitted');
      for (const action of ['Start review', 'Mark as validated']) {
        await page.getByRole('button', { name: action, exact: true }).click();
      }
      today = await page.evaluate(() => {
        const now = new Date();
        return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      });
      await page.getByText(`Validated on ${today}.`).waitFor();
      expect(await steps.locator('[aria-current="step"]').textContent()).toContain('Validated');
      await page.getByRole('button', { name: 'Reopen', exact: true }).waitFor();
      await clickAndAwaitWrite(page, 'Save');
      await page.getByText('Saved document').first().waitFor();
    } finally {
      await page.close();
    }

    const stored = await practices().findOne({ documentId: draft.documentId, locale: locale.code, status: 'draft' });
    expect({ country: stored?.country, validationStatus: stored?.validationStatus, validationDate: stored?.validationDate }).toEqual({
      country: 'ES',
      validationStatus: 'validated',
      validationDate: today,
    });
    await expectNotPublic(draft);
  });

  it('shows the new states in Strapi’s Preview (the site’s draft preview), still not on the public site', async () => {
    // As the save of the new states left it.
    const draft = await createDraft({ assessment: assessmentOf('to') });
    const page = await openEditView(draft);
    try {
      await page.getByRole('link', { name: 'Open preview' }).click();
      const frame = page.locator('iframe[title="Preview"]');
      await frame.waitFor();
      const src = (await frame.getAttribute('src')) ?? '';
      expect(src).toMatch(new RegExp(`^${site.url}/preview/practices/${draft.documentId}\\?`));
      // A short-lived token for this practice and locale, never the shared secret.
      expect(new URL(src).searchParams.get('locale')).toBe(locale.code);
      expect(new URL(src).searchParams.get('token')).toMatch(/^v1\./);
      expect(src).not.toContain(encodeURIComponent(PREVIEW_SECRET));
      expect(src).not.toContain('secret=');
      const preview = (await frame.elementHandle())!;
      const content = (await preview.contentFrame())!;
      await content.getByText('Preview — draft, not published').waitFor();
      await content.getByRole('heading', { name: draft.title }).first().waitFor();
      expectStates(await shownStates(content), 'to');
      await expectNotPublic(draft);
      await page.getByRole('link', { name: 'Close preview' }).or(page.getByRole('button', { name: 'Close preview' })).first().click();
      await page.getByRole('button', { name: 'Publish', exact: true }).waitFor();
    } finally {
      await page.close();
    }
  });

  it('publishes with the Publish button; the site shows the states at once (signed webhook), draft and public now equal', async () => {
    // As the earlier steps left it: new states, validated, saved, not published.
    const validationDate = '2025-03-14';
    const draft = await createDraft({ assessment: assessmentOf('to'), country: 'ES', validationStatus: 'validated', validationDate });
    const page = await openEditView(draft);
    try {
      await clickAndAwaitWrite(page, 'Publish');
      await page.getByText('Published document').first().waitFor();
    } finally {
      await page.close();
    }
    expect(await practices().findOne({ documentId: draft.documentId, locale: locale.code, status: 'published' })).not.toBeNull();

    // The on-request site renders it on the next request after the CMS's webhook (its 404 is
    // cached for minutes otherwise): wait for it, generously, as the machine is shared.
    await expect.poll(async () => (await fetch(publicUrl(draft))).status, { timeout: 30_000, interval: 100, message: 'the public page after the publish' }).toBe(200);

    const visitor = await openPage();
    try {
      const response = await visitor.page.goto(publicUrl(draft));
      expect(response?.status()).toBe(200);
      await visitor.page.getByRole('heading', { name: draft.title, level: 1 }).waitFor();
      expect(await visitor.page.getByText('Preview — draft, not published').count()).toBe(0);
      expectStates(await shownStates(visitor.page), 'to');
      // The validation date of the workflow, shown to visitors.
      expect(await visitor.page.locator(`dd time[datetime="${validationDate}"]`).count()).toBe(1);
      // Listed too (the lists' cache tag was invalidated by the same webhook).
      await visitor.page.goto(searchUrl(draft));
      expect(await visitor.page.getByRole('link', { name: draft.title }).count()).toBeGreaterThan(0);
    } finally {
      await visitor.close();
    }
    // What expectNotPublic looks for before the publish is there now.
    const list = await (await fetch(searchUrl(draft))).text();
    expect(list).toContain(`/practices/${draft.slug}/`);
    expect(list).toContain(draft.title);
    const published = await api.practice(draft.slug, locale.code);
    expect(published?.title).toBe(draft.title);
    // The validation of the workflow, published with the practice.
    expect({ status: published?.validationStatus, date: published?.validationDate }).toEqual({ status: 'validated', date: validationDate });
  });
});
