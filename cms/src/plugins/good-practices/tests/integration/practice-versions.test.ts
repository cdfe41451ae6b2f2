/**
 * GET /practice-versions: what each locale's lists show, one entry per practice (the version
 * shown and a digest of its summary as the list serves it), for a copy that reads again only
 * what changed (the static build's sync, web/src/lib/cms/loaders/practices-sync.ts). Its answer
 * must follow the lists exactly: fallbacks, a new summary, an unpublished translation.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceVersionsResponse, type PracticeSummary, type PracticeVersion } from '../../contract';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, documents, PRACTICE } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
const ids: Record<string, string> = {};

const byDocumentId = (a: { documentId: string }, b: { documentId: string }) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);

/** The locale's list, as served (the raw JSON: its key order is what the digest is of). */
async function listed(locale: string): Promise<PracticeSummary[]> {
  const { status, body } = await getJson<{ data: PracticeSummary[] }>(`${app.url}${apiPaths.practices}?locale=${locale}&pageSize=100`);
  expect(status).toBe(200);
  return body.data;
}

async function versions(locale: string): Promise<PracticeVersion[]> {
  const { status, body } = await getJson(`${app.url}${apiPaths.practiceVersions}?locale=${locale}`);
  expect(status).toBe(200);
  const parsed = practiceVersionsResponse.parse(body);
  expect(parsed.meta.total).toBe(parsed.data.length);
  return parsed.data;
}

/** Each practice's version shown, as `locale/slug`. */
const shown = (list: readonly PracticeVersion[]) => new Map(list.map((v) => [v.documentId, `${v.locale}/${v.slug}`]));

/** What the versions must be: the list's entries, each with the SHA-1 of its JSON. */
async function expectedVersions(locale: string): Promise<PracticeVersion[]> {
  return (await listed(locale))
    .map((summary) => ({ documentId: summary.documentId, locale: summary.locale, slug: summary.slug, digest: createHash('sha1').update(JSON.stringify(summary)).digest('base64url') }))
    .sort(byDocumentId);
}

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  await ensureLocales(strapi, ['cs']);
  ids.englishOnly = (await createPractice(strapi, { title: 'Apple language café', slug: 'apple-cafe', summary: 'Conversation evenings.' })).documentId;
  ids.translated = (await createPractice(strapi, { title: 'Birch mentoring', slug: 'birch-mentoring', summary: 'Mentors for newcomers.' })).documentId;
  await documents(strapi, PRACTICE).update({ documentId: ids.translated, locale: 'cs', data: { title: 'Březový mentoring', slug: 'brezovy-mentoring', summary: 'Mentoři.' } });
  await documents(strapi, PRACTICE).publish({ documentId: ids.translated, locale: 'cs' });
  ids.czechOnly = (await createPractice(strapi, { title: 'Čáp zahrada', slug: 'cap-zahrada', summary: 'Zahrada.' }, { locale: 'cs' })).documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('the practice versions of a locale', () => {
  it('are its lists’ entries: the version shown (fallbacks included) and the digest of its summary as served', async () => {
    // Every published practice, in the first language of the chain that has it (a Czech-only one in Czech).
    const english = await versions('en');
    expect(shown(english)).toEqual(
      new Map([
        [ids.englishOnly, 'en/apple-cafe'],
        [ids.translated, 'en/birch-mentoring'],
        [ids.czechOnly, 'cs/cap-zahrada'],
      ]),
    );
    expect(english.map((v) => v.documentId)).toEqual([...english].sort(byDocumentId).map((v) => v.documentId));
    expect(english).toEqual(await expectedVersions('en'));
    const czech = await versions('cs');
    expect(shown(czech)).toEqual(
      new Map([
        [ids.englishOnly, 'en/apple-cafe'],
        [ids.translated, 'cs/brezovy-mentoring'],
        [ids.czechOnly, 'cs/cap-zahrada'],
      ]),
    );
    expect(czech).toEqual(await expectedVersions('cs'));
  });

  it('change with the summary of the practice written, in every locale that shows it, and only its', async () => {
    const before = { en: await versions('en'), cs: await versions('cs') };
    await documents(app.strapi, PRACTICE).update({ documentId: ids.englishOnly, locale: 'en', data: { summary: 'Conversation evenings, twice a week.' } });
    await documents(app.strapi, PRACTICE).publish({ documentId: ids.englishOnly, locale: 'en' });
    for (const locale of ['en', 'cs'] as const) {
      const after = await versions(locale);
      expect(after, locale).toEqual(await expectedVersions(locale));
      const changed = after.filter((version) => before[locale].find((old) => old.documentId === version.documentId)?.digest !== version.digest).map((v) => v.documentId);
      expect(changed, locale).toEqual([ids.englishOnly]);
    }
  });

  it('show the next language of the chain once a translation is unpublished', async () => {
    await documents(app.strapi, PRACTICE).unpublish({ documentId: ids.translated, locale: 'cs' });
    const czech = await versions('cs');
    expect(czech.find((v) => v.documentId === ids.translated)).toMatchObject({ locale: 'en', slug: 'birch-mentoring' });
    expect(czech).toEqual(await expectedVersions('cs'));
  });
});
