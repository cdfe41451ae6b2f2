/**
 * The edit view's "check before saving" (POST /good-practices/practices/check) gives the same
 * verdict as a real save through the content manager, rule by rule, and writes nothing; the
 * practice schema's regexes (enforced by the admin before submitting) agree with the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_ROLE } from '../../contract/role-codes';
import type { PracticeCheckResponse } from '../../contract/admin-api';
import { sendJson } from '../support/http';
import { createPractice, PRACTICE, practiceData } from '../support/practices';
import { type AdminSession, loginWithRole, type StrapiErrorBody } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
let editor: AdminSession;

beforeAll(async () => {
  app = await bootStrapi();
  editor = await loginWithRole(app.strapi, app.url, EDITOR_ROLE.code);
});

afterAll(async () => {
  await app?.stop();
});

type Verdict = Record<string, string>;

async function check(payload: { documentId?: string; locale?: string; data: Record<string, unknown> }): Promise<Verdict> {
  const response = await editor.json('POST', '/good-practices/practices/check', payload);
  expect(response.status).toBe(200);
  const { problems } = (response.body as PracticeCheckResponse).data;
  // A refused save joins the messages of one field (rejection.ts); compare in that form.
  const verdict: Verdict = {};
  for (const problem of problems) verdict[problem.field] = verdict[problem.field] ? `${verdict[problem.field]} ${problem.message}` : problem.message;
  return verdict;
}

function saveVerdict(response: { status: number; body: unknown }): Verdict {
  if (response.status === 200 || response.status === 201) return {};
  expect(response.status).toBe(400);
  const errors = (response.body as StrapiErrorBody).error.details?.errors ?? [];
  return Object.fromEntries(errors.map((error) => [error.path.join('.'), error.message]));
}

async function practiceCount(): Promise<number> {
  return app.strapi.db.query(PRACTICE).count({});
}

describe('the save check gives the verdict of a real save', () => {
  const badNewPractices: [string, Record<string, unknown>][] = [
    ['a country that is no ISO code', { country: 'YU' }],
    ['a lowercase country', { country: 'de' }],
    ['a website that is not http(s)', { website: 'mailto:someone@example.org' }],
    ['a website without its slashes', { website: 'https:/example.org' }],
    ['an end before the start', { projectStart: '2022-01-01', projectEnd: '2021-12-31' }],
    ['an unknown checklist item', { assessment: { 'no.such.item': 'met' } }],
    ['a bad checklist state', { assessment: { 'inclusivity.accessible-services.1': 'yes' } }],
    [
      'two answers to one question',
      {
        answers: [
          { questionKey: 'inclusivity.accessible-services', body: 'a', tools: [] },
          { questionKey: 'inclusivity.accessible-services', body: 'b', tools: [] },
        ],
      },
    ],
    ['an answer to no question', { answers: [{ questionKey: 'nowhere.to-be-found', body: 'a', tools: [] }] }],
    ['a slug with capitals', { slug: 'Not-A-Slug' }],
    ['several problems at once', { country: 'EU', website: 'ftp://example.org', projectStart: '2022-01-01', projectEnd: '2020-01-01' }],
  ];

  it.each(badNewPractices)('new practice with %s: same fields and messages, nothing written by the check', async (_, overrides) => {
    const data = practiceData(overrides);
    const before = await practiceCount();
    const checked = await check({ locale: 'en', data });
    expect(await practiceCount()).toBe(before);
    expect(Object.keys(checked).length).toBeGreaterThan(0);
    expect(saveVerdict(await editor.create(PRACTICE, 'en', data))).toEqual(checked);
  });

  it('a valid practice: no problem, and the save is accepted', async () => {
    const data = practiceData();
    expect(await check({ locale: 'en', data })).toEqual({});
    expect(saveVerdict(await editor.create(PRACTICE, 'en', data))).toEqual({});
  });

  it('a slug another practice of the language uses', async () => {
    const existing = await createPractice(app.strapi);
    const data = practiceData({ slug: existing.slug });
    const checked = await check({ locale: 'en', data });
    expect(checked.slug).toMatch(/already uses the slug/);
    expect(saveVerdict(await editor.create(PRACTICE, 'en', data))).toEqual(checked);
  });

  it('an update is checked against the stored practice (its own slug is no clash; stored dates count)', async () => {
    const existing = await createPractice(app.strapi, { projectStart: '2021-06-01' }, { status: 'draft' });
    const slug = existing.slug as string;
    expect(await check({ documentId: existing.documentId, locale: 'en', data: { slug } })).toEqual({});

    const partial = { projectEnd: '2021-01-01' };
    const checked = await check({ documentId: existing.documentId, locale: 'en', data: partial });
    expect(checked.projectEnd).toMatch(/before the project start \(2021-06-01\)/);
    expect(saveVerdict(await editor.update(PRACTICE, existing.documentId, 'en', partial))).toEqual(checked);
  });

  it('refuses malformed requests and visitors who are not signed in', async () => {
    expect((await editor.json('POST', '/good-practices/practices/check', { data: 'nope' })).status).toBe(400);
    const anonymous = await sendJson('POST', `${app.url}/good-practices/practices/check`, { data: {} });
    expect(anonymous.status).toBe(401);
  });
});

describe('the slug follows the title, and the check names what is missing', () => {
  it('an empty form is not "nothing would stop the save": every required field is named by its label', async () => {
    expect((await check({ locale: 'en', data: {} })).title).toBe('“Title” is required: a practice cannot be published without it.');
    expect((await check({ locale: 'en', data: { title: '   ' } })).title).toMatch(/“Title” is required/);
    expect((await check({ locale: 'en', data: practiceData() })).title).toBeUndefined();
    // A saved practice whose title and web address are emptied: both are named.
    const existing = await createPractice(app.strapi, {}, { status: 'draft' });
    const emptied = await check({ documentId: existing.documentId, locale: 'en', data: { title: '', slug: '' } });
    expect(emptied.title).toMatch(/“Title” is required/);
    expect(emptied.slug).toMatch(/“Web address \(slug\)” is required/);
    // Fields the form did not send are not written, so not missing.
    expect(await check({ documentId: existing.documentId, locale: 'en', data: { summary: 'S' } })).toEqual({});
  });

  it('a new practice left with the placeholder slug gets the slug of its title, unique in the language', async () => {
    const title = `Language café for parents ${Date.now().toString(36)}`;
    const expected = title.toLowerCase().replace('é', 'e').replace(/ /g, '-');
    const data = { ...practiceData(), title, slug: 'practice' };
    expect(await check({ locale: 'en', data })).toEqual({});
    const first = await editor.create(PRACTICE, 'en', data);
    expect(first.status).toBe(201);
    expect((first.body as { data: { slug: string } }).data.slug).toBe(expected);
    const second = await editor.create(PRACTICE, 'en', { ...data, slug: 'practice-1' });
    expect((second.body as { data: { slug: string } }).data.slug).toBe(`${expected}-2`);
    // A slug the editor chose is kept as chosen.
    const chosen = await editor.create(PRACTICE, 'en', { ...data, slug: `chosen-${Date.now().toString(36)}` });
    expect((chosen.body as { data: { slug: string } }).data.slug).toMatch(/^chosen-/);
  });

  it('a saved practice still at the placeholder slug: the check flags it, as the save does', async () => {
    const existing = await createPractice(app.strapi, {}, { status: 'draft' });
    await app.strapi.db.query(PRACTICE).updateMany({ where: { documentId: existing.documentId }, data: { slug: 'practice' } });
    const data = { title: 'Homework club', slug: 'practice' };
    const checked = await check({ documentId: existing.documentId, locale: 'en', data });
    expect(checked.slug).toMatch(/still the placeholder “practice”/);
    expect(saveVerdict(await editor.update(PRACTICE, existing.documentId, 'en', data))).toEqual(checked);
    // A practice really called "Practice" may keep the slug of its title.
    expect(await check({ documentId: existing.documentId, locale: 'en', data: { title: 'Practice', slug: 'practice' } })).toEqual({});
  });
});

describe('the practice schema carries the regexes the admin checks before saving', () => {
  it('country and website have a regex that agrees with the server on what it refuses', async () => {
    const attributes = app.strapi.contentType(PRACTICE).attributes as Record<string, { regex?: string; type?: string; customField?: string }>;
    const country = new RegExp(attributes.country?.regex ?? 'missing');
    const website = new RegExp(attributes.website?.regex ?? 'missing');
    // The country select (a custom field) stores a string as before: the same column, the same regex.
    expect(attributes.country).toMatchObject({ type: 'string', customField: 'plugin::good-practices.country' });

    // Whatever the regex refuses, a save refuses too (through the content manager API).
    for (const value of ['de', 'D', 'DEU', '12']) {
      expect(country.test(value)).toBe(false);
      expect(Object.keys(saveVerdict(await editor.create(PRACTICE, 'en', practiceData({ country: value }))))).toEqual(['country']);
    }
    for (const value of ['example.org', 'www.example.org', 'https:/example.org', 'https://exa mple.org', 'javascript:alert(1)']) {
      expect(website.test(value)).toBe(false);
      expect(Object.keys(saveVerdict(await editor.create(PRACTICE, 'en', practiceData({ website: value }))))).toEqual(['website']);
    }
    // And what the server accepts, the regex accepts (it must never block a valid value).
    for (const value of ['DE', 'XK', 'CZ']) expect(country.test(value)).toBe(true);
    for (const value of ['https://example.org', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/', 'https://xn--mnchen-3ya.de/']) {
      expect(website.test(value)).toBe(true);
      expect(saveVerdict(await editor.create(PRACTICE, 'en', practiceData({ website: value })))).toEqual({});
    }
  });

  it("Strapi's own validator applies the regex when a draft stored around the invariants is published", async () => {
    const draft = await createPractice(app.strapi, {}, { status: 'draft' });
    await app.strapi.db.query(PRACTICE).updateMany({ where: { documentId: draft.documentId }, data: { country: 'de' } });
    const published = await editor.publish(PRACTICE, draft.documentId, 'en');
    expect(published.status).toBe(400);
    expect(JSON.stringify(published.body)).toMatch(/country/);
  });
});
