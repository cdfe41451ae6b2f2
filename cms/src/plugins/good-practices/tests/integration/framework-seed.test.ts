/**
 * The criteria framework, starter taxonomies and site texts are seeded on first boot from the
 * plugin's data, key by key and only where absent: a second boot on the same database creates
 * nothing, keeps editors' changes, does not revive what they deleted, and adds keys that appear
 * in the data later.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, frameworkResponse } from '../../contract';
import springFramework from '../../server/src/framework/spring-framework.json';
import { getJson } from '../support/http';
import { CHECKLIST_ITEM, CRITERIA_GROUP, documentIdByKey, documents, INTEGRATION_AREA, QUESTION, SITE, TARGET_GROUP } from '../support/practices';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

/** The compiled seeding code, as Strapi loaded it (same CommonJS module cache). */
const requireDist = createRequire(import.meta.url);
type FrameworkData = typeof springFramework;
const { seedFramework } = requireDist('../../dist/server/src/seed/framework-seed.js') as {
  seedFramework: (strapi: RunningStrapi['strapi'], framework: FrameworkData) => Promise<{ locale: string; created: string[] }>;
};

const dataItems = springFramework.groups.flatMap((group) => group.questions.flatMap((question) => question.items));
const dataQuestions = springFramework.groups.flatMap((group) => group.questions);

let first: RunningStrapi | undefined;
let second: RunningStrapi | undefined;

/** English entries: their published versions (what is seeded), each with its draft. */
async function count(app: RunningStrapi, uid: string): Promise<number> {
  const [published, drafts] = await Promise.all([
    app.strapi.db.query(uid).count({ where: { locale: 'en', publishedAt: { $notNull: true } } }),
    app.strapi.db.query(uid).count({ where: { locale: 'en', publishedAt: null } }),
  ]);
  expect(drafts, `${uid}: one draft per published entry`).toBe(published);
  return published;
}

async function frameworkOf(app: RunningStrapi) {
  return frameworkResponse.parse((await getJson(`${app.url}${apiPaths.framework}`)).body).data;
}

beforeAll(async () => {
  first = await bootStrapi({ keepDatabase: true });
});

afterAll(async () => {
  await first?.stop();
  await second?.stop();
});

describe('first boot', () => {
  it('seeds every group, question and checklist item of the data file, in order', async () => {
    const app = first!;
    expect(await count(app, CRITERIA_GROUP)).toBe(springFramework.groups.length);
    expect(await count(app, QUESTION)).toBe(dataQuestions.length);
    expect(await count(app, CHECKLIST_ITEM)).toBe(dataItems.length);
    expect([springFramework.groups.length, dataQuestions.length]).toEqual([5, 12]);

    const framework = await frameworkOf(app);
    expect(
      framework.groups.map((group) => ({
        key: group.key,
        order: group.order,
        title: group.title,
        questions: group.questions.map((question) => ({
          key: question.key,
          order: question.order,
          text: question.text,
          items: question.items.map((item) => ({ key: item.key, order: item.order, text: item.text })),
        })),
      })),
    ).toEqual(
      springFramework.groups.map((group) => ({
        key: group.key,
        order: group.order,
        title: group.title,
        questions: group.questions.map((question) => ({
          key: question.key,
          order: question.order,
          text: question.text,
          items: question.items.map((item) => ({ key: item.key, order: item.order, text: item.text })),
        })),
      })),
    );
  });

  it('seeds the starter taxonomies and the published English site texts', async () => {
    const app = first!;
    expect(await count(app, INTEGRATION_AREA)).toBe(8);
    expect(await count(app, TARGET_GROUP)).toBe(8);
    const site = await documents(app.strapi, SITE).findFirst({ locale: 'en', status: 'published' });
    expect(site?.siteName).toBe('Good practices for migrant integration');
  });

  it('lets editors change and delete seeded entries before the next boot', async () => {
    const { strapi } = first!;
    const inclusivity = await documentIdByKey(strapi, CRITERIA_GROUP, 'inclusivity');
    await documents(strapi, CRITERIA_GROUP).update({ documentId: inclusivity, locale: 'en', data: { title: 'Inclusion (edited)' } });
    await documents(strapi, CRITERIA_GROUP).publish({ documentId: inclusivity, locale: 'en' });
    await documents(strapi, CHECKLIST_ITEM).delete({ documentId: await documentIdByKey(strapi, CHECKLIST_ITEM, 'partnership.policy-improvement.2'), locale: '*' });
    await documents(strapi, INTEGRATION_AREA).delete({ documentId: await documentIdByKey(strapi, INTEGRATION_AREA, 'digital-skills'), locale: '*' });
    const site = await documents(strapi, SITE).findFirst({ locale: 'en' });
    await documents(strapi, SITE).update({ documentId: site!.documentId, locale: 'en', status: 'published', data: { siteName: 'Our practices' } });
  });
});

describe('second boot on the same database', () => {
  beforeAll(async () => {
    const database = sameDatabase(first!);
    await first!.stop();
    first = undefined;
    second = await bootStrapi({ databaseName: database });
  });

  it('creates nothing and keeps editors’ changes', async () => {
    const app = second!;
    expect(await count(app, CRITERIA_GROUP)).toBe(springFramework.groups.length);
    expect(await count(app, QUESTION)).toBe(dataQuestions.length);
    expect(await count(app, CHECKLIST_ITEM)).toBe(dataItems.length - 1);
    expect(await count(app, INTEGRATION_AREA)).toBe(7);
    expect(await count(app, SITE)).toBeGreaterThan(0);

    const framework = await frameworkOf(app);
    expect(framework.groups[0].title).toBe('Inclusion (edited)');
    expect(framework.groups.at(-1)?.questions.at(-1)?.items.map((item) => item.key)).toEqual(['partnership.policy-improvement.1']);
    const site = await documents(app.strapi, SITE).findFirst({ locale: 'en', status: 'published' });
    expect(site?.siteName).toBe('Our practices');
  });

  it('adds a key that appears in the data later, without touching existing entries', async () => {
    const { strapi } = second!;
    const extended = structuredClone(springFramework);
    const question = extended.groups[0].questions[0];
    question.items.push({ key: `${question.key}.5`, order: 5, text: 'Offer services at hours that suit working people.' });
    question.items[0].text = 'A rewording in the data file must not overwrite the stored text.';

    const result = await seedFramework(strapi, extended);
    expect(result.created).toEqual([`${question.key}.5`]);
    expect(await count(second!, CHECKLIST_ITEM)).toBe(dataItems.length);

    const framework = await frameworkOf(second!);
    const items = framework.groups[0].questions[0].items;
    expect(items.map((item) => item.key)).toEqual([1, 2, 3, 4, 5].map((n) => `${question.key}.${n}`));
    expect(items[0].text).toBe(springFramework.groups[0].questions[0].items[0].text);

    // Idempotent: seeding again creates nothing.
    expect((await seedFramework(strapi, extended)).created).toEqual([]);
  });
});
