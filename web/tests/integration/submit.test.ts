/**
 * "Propose a practice" in a browser, against the REAL CMS (in-process, on its project's database, demo content) and
 * the site in server mode: the form (pre-filled from a self-assessment link) posts to the CMS, which
 * sends the visitor to the thanks page with a reference and a status link; a refused form comes back
 * with the messages and what was typed; the new practice is a draft nobody sees. axe finds no
 * violation on the form in English and Arabic (RTL). And the whole way of a practitioner (issue 14):
 * a self-assessment, its report, "propose this practice", the proposal sent, and an editor
 * (the Good-practice editor role, in the real admin panel) finding the draft with the proposer's
 * contact.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from 'strapi-plugin-good-practices/contract';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { AXE_TAGS, violationLines } from '../helpers/axe';
import { closeBrowser, openPage } from '../helpers/browser';
import { freePort, serveServer, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { createEditor, editViewUrl, ensureAdminPanelBuilt, logIn } from '../helpers/admin-panel';

const PRACTICE_UID = 'plugin::good-practices.practice';
const ITEM = 'inclusivity.accessible-services.1';
const QUESTION = 'inclusivity.accessible-services';
const serverOut = SHARED_SERVER_OUT;

interface Proposal {
  title: string;
  organisation: string;
  summary: string;
  contactName: string;
  contactEmail: string;
  country?: string;
  /** The answer to QUESTION. */
  answer?: string;
}

/** Fills the proposal form as a visitor would and ticks the consent. */
async function fillProposal(page: Page, proposal: Proposal): Promise<void> {
  await page.fill('#f-title', proposal.title);
  await page.fill('#f-organisation', proposal.organisation);
  if (proposal.country) await page.selectOption('#f-country', proposal.country);
  await page.fill('#f-summary', proposal.summary);
  if (proposal.answer) await page.fill(`textarea[name="answer:${QUESTION}"]`, proposal.answer);
  await page.fill('#f-contactName', proposal.contactName);
  await page.fill('#f-contactEmail', proposal.contactEmail);
  await page.check('#f-consent');
}

let cms: RunningStrapi;
let site: Awaited<ReturnType<typeof serveServer>>;

beforeAll(async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const build = sharedServerBuild();
  await ensureAdminPanelBuilt();
  // A fill time of 0 s: the browser fills the form faster than a person (the CMS tests check the minimum).
  cms = await startStrapi({ serveAdminPanel: true, env: { SITE_URL: origin, SUBMISSION_MIN_FILL_SECONDS: '0' } });
  const built = await build;
  if (built.code !== 0) throw new Error(`server build failed:\n${built.output}`);
  site = await serveServer(serverOut, { CMS_URL: cms.url, SITE_URL: origin }, port);
  await seedDemoContent(cms.strapi);
}, 600_000);

afterAll(async () => {
  await closeBrowser();
  await site?.close();
  await cms?.stop();
});

describe('propose a practice', () => {
  it('has no axe violation in English and Arabic', async () => {
    const session = await openPage();
    try {
      const report: string[] = [];
      for (const path of ['/en/submit/', '/ar/submit/', `/en/submit/?errors=title:required;consent:consent&organisation=X`]) {
        const response = await session.page.goto(`${site.url}${path}`);
        expect(response?.status(), path).toBe(200);
        const results = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
        report.push(...violationLines(path, results.violations));
      }
      expect(report).toEqual([]);
      const html = await (await fetch(`${site.url}/ar/submit/`)).text();
      expect(html).toContain('<html lang="ar" dir="rtl"');
      // Country names in the visitor's language, ISO codes as values; no script on the page.
      expect(html).toContain(`<option value="DE">${new Intl.DisplayNames(['ar'], { type: 'region' }).of('DE')}</option>`);
      expect(html).not.toMatch(/<script/);
    } finally {
      await session.close();
    }
  }, 240_000);

  it('is linked from the main navigation and the practice list, in the visitor’s language (site texts per locale)', async () => {
    const list = await (await fetch(`${site.url}/ar/practices/`)).text();
    const nav = list.slice(list.indexOf('<nav class="wrap main-nav"'), list.indexOf('</nav>', list.indexOf('<nav class="wrap main-nav"')));
    expect(nav).toMatch(/<a href="\/ar\/submit\/"[^>]*>اقترح ممارسة<\/a>/);
    expect(list).toMatch(/<p class="list-propose">[\s\S]*?<a href="\/ar\/submit\/"[^>]*>اقترحها<\/a>/);
    const form = await (await fetch(`${site.url}/en/submit/`)).text();
    expect(form).toMatch(/<a href="\/en\/submit\/" aria-current="page"[^>]*>Propose a practice<\/a>/);
  });

  it('goes from a self-assessment link to the thanks page with a reference; the practice is a draft nobody sees', async () => {
    const session = await openPage({ javaScriptEnabled: false });
    try {
      await session.page.goto(`${site.url}/en/submit/?${ITEM}=met`);
      expect(await session.page.locator(`input[name="${ITEM}"][value="met"]`).isChecked()).toBe(true);
      await fillProposal(session.page, {
        title: 'Browser-proposed <b>practice</b>',
        organisation: 'Volunteers of Brno',
        country: 'CZ',
        summary: 'Proposed through the site.',
        answer: 'We ask every newcomer.',
        contactName: 'Browser Person',
        contactEmail: 'browser.person@example.org',
      });
      await Promise.all([session.page.waitForURL(/\/en\/submit\/thanks\//), session.page.click('button[type="submit"]')]);
      const reference = new URL(session.page.url()).searchParams.get('ref');
      expect(reference).toMatch(/^GP-/);
      expect(await session.page.textContent('.reference')).toBe(reference);

      await session.page.click('a[href*="/submit/status/"]');
      expect(await session.page.textContent('main')).toContain('Submitted');

      const rows = (await cms.strapi.db.query(PRACTICE_UID as never).findMany({ where: { submissionReference: reference } })) as { publishedAt: string | null; locale: string; assessment: unknown; slug: string }[];
      expect(rows.map((row) => [row.locale, row.publishedAt])).toEqual([['en', null]]);
      const [row] = rows;
      if (!row) throw new Error('the submission was not stored');
      const assessment = typeof row.assessment === 'string' ? JSON.parse(row.assessment) : row.assessment;
      expect(assessment).toEqual({ [ITEM]: 'met' });
      expect((await fetch(`${cms.url}${apiPaths.practice(row.slug)}?locale=en`)).status).toBe(404);
      expect((await fetch(`${site.url}/en/practices/${row.slug}/`)).status).toBe(404);
    } finally {
      await session.close();
    }
  }, 240_000);

  it('takes a practitioner from a self-assessment to a proposal that an editor finds in the admin, with the contact', async () => {
    const visitor = await openPage({ javaScriptEnabled: false });
    let reference: string | null;
    try {
      // The self-assessment: one item met, one note; the report offers to propose the practice.
      await visitor.page.goto(`${site.url}/en/self-assessment/`);
      await visitor.page.check(`input[name="${ITEM}"][value="met"]`);
      await visitor.page.fill(`textarea[name="note.${QUESTION}"]`, 'We ask every newcomer.');
      await Promise.all([visitor.page.waitForURL(/\/en\/self-assessment\/report\/\?/), visitor.page.click('.assessment-submit button')]);
      expect(await visitor.page.locator('[data-total]').innerText()).toMatch(/^1 of \d+ criteria met$/);
      await Promise.all([visitor.page.waitForURL(/\/en\/submit\//), visitor.page.click('a[data-link="propose"]')]);
      // The proposal form carries the assessment over.
      expect(await visitor.page.locator(`input[name="${ITEM}"][value="met"]`).isChecked()).toBe(true);
      await fillProposal(visitor.page, {
        title: 'Coffee mornings of a Brno library',
        organisation: 'Brno City Library',
        country: 'CZ',
        summary: 'Newcomers meet volunteers over coffee every week.',
        contactName: 'Petra Practitioner',
        contactEmail: 'petra.practitioner@example.org',
      });
      await Promise.all([visitor.page.waitForURL(/\/en\/submit\/thanks\//), visitor.page.click('button[type="submit"]')]);
      reference = new URL(visitor.page.url()).searchParams.get('ref');
      expect(reference).toMatch(/^GP-/);
    } finally {
      await visitor.close();
    }

    // An editor (not a super admin) filters the practices by "Proposed by a visitor" and opens it.
    const editorSession = await openPage({ viewport: { width: 1440, height: 1000 } });
    try {
      const { page } = editorSession;
      await logIn(page, cms.url, await createEditor(cms.strapi));
      await page.goto(`${cms.url}/admin/content-manager/collection-types/${PRACTICE_UID}?page=1&pageSize=10&sort=updatedAt:DESC&plugins[i18n][locale]=en&filters[$and][0][publicSubmission][$eq]=true`);
      const row = page.getByRole('row').filter({ hasText: 'Coffee mornings of a Brno library' });
      await row.waitFor({ timeout: 60_000 });
      // Only proposals are listed: the demo content's own practices are not.
      expect(await page.getByRole('row').filter({ hasText: 'MigraCode' }).count()).toBe(0);
      const [stored] = (await cms.strapi.db.query(PRACTICE_UID as never).findMany({ where: { submissionReference: reference!, locale: 'en' } })) as { documentId: string }[];
      await page.goto(editViewUrl(cms.url, PRACTICE_UID, stored!.documentId, 'en'));
      const name = page.locator('input[name="submitterName"]');
      await expect.poll(() => name.inputValue(), { timeout: 60_000 }).toBe('Petra Practitioner');
      expect(await page.locator('input[name="submitterEmail"]').inputValue()).toBe('petra.practitioner@example.org');
      expect(await page.locator('input[name="submissionReference"]').inputValue()).toBe(reference);
      // A draft: nothing published yet.
      await page.getByText('Draft', { exact: true }).first().waitFor();
    } finally {
      await editorSession.close();
    }
  }, 300_000);

  it('shows a refused form again with the messages and what was typed', async () => {
    const session = await openPage({ javaScriptEnabled: false });
    try {
      await session.page.goto(`${site.url}/en/submit/`);
      // The e-mail: accepted by the browser's check, refused by the CMS's.
      await fillProposal(session.page, { title: 'Kept title', organisation: 'Kept organisation', summary: 'Kept summary.', contactName: 'Someone', contactEmail: 'someone@localhost' });
      await Promise.all([session.page.waitForURL(/\/en\/submit\/\?errors=/), session.page.click('button[type="submit"]')]);
      expect(await session.page.inputValue('#f-title')).toBe('Kept title');
      expect(await session.page.inputValue('#f-summary')).toBe('Kept summary.');
      expect(await session.page.getAttribute('#f-contactEmail', 'aria-invalid')).toBe('true');
      expect(await session.page.textContent('#f-contactEmail-error')).toBe('This value is not valid.');
    } finally {
      await session.close();
    }
  }, 240_000);
});
