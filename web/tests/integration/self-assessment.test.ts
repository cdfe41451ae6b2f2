/**
 * The self-assessment (issue 14, item 1) against the REAL CMS (booted in-process, demo content),
 * in both modes: a server build (no JavaScript at all) and a static build (its one script, on
 * these two pages only). In Chromium: fill the form, submit, check the counts and the suggested
 * practices, download the answers file, upload it back, upload a bad file; axe on both pages in
 * en and ar (RTL). Over HTTP: the POST forms of server mode, their bounds and messages.
 * The static site is served with the headers of its own `_headers` (its CSP) and rewrites of its
 * `_redirects`, and the CMS sends form posts back to it (SITE_URL): the practitioner's way on a
 * static host goes on from the report to "propose this practice" (the submit pages' script:
 * pre-fill, the CMS's way back with messages, the thanks page, the status page asking the CMS);
 * the server-mode way is tests/integration/submit.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { FrameworkResponse, ItemSuggestionsResponse } from 'strapi-plugin-good-practices/contract';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { AXE_TAGS } from '../helpers/axe';
import { closeBrowser, openPage } from '../helpers/browser';
import { astroBuild, freePort, serveServer, serveStatic, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { decode } from '../helpers/html-text';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { createTranslator, type Translate } from '../../src/lib/i18n';
import { ANSWERS_FILE_FORMAT, MAX_ANSWERS_FILE_BYTES } from '../../src/lib/assessment/answers-file';
import { parseHeadersFile } from '../../src/lib/static-headers';
import { REFERENCE_PATTERN } from 'strapi-plugin-good-practices/contract/submission-form';

const work = mkdtempSync(join(tmpdir(), 'gp-assessment-'));
const staticOut = join(work, 'static');
const serverOut = SHARED_SERVER_OUT;

let cms: RunningStrapi;
let api: CmsClient;
let framework: FrameworkResponse['data'];
let suggestions: ItemSuggestionsResponse['data'];
let t: Translate;
let sites: Record<'server' | 'static', { url: string; close(): Promise<void> }>;

beforeAll(async () => {
  const serverPort = await freePort();
  const serverBuild = sharedServerBuild();
  const staticPort = await freePort();
  const staticOrigin = `http://127.0.0.1:${staticPort}`;
  // The CMS sends a proposal's visitor back to the static site (its default 3 s minimum fill time kept).
  cms = await startStrapi({ env: { SITE_URL: staticOrigin } });
  api = createCmsClient({ baseUrl: cms.url, timeoutMs: 10_000 });
  await seedDemoContent(cms.strapi);
  const staticBuild = await astroBuild(staticOut, { SITE_MODE: 'static', CMS_URL: cms.url, SITE_URL: staticOrigin });
  if (staticBuild.code !== 0) throw new Error(`static build failed:\n${staticBuild.output}`);
  const server = await serverBuild;
  if (server.code !== 0) throw new Error(`server build failed:\n${server.output}`);
  sites = {
    server: await serveServer(serverOut, { CMS_URL: cms.url }, serverPort),
    // As a host that reads the build's _headers (and _redirects) serves it: the CSP the scripts live under.
    static: await serveStatic(staticOut, staticPort, parseHeadersFile(readFileSync(join(staticOut, '_headers'), 'utf8'))),
  };
  framework = (await api.framework('en'))!;
  suggestions = await api.itemSuggestions('en');
  t = createTranslator((await api.site('en'))?.labels);
});

afterAll(async () => {
  await closeBrowser();
  await sites?.server.close();
  await sites?.static.close();
  await cms?.stop();
  rmSync(work, { recursive: true, force: true });
});

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });

/**
 * The one script a page of the static build loads: its file in `_astro/`, its gzip size, and the
 * pages that load it (`{locale}/…`, each once).
 */
function scriptOfPage(page: string): { own: string; compressed: number; loadedBy: string[] } {
  const html = readFileSync(join(staticOut, page), 'utf8');
  const own = /<script type="module" src="\/_astro\/([^"]+\.js)"><\/script>/.exec(html)?.[1];
  expect(own, `${page} loads a script`).toBeDefined();
  const loadedBy = htmlFiles(staticOut)
    .filter((file) => readFileSync(file, 'utf8').includes(`/_astro/${own}`))
    .map((file) => relative(staticOut, file).replace(/^[^/]+\//, '{locale}/'));
  return { own: own!, compressed: gzipSync(readFileSync(join(staticOut, '_astro', own!))).length, loadedBy: [...new Set(loadedBy)].sort() };
}

const items = () => framework.groups.flatMap((g) => g.questions.flatMap((q) => q.items.map((i) => i.key)));

/**
 * The answers the browser test gives: every item of the first group met, one item that published
 * practices meet marked not met, a note on one question, the rest left not assessed.
 */
function plannedAnswers() {
  const [first] = [...framework.groups].sort((a, b) => a.order - b.order);
  const met = first!.questions.flatMap((q) => q.items.map((i) => i.key));
  const gap = Object.entries(suggestions.items).find(([key, list]) => list.length >= 2 && !met.includes(key));
  if (!gap) throw new Error('the demo content has no item met by two practices outside the first group');
  const question = framework.groups.flatMap((g) => g.questions).find((q) => q.items.some((i) => i.key === gap[0]))!;
  return { met, notMet: gap[0], expected: gap[1], noteQuestion: question.key, note: 'Our own note: ask the city.' };
}

describe.each(['server', 'static'] as const)('%s mode', (mode) => {
  const site = (path: string) => `${sites[mode].url}${path}`;

  it('serves the form: every checklist item as three radios named by its key, a note per question', async () => {
    const response = await fetch(site('/en/self-assessment/'));
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    for (const key of items()) {
      for (const state of ['met', 'not-met', 'not-assessed']) expect(html).toContain(`name="${key}" value="${state}"`);
    }
    for (const q of framework.groups.flatMap((g) => g.questions)) expect(html).toContain(`name="note.${q.key}"`);
    expect(html).toContain('<form method="get" action="/en/self-assessment/report/"');
    expect(/<script/i.test(html)).toBe(mode === 'static');
  });

  it('fills the form, shows the report with counts and suggestions, downloads and uploads the answers', async () => {
    const plan = plannedAnswers();
    const session = await openPage({ acceptDownloads: true });
    const errors: string[] = [];
    session.page.on('pageerror', (error) => errors.push(error.message));
    try {
      const { page } = session;
      await page.goto(site('/en/self-assessment/'));
      for (const key of plan.met) await page.check(`input[name="${key}"][value="met"]`);
      await page.check(`input[name="${plan.notMet}"][value="not-met"]`);
      await page.fill(`textarea[name="note.${plan.noteQuestion}"]`, plan.note);
      await Promise.all([page.waitForURL(/\/en\/self-assessment\/report\/\?/), page.click('.assessment-submit button')]);
      const report = page.locator('.assessment-report');
      await report.waitFor({ state: 'visible' });

      expect(await page.locator('[data-total]').innerText()).toBe(t('assessment.report.total', { met: plan.met.length, total: items().length }));
      const [first] = [...framework.groups].sort((a, b) => a.order - b.order);
      const firstTotal = first!.questions.flatMap((q) => q.items).length;
      expect(await page.locator(`[data-score="${first!.key}"] .score-text strong`).innerText()).toBe(t('score.summary', { met: firstTotal, total: firstTotal }));
      expect(await page.locator(`[data-group="${first!.key}"] [data-all-met]`).isVisible()).toBe(true);
      // Every item not met is listed, the not-met one with the CMS's suggestions in its order.
      expect(await page.locator('li[data-item]:visible').count()).toBe(items().length - plan.met.length);
      const gap = page.locator(`li[data-item="${plan.notMet}"]`);
      expect(await gap.locator('.state').innerText()).toBe(t('state.not-met'));
      expect(await gap.locator('.suggestions > li > a').allInnerTexts()).toEqual(plan.expected.map((s) => s.title));
      expect(await gap.locator('.suggestions > li > a').first().getAttribute('href')).toBe(`/en/practices/${plan.expected[0]!.slug}/`);
      expect(await page.locator('[data-note]:visible dd').allInnerTexts()).toEqual([plan.note]);
      const propose = new URL((await page.locator('a[data-link="propose"]').getAttribute('href'))!, site('/'));
      expect(propose.pathname).toBe('/en/submit/');
      expect(propose.searchParams.get(plan.notMet)).toBe('not-met');
      expect(propose.searchParams.get(plan.met[0]!)).toBe('met');
      expect(propose.searchParams.get(`note.${plan.noteQuestion}`)).toBe(plan.note);
      const reportText = await report.innerText();

      // Download, then upload into a fresh form.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-link="download"]')]);
      const file = readFileSync((await download.path())!, 'utf8');
      const saved = JSON.parse(file);
      expect(saved).toMatchObject({ format: ANSWERS_FILE_FORMAT, assessment: { [plan.notMet]: 'not-met', [plan.met[0]!]: 'met' }, notes: { [plan.noteQuestion]: plan.note } });
      await page.goto(site('/en/self-assessment/'));
      expect(await page.isChecked(`input[name="${plan.notMet}"][value="not-assessed"]`)).toBe(true);
      await page.setInputFiles('#answers-file', { name: 'answers.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await page.click('.upload-form button');
      await page.locator('[data-upload-message]:not(.upload-error)').waitFor({ state: 'visible' });
      expect(await page.locator('[data-upload-message]').innerText()).toBe(t('assessment.upload.loaded'));
      expect(await page.isChecked(`input[name="${plan.notMet}"][value="not-met"]`)).toBe(true);
      expect(await page.isChecked(`input[name="${plan.met[0]}"][value="met"]`)).toBe(true);
      expect(await page.inputValue(`textarea[name="note.${plan.noteQuestion}"]`)).toBe(plan.note);
      // The re-filled form gives the same report.
      await Promise.all([page.waitForURL(/\/report\/\?/), page.click('.assessment-submit button')]);
      await page.locator('.assessment-report').waitFor({ state: 'visible' });
      expect(await page.locator('.assessment-report').innerText()).toBe(reportText);

      // A bad file: a clear message, the form left as it was.
      await page.goto(site('/en/self-assessment/'));
      await page.setInputFiles('#answers-file', { name: 'answers.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something else"}') });
      await page.click('.upload-form button');
      await page.locator('[data-upload-message].upload-error').waitFor({ state: 'visible' });
      expect(await page.locator('[data-upload-message]').innerText()).toBe(t('assessment.upload.not-answers'));
      expect(await page.isChecked(`input[name="${plan.notMet}"][value="not-assessed"]`)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('has no axe violation on the form and the report, in en and ar', async () => {
    const plan = plannedAnswers();
    const query = new URLSearchParams([[plan.notMet, 'not-met'], ...plan.met.map((k) => [k, 'met']), [`note.${plan.noteQuestion}`, plan.note]]);
    const session = await openPage();
    try {
      const violations: string[] = [];
      for (const locale of ['en', 'ar']) {
        for (const path of [`/${locale}/self-assessment/`, `/${locale}/self-assessment/report/?${query}`]) {
          const response = await session.page.goto(site(path));
          expect(response?.status(), path).toBe(200);
          if (path.includes('/report/')) await session.page.locator('.assessment-report').waitFor({ state: 'visible' });
          const results = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
          for (const v of results.violations) violations.push(`${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        }
      }
      expect(violations).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);
});

describe('server mode without JavaScript', () => {
  const site = (path: string) => `${sites.server.url}${path}`;
  const origin = () => sites.server.url;

  it('answers a form-encoded POST like the GET, and never caches a report', async () => {
    const plan = plannedAnswers();
    const body = new URLSearchParams([[plan.notMet, 'not-met'], ...plan.met.map((k) => [k, 'met'])]);
    const posted = await fetch(site('/en/self-assessment/report/'), { method: 'POST', headers: { origin: origin(), 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(posted.status).toBe(200);
    const html = decode(await posted.text());
    expect(html).toContain(t('assessment.report.total', { met: plan.met.length, total: items().length }));
    expect(html).not.toMatch(/<script/i);
    // Another visitor's answers on the same URL: their own report.
    const none = decode(await (await fetch(site('/en/self-assessment/report/'))).text());
    expect(none).toContain(t('assessment.report.total', { met: 0, total: items().length }));
    const bad = decode(await (await fetch(site(`/en/self-assessment/report/?${encodeURIComponent(plan.notMet)}=perhaps`))).text());
    expect(bad).toContain(t('assessment.report.invalid'));
  });

  it('sends the answers as a JSON attachment', async () => {
    const plan = plannedAnswers();
    const response = await fetch(site(`/en/self-assessment/answers.json?${encodeURIComponent(plan.notMet)}=not-met&note.${plan.noteQuestion}=hello`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="self-assessment.json"');
    expect(await response.json()).toMatchObject({ format: ANSWERS_FILE_FORMAT, locale: 'en', assessment: { [plan.notMet]: 'not-met' }, notes: { [plan.noteQuestion]: 'hello' } });
  });

  it('re-renders the form from an uploaded file, and refuses bad or large files with a message', async () => {
    const plan = plannedAnswers();
    const upload = (content: string) => {
      const form = new FormData();
      form.append('answers', new Blob([content], { type: 'application/json' }), 'answers.json');
      return fetch(site('/en/self-assessment/'), { method: 'POST', headers: { origin: origin() }, body: form });
    };
    const good = await upload(JSON.stringify({ format: ANSWERS_FILE_FORMAT, version: 1, assessment: { [plan.notMet]: 'not-met' } }));
    expect(good.status).toBe(200);
    expect(decode(await good.text())).toMatch(new RegExp(`name="${plan.notMet.replace(/\./g, '\\.')}" value="not-met" checked`));
    const unknown = await upload(JSON.stringify({ format: ANSWERS_FILE_FORMAT, version: 1, assessment: { 'no.such.item': 'met' } }));
    expect(unknown.status).toBe(400);
    expect(decode(await unknown.text())).toContain(t('assessment.upload.unknown-keys', { key: 'no.such.item' }));
    const notJson = await upload('hello');
    expect(notJson.status).toBe(400);
    expect(decode(await notJson.text())).toContain(t('assessment.upload.not-json'));
    const large = await upload('x'.repeat(MAX_ANSWERS_FILE_BYTES + 10));
    expect(large.status).toBe(413);
    expect(decode(await large.text())).toContain(t('assessment.upload.too-large'));
  });
});

describe('static mode', () => {

  it('loads its one script (≤ 15 KB compressed) on the two self-assessment pages only', () => {
    // The self-assessment's script is the one its form page loads; the build's other scripts are
    // the list pages' search (static-search-checks.ts) and the submit pages' (below), and no
    // other page may load this one.
    const { own, compressed, loadedBy } = scriptOfPage(join('en', 'self-assessment', 'index.html'));
    expect(compressed).toBeLessThanOrEqual(15 * 1024);
    expect(loadedBy).toEqual(['{locale}/self-assessment/index.html', '{locale}/self-assessment/report/index.html']);
    for (const file of htmlFiles(staticOut).filter((f) => f.includes('self-assessment'))) {
      const html = readFileSync(file, 'utf8');
      expect(html.match(/<script\b[^>]*>/g), file).toEqual([`<script type="module" src="/_astro/${own}">`]);
    }
  });

  it('says what the report needs without JavaScript', async () => {
    const session = await openPage({ javaScriptEnabled: false });
    try {
      await session.page.goto(`${sites.static.url}/en/self-assessment/report/?x=met`);
      expect(await session.page.locator('main').innerText()).toContain(t('assessment.needsScript'));
      expect(await session.page.locator('.assessment-report').isVisible()).toBe(false);
    } finally {
      await session.close();
    }
  });
});

describe('static mode: proposing a practice from a report', () => {
  const site = (path: string) => `${sites.static.url}${path}`;
  const PROPOSAL = { title: 'Static proposal: a language café', organisation: 'Café Babel', summary: 'Weekly conversation evenings.', contactName: 'Ana Static', contactEmail: 'ana.static@example.org' };

  /** A browser page that fails the test on a script error or a CSP violation. */
  async function watchedPage(options: Parameters<typeof openPage>[0] = {}) {
    const session = await openPage(options);
    const problems: string[] = [];
    session.page.on('pageerror', (error) => problems.push(error.message));
    session.page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    return { ...session, problems };
  }

  it('loads the submit script on the form, thanks and status pages only, and the form still posts without it', () => {
    const { compressed, loadedBy } = scriptOfPage(join('en', 'submit', 'index.html'));
    expect(compressed).toBeLessThanOrEqual(4 * 1024);
    expect(loadedBy).toEqual(['{locale}/submit/index.html', '{locale}/submit/status/index.html', '{locale}/submit/thanks/index.html']);
    const formHtml = readFileSync(join(staticOut, 'en', 'submit', 'index.html'), 'utf8');
    expect(formHtml).toMatch(new RegExp(`<form class="submit-form" method="post" action="${cms.url}/api/good-practices/submissions"`));
    expect(readFileSync(join(staticOut, '_redirects'), 'utf8')).toContain('/ar/submit/status/* /ar/submit/status/ 200');
  });

  it('pre-fills the report\'s states, shows the CMS\'s way back with the messages and what was typed, then the reference and the status', async () => {
    const plan = plannedAnswers();
    const session = await watchedPage();
    try {
      const { page } = session;
      const query = new URLSearchParams([...plan.met.map((k) => [k, 'met']), [plan.notMet, 'not-met']]);
      await page.goto(site(`/en/self-assessment/report/?${query}`));
      await page.locator('.assessment-report').waitFor({ state: 'visible' });
      await Promise.all([page.waitForURL(/\/en\/submit\/\?/), page.click('a[data-link="propose"]')]);
      expect(await page.isChecked(`input[name="${plan.notMet}"][value="not-met"]`)).toBe(true);
      expect(await page.isChecked(`input[name="${plan.met[0]}"][value="met"]`)).toBe(true);
      expect(await page.locator(`details:has(input[name="${plan.met[0]}"])`).getAttribute('open')).not.toBeNull();
      expect(await page.locator('[data-form-errors]').isVisible()).toBe(false);

      // Sent at once: the minimum fill time counts from when this page was shown (the script's
      // started_at), not from the build, so the CMS sends the form back with its message.
      await page.fill('#f-title', PROPOSAL.title);
      await page.fill('#f-organisation', PROPOSAL.organisation);
      await page.fill('#f-summary', PROPOSAL.summary);
      await page.fill('#f-contactName', PROPOSAL.contactName);
      await page.fill('#f-contactEmail', PROPOSAL.contactEmail);
      await page.check('#f-consent');
      await Promise.all([page.waitForURL((url) => url.pathname === '/en/submit/' && url.searchParams.has('errors')), page.click('.submit-form button[type="submit"]')]);
      const summary = page.locator('[data-form-errors]');
      await summary.waitFor({ state: 'visible' });
      expect(await summary.innerText()).toContain(t('submit.error.too-fast'));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-errors');
      expect(await page.inputValue('#f-title')).toBe(PROPOSAL.title);
      expect(await page.inputValue('#f-summary')).toBe(PROPOSAL.summary);
      expect(await page.inputValue('#f-contactEmail')).toBe(PROPOSAL.contactEmail);
      expect(await page.isChecked('#f-consent')).toBe(true);
      expect(await page.isChecked(`input[name="${plan.notMet}"][value="not-met"]`)).toBe(true);

      await page.waitForTimeout(3_200);
      await Promise.all([page.waitForURL(/\/en\/submit\/thanks\/\?/), page.click('.submit-form button[type="submit"]')]);
      const reference = page.locator('[data-thanks="reference"] strong');
      await reference.waitFor({ state: 'visible' });
      expect(await reference.innerText()).toMatch(REFERENCE_PATTERN);
      const ref = await reference.innerText();
      const statusLink = page.locator('[data-thanks="status"] a');
      expect(await statusLink.getAttribute('href')).toMatch(/^\/en\/submit\/status\/[A-Za-z0-9_-]{43}\/$/);
      expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');

      await Promise.all([page.waitForURL(/\/en\/submit\/status\/[A-Za-z0-9_-]{43}\/$/), statusLink.click()]);
      await page.locator('[data-status-part="found"]').waitFor({ state: 'visible' });
      expect(await page.locator('[data-status-reference]').innerText()).toBe(ref);
      expect(await page.locator('[data-status-state]').innerText()).toBe(t('submit.status.submitted'));
      expect(await page.locator('[data-status-part="loading"]').isVisible()).toBe(false);

      // The proposal is a draft in the CMS (only), with the states of the report.
      const rows = (await cms.strapi.db.query('plugin::good-practices.practice' as never).findMany({ where: { submissionReference: ref } })) as { publishedAt: string | null; assessment: unknown }[];
      expect(rows.map((row) => row.publishedAt)).toEqual([null]);
      const assessment = typeof rows[0]!.assessment === 'string' ? JSON.parse(rows[0]!.assessment) : rows[0]!.assessment;
      expect(assessment).toEqual({ ...Object.fromEntries(plan.met.map((k) => [k, 'met'])), [plan.notMet]: 'not-met' });
      expect(session.problems).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);

  it('shows the CMS\'s message beside each field it names, described by it', async () => {
    const session = await watchedPage();
    try {
      const { page } = session;
      await page.goto(site('/ar/submit/?errors=title:required;contactEmail:invalid;nonsense:required;consent:consent&organisation=Org&contactEmail=not-an-address'));
      await page.locator('[data-form-errors]').waitFor({ state: 'visible' });
      const tAr = createTranslator((await api.site('ar'))?.labels);
      expect(await page.locator('#form-errors li').allInnerTexts()).toEqual([tAr('submit.error.required'), tAr('submit.error.invalid'), tAr('submit.error.consent')]);
      expect(await page.locator('#f-title-error').innerText()).toBe(tAr('submit.error.required'));
      expect(await page.getAttribute('#f-title', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#f-contactEmail', 'aria-describedby')).toBe('f-contactEmail-error');
      expect(await page.locator('#f-summary-error').isVisible()).toBe(false);
      expect(await page.getAttribute('#f-summary', 'aria-invalid')).toBeNull();
      expect(await page.inputValue('#f-organisation')).toBe('Org');
      const axe = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      expect(session.problems).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('says when a status link names no proposal, and when the CMS cannot be reached', async () => {
    const session = await watchedPage();
    try {
      const { page } = session;
      await page.goto(site(`/en/submit/status/${'Q'.repeat(43)}/`));
      await page.locator('[data-status-part="unknown"]').waitFor({ state: 'visible' });
      expect(await page.locator('[data-status-part="found"]').isVisible()).toBe(false);
      await page.goto(site('/en/submit/status/not-a-token/'));
      await page.locator('[data-status-part="unknown"]').waitFor({ state: 'visible' });
      // The CMS's answer never arrives (the browser's request fails).
      await page.route('**/api/good-practices/submissions/status/**', (route) => route.abort('connectionrefused'));
      await page.goto(site(`/ar/submit/status/${'Q'.repeat(43)}/`));
      await page.locator('[data-status-part="unreachable"]').waitFor({ state: 'visible' });
      // The browser logs the CMS's 404 and the refused request: those are the point here; nothing else.
      expect(session.problems.filter((problem) => !problem.startsWith('Failed to load resource'))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('has no axe violation on the thanks and status pages in English and Arabic; without JavaScript they say what they need', async () => {
    const session = await watchedPage();
    try {
      for (const locale of ['en', 'ar']) {
        for (const path of [`/${locale}/submit/thanks/?ref=GP-ABCD-1234&token=${'Q'.repeat(43)}`, `/${locale}/submit/status/${'Q'.repeat(43)}/`]) {
          await session.page.goto(site(path));
          await session.page.locator('[data-thanks="status"], [data-status-part="unknown"]').first().waitFor({ state: 'visible' });
          const axe = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
          expect(axe.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
        }
      }
    } finally {
      await session.close();
    }
    const noScript = await openPage({ javaScriptEnabled: false });
    try {
      await noScript.page.goto(site(`/en/submit/status/${'Q'.repeat(43)}/`));
      expect(await noScript.page.locator('main').innerText()).toContain(t('submit.status.needsScript'));
      await noScript.page.goto(site(`/en/submit/thanks/?ref=GP-ABCD-1234&token=${'Q'.repeat(43)}`));
      expect(await noScript.page.locator('main').innerText()).toContain(t('submit.thanks.static'));
      expect(await noScript.page.locator('[data-thanks="reference"]').isVisible()).toBe(false);
    } finally {
      await noScript.close();
    }
  });
});

describe('both modes', () => {
  it('render the same report for the same link, printable without the page chrome', async () => {
    const plan = plannedAnswers();
    const query = new URLSearchParams([[plan.notMet, 'not-met'], ...plan.met.map((k) => [k, 'met']), [`note.${plan.noteQuestion}`, plan.note], [items()[items().length - 1]!, 'not-met']]);
    const texts: string[] = [];
    const session = await openPage();
    try {
      for (const mode of ['server', 'static'] as const) {
        await session.page.goto(`${sites[mode].url}/ar/self-assessment/report/?${query}`);
        const report = session.page.locator('.assessment-report');
        await report.waitFor({ state: 'visible' });
        texts.push(await report.innerText());
        await session.page.emulateMedia({ media: 'print' });
        for (const selector of ['.main-nav', '.report-actions', '.site-footer', '.language-switcher', '.report-print']) {
          expect(await session.page.locator(selector).isVisible(), `${mode} print ${selector}`).toBe(false);
        }
        expect(await session.page.locator('[data-total]').isVisible()).toBe(true);
        await session.page.emulateMedia({ media: 'screen' });
      }
    } finally {
      await session.close();
    }
    expect(texts[1]).toBe(texts[0]);
  });
});
