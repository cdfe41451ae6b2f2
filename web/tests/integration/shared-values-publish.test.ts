/**
 * The site and the values a practice shares across its languages (assessment, website, country…),
 * against the REAL CMS (in-process, on its project's database, demo content) and the site in server mode wired as
 * in production (the CMS calls the site's signed webhook itself):
 *
 * - a draft edit of shared values in one language shows on no page of the site, in any language;
 * - publishing that language changes the pages of the *other* published languages too, on their
 *   next view: the CMS tells the site about each of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceResponse } from 'strapi-plugin-good-practices/contract';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { freePort, serveServer, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';

const SECRET = 'shared-values-revalidate-secret';
const PRACTICE_UID = 'plugin::good-practices.practice';
/** A practice of the demo content, published in every demo language. */
const DEMO_SLUG = 'migracode';
const DRAFT_WEBSITE = 'https://draft-only.example.org/shared';

const serverOut = SHARED_SERVER_OUT;

interface Documents {
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
  findFirst(params: Record<string, unknown>): Promise<(Record<string, unknown> & { documentId: string }) | null>;
}

let cms: RunningStrapi;
let site: Awaited<ReturnType<typeof serveServer>>;
let documentId: string;
/** Slug of the demo practice per published language. */
let slugs: Map<string, string>;
let draftAssessment: Record<string, string>;
/** Checklist items the published practice does not meet. */
let publishedNotMet: number;

const practices = (): Documents => cms.strapi.documents(PRACTICE_UID as never) as unknown as Documents;

beforeAll(async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const build = sharedServerBuild();
  cms = await startStrapi({ env: { SITE_REVALIDATE_URL: `${origin}/api/revalidate`, REVALIDATE_SECRET: SECRET } });
  const built = await build;
  if (built.code !== 0) throw new Error(`server build failed:\n${built.output}`);
  site = await serveServer(serverOut, { CMS_URL: cms.url, REVALIDATE_SECRET: SECRET }, port);
  await seedDemoContent(cms.strapi);

  const response = await fetch(`${cms.url}${apiPaths.practice(DEMO_SLUG)}?locale=en`);
  const practice = practiceResponse.parse(await response.json()).data;
  documentId = practice.documentId;
  slugs = new Map(practice.locales.map((entry) => [entry.locale, entry.slug]));
  publishedNotMet = practice.groups.flatMap((group) => group.questions.flatMap((question) => question.items)).filter((item) => item.state === 'not-met').length;
  if (slugs.size < 2) throw new Error(`the demo practice ${DEMO_SLUG} is published in ${slugs.size} language(s); the test needs two`);
  // Every item the practice meets, turned to "not met" in the draft.
  const stored = await practices().findFirst({ locale: 'en', status: 'draft', filters: { documentId } });
  draftAssessment = Object.fromEntries(Object.keys((stored?.assessment ?? {}) as Record<string, string>).map((key) => [key, 'not-met']));
});

afterAll(async () => {
  await site?.close();
  await cms?.stop();
});

async function page(locale: string): Promise<string> {
  const response = await fetch(`${site.url}/${locale}/practices/${encodeURIComponent(slugs.get(locale)!)}/`);
  expect(response.status, `/${locale}/practices/${slugs.get(locale)}`).toBe(200);
  return response.text();
}

const notMetItems = (html: string): number => html.split('class="item item-not-met"').length - 1;

describe('shared values on the site', () => {
  it('a draft edit in one language shows on no page, in any language', async () => {
    const other = [...slugs.keys()].find((locale) => locale !== 'en')!;
    await practices().update({ documentId, locale: other, data: { website: DRAFT_WEBSITE, assessment: draftAssessment } });
    // No page was viewed before: each is rendered from the CMS now, not from the site's cache.
    for (const locale of slugs.keys()) {
      const html = await page(locale);
      expect(html, locale).not.toContain(DRAFT_WEBSITE);
      expect({ locale, notMet: notMetItems(html) }).toEqual({ locale, notMet: publishedNotMet });
    }
  });

  it('publishing that language refreshes the pages of every other published language', async () => {
    const other = [...slugs.keys()].find((locale) => locale !== 'en')!;
    await practices().publish({ documentId, locale: other });
    for (const locale of slugs.keys()) {
      // Once the CMS's webhooks have reached the site (cached pages last minutes otherwise);
      // generous, as this machine's cores are shared.
      await expect.poll(() => page(locale), { timeout: 30_000, interval: 100, message: `${locale} shows the published website` }).toContain(`href="${DRAFT_WEBSITE}"`);
      const html = await page(locale);
      expect({ locale, notMet: notMetItems(html) }).toEqual({ locale, notMet: Object.keys(draftAssessment).length });
    }
  });
});
