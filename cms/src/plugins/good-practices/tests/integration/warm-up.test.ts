/**
 * The read models built again right after a write (server/src/read-model/warm-up.ts,
 * CACHE_WARM_UP): after a publish, once the warm-up has run, the requests a static build and a
 * visitor make first (versions, insights of every prerendered filter, item suggestions, tools)
 * send no query but the per-request generation check, and answer the new content. With the
 * warm-up off (the same instance, its setting changed), the same requests read the database.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceVersionsResponse, type PracticeSummary } from '../../contract';
import { parseWarmUp } from '../../server/src/read-model/warm-up-setting';
import { GENERATION_TABLE } from '../../server/src/read-model/stored-generation';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { createPractice, documents, PRACTICE } from '../support/practices';
import { countQueries } from '../support/query-counter';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

// The module Strapi runs (its state is per module instance), not the source's.
const { warmUpState } = createRequire(import.meta.url)('../../dist/server/src/read-model/warm-up.js') as typeof import('../../server/src/read-model/warm-up');

let app: RunningStrapi;
let changed: string;

/** Waits until no warm-up is scheduled or running, and at least `done` have finished. */
async function warmUpSettled(done: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (warmUpState(app.strapi).busy || warmUpState(app.strapi).done < done) {
    if (Date.now() > deadline) throw new Error(`the warm-up did not settle: ${JSON.stringify(warmUpState(app.strapi))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first requests after a write, with the SQL they sent (the generation check left out). */
async function firstRequests(): Promise<{ queries: string[]; summaries: PracticeSummary[] }> {
  const paths = ['en', 'cs'].flatMap((locale) => [
    `${apiPaths.practiceVersions}?locale=${locale}`,
    `${apiPaths.insights}?locale=${locale}`,
    `${apiPaths.insights}?locale=${locale}&country=DE`,
    `${apiPaths.itemSuggestions}?locale=${locale}`,
    `${apiPaths.tools}?locale=${locale}`,
  ]);
  const { queries } = await countQueries(app.strapi, async () => {
    for (const path of paths) expect((await getJson(`${app.url}${path}`)).status, path).toBe(200);
  });
  const { body } = await getJson<{ data: PracticeSummary[] }>(`${app.url}${apiPaths.practices}?locale=en&pageSize=100`);
  return { queries: queries.filter((sql) => !sql.includes(GENERATION_TABLE)), summaries: body.data };
}

beforeAll(async () => {
  app = await bootStrapi({ env: { CACHE_WARM_UP: '50' } });
  await ensureLocales(app.strapi, ['cs']);
  changed = (await createPractice(app.strapi, { title: 'Alder language café' })).documentId;
  await createPractice(app.strapi, { title: 'Beech mentoring', country: 'AT' });
  await warmUpSettled(1);
});

afterAll(async () => {
  await app?.stop();
});

describe('the warm-up after a write', () => {
  it('builds what the first requests after a publish read, with the published change', async () => {
    const before = warmUpState(app.strapi).done;
    await documents(app.strapi, PRACTICE).update({ documentId: changed, locale: 'en', data: { summary: 'Warmed summary.' } });
    await documents(app.strapi, PRACTICE).publish({ documentId: changed, locale: 'en' });
    await warmUpSettled(before + 1);

    const { queries, summaries } = await firstRequests();
    expect(queries).toEqual([]);
    expect(summaries.find((summary) => summary.documentId === changed)?.summary).toBe('Warmed summary.');
    const versions = practiceVersionsResponse.parse((await getJson(`${app.url}${apiPaths.practiceVersions}?locale=en`)).body);
    expect(versions.data.map((version) => version.documentId)).toContain(changed);
  });

  it('does nothing when off: the first requests after a publish read the database', async () => {
    app.strapi.config.set('plugin::good-practices.warmUp', 'off');
    try {
      const before = warmUpState(app.strapi).done;
      await documents(app.strapi, PRACTICE).update({ documentId: changed, locale: 'en', data: { summary: 'Cold summary.' } });
      await documents(app.strapi, PRACTICE).publish({ documentId: changed, locale: 'en' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(warmUpState(app.strapi)).toEqual({ done: before, busy: false });

      const { queries, summaries } = await firstRequests();
      expect(queries.length).toBeGreaterThan(0);
      expect(summaries.find((summary) => summary.documentId === changed)?.summary).toBe('Cold summary.');
    } finally {
      app.strapi.config.set('plugin::good-practices.warmUp', '50');
    }
  });

  it('refuses a setting that is neither off nor a delay', () => {
    expect(parseWarmUp('off')).toBeNull();
    expect(parseWarmUp(' 500 ')).toBe(500);
    for (const bad of ['', 'on', '-1', '1.5', '600000']) expect(() => parseWarmUp(bad), bad).toThrow(/CACHE_WARM_UP must be "off" or a number of milliseconds/);
  });
});
