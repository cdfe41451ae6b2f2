/**
 * Changing the framework later (rewording, retiring or deleting an item or a question) never
 * corrupts existing practices: stored keys the framework no longer offers are kept and reported,
 * a write that keeps them is accepted, and only keys a write introduces (or changes) must be
 * active items of the current framework.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiPaths, practiceResponse } from '../../contract';
import { type AdminSession, loginAsEditor } from '../support/role-session';
import { expectRejected, fieldsOf } from '../support/errors';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { CHECKLIST_ITEM, createPractice, documentIdByKey, documents, PRACTICE, practiceData, QUESTION, storedVersions } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

interface UnknownKeysEntry {
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  assessmentKeys: string[];
  questionKeys: string[];
}

const RETIRED = 'inclusivity.accessible-services.2';
const DELETED = 'relevance.migrant-needs.1';
const DELETED_QUESTION = 'partnership.policy-improvement';

let app: RunningStrapi;
let editor: AdminSession;
let documentId: string;
const slug = 'steady-practice';
const assessment = { 'inclusivity.accessible-services.1': 'met', [RETIRED]: 'not-met', [DELETED]: 'met', [`${DELETED_QUESTION}.1`]: 'met' };
const answers = [
  { questionKey: 'inclusivity.accessible-services', body: 'Accessible.', tools: [] },
  { questionKey: DELETED_QUESTION, body: 'We advise the city council.', tools: [] },
];

const practices = () => documents(app.strapi, PRACTICE);
const report = () => (app.strapi.plugin('good-practices').service('unknown-keys') as { reportUnknownKeys(): Promise<UnknownKeysEntry[]> }).reportUnknownKeys();

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs']);
  editor = await loginAsEditor(app.strapi, app.url);
  const practice = await createPractice(app.strapi, { slug, title: 'Steady practice', assessment, answers });
  documentId = practice.documentId;
  await practices().update({ documentId, locale: 'cs', data: { title: 'Stálá praxe', slug: 'stala-praxe', answers: [] } });
  await practices().publish({ documentId, locale: 'cs' });

  // The framework changes: one item retired (and the retirement published), one item deleted,
  // one question deleted with its items.
  const { strapi } = app;
  const retired = await documentIdByKey(strapi, CHECKLIST_ITEM, RETIRED);
  await documents(strapi, CHECKLIST_ITEM).update({ documentId: retired, locale: 'en', data: { retired: true } });
  await documents(strapi, CHECKLIST_ITEM).publish({ documentId: retired, locale: 'en' });
  await documents(strapi, CHECKLIST_ITEM).delete({ documentId: await documentIdByKey(strapi, CHECKLIST_ITEM, DELETED), locale: '*' });
  for (const key of [`${DELETED_QUESTION}.1`, `${DELETED_QUESTION}.2`]) {
    await documents(strapi, CHECKLIST_ITEM).delete({ documentId: await documentIdByKey(strapi, CHECKLIST_ITEM, key), locale: '*' });
  }
  await documents(strapi, QUESTION).delete({ documentId: await documentIdByKey(strapi, QUESTION, DELETED_QUESTION), locale: '*' });
});

afterAll(async () => {
  await app?.stop();
});

describe('after retiring and deleting framework entries', () => {
  it('keeps the stored values untouched', async () => {
    for (const version of await storedVersions(app.strapi, documentId)) expect(version.assessment).toEqual(assessment);
  });

  it('accepts writes that keep outdated keys, through the document service and the admin, and warns', async () => {
    const warn = vi.spyOn(app.strapi.log, 'warn');
    await practices().update({ documentId, locale: 'en', data: { title: 'Steady practice, renamed', assessment, answers } });
    expect(warn.mock.calls.flat().join(' ')).toMatch(new RegExp(`keeps keys that are retired from or no longer in the criteria framework: .*assessment ${DELETED}.*answer ${DELETED_QUESTION}`));
    warn.mockRestore();

    const response = await editor.update(PRACTICE, documentId, 'en', practiceData({ slug, title: 'Steady practice', assessment, answers }));
    expect(response.status).toBe(200);
    for (const version of await storedVersions(app.strapi, documentId)) expect(version.assessment).toEqual(assessment);
  });

  it('rejects setting a retired item or changing an outdated one, and any new unknown key', async () => {
    const retired = await expectRejected(() => practices().update({ documentId, locale: 'en', data: { assessment: { ...assessment, [RETIRED]: 'met' } } }));
    expect(fieldsOf(retired.errors)).toEqual(['assessment']);
    expect(retired.message).toMatch(/has been retired/);

    // A practice that never had the retired item cannot start using it.
    const newlyRetired = await expectRejected(() => createPractice(app.strapi, { assessment: { [RETIRED]: 'not-met' } }));
    expect(newlyRetired.message).toMatch(/has been retired/);

    const changed = await expectRejected(() => practices().update({ documentId, locale: 'en', data: { assessment: { ...assessment, [DELETED]: 'not-met' } } }));
    expect(changed.message).toMatch(/no longer exists .* kept or removed, but not changed/);

    const unknown = await expectRejected(() => practices().update({ documentId, locale: 'en', data: { assessment: { ...assessment, 'relevance.migrant-needs.9': 'met' } } }));
    expect(unknown.message).toMatch(/no checklist item “relevance\.migrant-needs\.9”/);

    const newAnswer = await expectRejected(() =>
      practices().update({ documentId, locale: 'cs', data: { answers: [{ questionKey: DELETED_QUESTION, body: 'Nová odpověď.', tools: [] }] } }),
    );
    expect(fieldsOf(newAnswer.errors)).toEqual(['answers']);
  });

  it('reports the practices that keep outdated keys', async () => {
    const entries = await report();
    const en = entries.filter((entry) => entry.documentId === documentId && entry.locale === 'en');
    expect(en.map((entry) => entry.status).sort()).toEqual(['draft', 'published']);
    for (const entry of en) {
      expect(entry.assessmentKeys.sort()).toEqual([`${DELETED_QUESTION}.1`, DELETED].sort());
      expect(entry.questionKeys).toEqual([DELETED_QUESTION]);
    }
    // Retired items are part of the framework, not unknown.
    expect(JSON.stringify(entries)).not.toContain(RETIRED);
  });

  it('serves the practice without outdated or retired entries and scores the current framework only', async () => {
    await practices().publish({ documentId, locale: 'en' });
    const { data } = practiceResponse.parse((await getJson(`${app.url}${apiPaths.practice(slug)}`)).body);
    const keys = data.groups.flatMap((group) => group.questions.flatMap((question) => question.items.map((item) => item.key)));
    expect(keys).not.toContain(RETIRED);
    expect(keys).not.toContain(DELETED);
    expect(data.groups.flatMap((group) => group.questions.map((question) => question.key))).not.toContain(DELETED_QUESTION);
    expect(data.scores.find((score) => score.groupKey === 'inclusivity')).toMatchObject({ met: 1, notMet: 0, total: 8 });
    expect(data.scores.find((score) => score.groupKey === 'relevance')).toMatchObject({ met: 0, total: 10 });
  });

  it('lets an editor remove an outdated key', async () => {
    const { [DELETED]: _removed, ...rest } = assessment;
    await practices().update({ documentId, locale: 'cs', data: { assessment: rest } });
    // Every draft at once; the published versions when the practice is published.
    for (const version of await storedVersions(app.strapi, documentId)) expect(version.assessment).toEqual(version.publishedAt === null ? rest : assessment);
    await practices().publish({ documentId, locale: 'cs' });
    for (const version of await storedVersions(app.strapi, documentId)) expect(version.assessment).toEqual(rest);
  });
});
