/**
 * Translators see what visitors will see (issue 11, item 4) in the REAL admin panel, in Chromium,
 * logged in with the Translator role (Czech): the edit view of a partial Czech translation (title,
 * slug and summary, as a partial XLIFF file gives) says in its side panel how many answers and
 * which fields visitors will read in English, in a status region that passes axe; the
 * Translations page lists the practice under "Incomplete", linked to its Czech edit view.
 */
import AxeBuilder from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAdminTest, createTranslator, editViewUrl, ensureAdminPanelBuilt, openAdminPage } from '../../../web/tests/helpers/admin-panel.ts';
import { AXE_TAGS } from '../../../web/tests/helpers/axe.ts';
import type { BrowserSession } from '../../../web/tests/helpers/browser.ts';
import { seedDemoContent } from '../../scripts/seed-demo.ts';
import { startStrapi, type RunningStrapi } from '../harness/strapi.ts';

const PRACTICE = 'plugin::good-practices.practice';
const TITLE = 'Orchard mentoring for newcomers';

interface LooseDocuments {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
}

let cms: RunningStrapi;
let session: BrowserSession;
let page: Page;
let documentId: string;

beforeAll(async () => {
  await ensureAdminPanelBuilt();
  cms = await startStrapi({ serveAdminPanel: true });
  await seedDemoContent(cms.strapi);
  const practices = cms.strapi.documents(PRACTICE as never) as unknown as LooseDocuments;
  const answer = (questionKey: string, body: string) => ({ questionKey, body, tools: [] });
  ({ documentId } = await practices.create({
    locale: 'en',
    status: 'published',
    data: {
      title: TITLE,
      slug: `orchard-${randomBytes(3).toString('hex')}`,
      summary: 'Mentors meet newcomers in orchards.',
      objectives: 'Friendships that last.',
      funding: 'The city.',
      country: 'DE',
      answers: [
        answer('inclusivity.accessible-services', 'Open to all.'),
        answer('inclusivity.receiving-society', 'Neighbours join.'),
        answer('inclusivity.beneficiary-involvement', 'Newcomers lead walks.'),
      ],
    },
  }));
  await practices.update({
    documentId,
    locale: 'cs',
    data: { title: 'Mentoring v sadech', slug: `sady-${randomBytes(3).toString('hex')}`, summary: 'Mentoři v sadech.', answers: [answer('inclusivity.accessible-services', 'Otevřeno všem.')] },
  });
  await practices.publish({ documentId, locale: 'cs' });
  const translator = await createTranslator(cms.strapi, ['cs']);
  session = await openAdminPage(cms.url, translator);
  page = session.page;
}, 600_000);

afterAll(() => closeAdminTest(session, cms));

describe('a translator and a partial translation', () => {
  it('is told in the edit view what visitors will read in English, without being stopped', async () => {
    await page.goto(editViewUrl(cms.url, PRACTICE, documentId, 'cs'));
    const notice = page.getByTestId('translation-notice').getByRole('status');
    await notice.waitFor({ timeout: 60_000 });
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('2 of 3 answers are not translated: visitors will read them in English.');
    expect(await notice.textContent()).toContain('Funding and Objectives are not translated: visitors will read them in English.');
    expect(await notice.textContent()).toContain('You can still save and publish.');
    // Not a refusal: the save check has nothing against these values.
    await page.getByText('Nothing here would stop the save.').waitFor();

    const axe = await new AxeBuilder({ page }).include('[data-testid="translation-notice"]').withTags([...AXE_TAGS]).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('is shown the practice as incomplete on the Translations page, linked to its Czech edit view', async () => {
    await page.getByRole('link', { name: 'Translations' }).click();
    await page.getByRole('heading', { name: 'Translations', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Incomplete' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('show'), { timeout: 30_000 }).toBe('incomplete');
    const table = page.getByRole('region', { name: 'Practices' }).getByRole('grid', { name: 'Practices to translate into Czech (cs)' });
    const link = table.getByRole('link', { name: new RegExp(TITLE) });
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/admin/content-manager/collection-types/plugin::good-practices\\.practice/${documentId}\\?plugins\\[i18n\\]\\[locale\\]=cs$`));
  });
});
