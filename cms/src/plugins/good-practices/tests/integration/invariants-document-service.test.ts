/**
 * Every invariant refuses a bad write made through the document service (the path of code and
 * of the import), with a plain-language message attached to the offending field; good writes of
 * the same shape pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';
import { expectRejected, fieldsOf } from '../support/errors';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documents, PRACTICE, practiceData, TOOL, uniqueSlug } from '../support/practices';

let app: RunningStrapi;

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs']);
});

afterAll(async () => {
  await app?.stop();
});

const practices = () => documents(app.strapi, PRACTICE);

async function practiceCount(): Promise<number> {
  return app.strapi.db.query(PRACTICE).count({});
}

describe('practice invariants through the document service', () => {
  it('accepts a valid practice', async () => {
    const practice = await createPractice(app.strapi);
    expect(practice.documentId).toEqual(expect.any(String));
  });

  it.each([
    ['an unknown checklist item', { 'inclusivity.accessible-services.99': 'met' }, /no checklist item “inclusivity\.accessible-services\.99”/],
    ['an invalid state', { 'inclusivity.accessible-services.1': 'maybe' }, /“maybe” is not a valid state/],
    ['a non-object', ['met'], /must be a list of checklist item keys/],
  ])('rejects an assessment with %s', async (_case, assessment, message) => {
    const before = await practiceCount();
    const { errors } = await expectRejected(() => createPractice(app.strapi, { assessment }));
    expect(fieldsOf(errors)).toEqual(['assessment']);
    expect(errors[0].message).toMatch(message);
    expect(await practiceCount()).toBe(before);
  });

  it.each([
    [
      'the same question twice',
      [
        { questionKey: 'inclusivity.accessible-services', body: 'One.', tools: [] },
        { questionKey: 'inclusivity.accessible-services', body: 'Two.', tools: [] },
      ],
      /answered more than once/,
    ],
    ['an unknown question', [{ questionKey: 'inclusivity.nothing-like-it', body: 'Text.', tools: [] }], /no question “inclusivity\.nothing-like-it”/],
    ['an empty answer', [{ questionKey: 'inclusivity.accessible-services', body: '  ', tools: [] }], /is empty/],
    ['an unknown tool', [{ questionKey: 'inclusivity.accessible-services', body: 'Text.', tools: ['no-such-tool'] }], /cites a tool that no longer exists/],
    ['unexpected fields', [{ questionKey: 'inclusivity.accessible-services', body: 'Text.', tools: [], score: 3 }], /unexpected fields \(score\)/],
  ])('rejects answers with %s', async (_case, answers, message) => {
    const { errors } = await expectRejected(() => createPractice(app.strapi, { answers }));
    expect(fieldsOf(errors)).toEqual(['answers']);
    expect(errors[0].message).toMatch(message);
  });

  it('accepts answers citing an existing tool', async () => {
    const tool = await createTool(app.strapi);
    const practice = await createPractice(app.strapi, {
      answers: [{ questionKey: 'inclusivity.accessible-services', body: 'Text.', tools: [tool.documentId] }],
    });
    expect(practice.documentId).toEqual(expect.any(String));
  });

  it('rejects a project end before its start, also when only the end is updated', async () => {
    const { errors } = await expectRejected(() => createPractice(app.strapi, { projectStart: '2021-05-01', projectEnd: '2020-01-01' }));
    expect(fieldsOf(errors)).toEqual(['projectEnd']);
    expect(errors[0].message).toMatch(/before the project start/);

    const practice = await createPractice(app.strapi, { projectStart: '2021-05-01', projectEnd: null }, { status: 'draft' });
    const partial = await expectRejected(() => practices().update({ documentId: practice.documentId, locale: 'en', data: { projectEnd: '2021-04-30' } }));
    expect(fieldsOf(partial.errors)).toEqual(['projectEnd']);
    await practices().update({ documentId: practice.documentId, locale: 'en', data: { projectEnd: '2021-05-01' } });
  });

  it.each(['ftp://example.org', 'example.org', 'https://', 'javascript:alert(1)', 'https://exa mple.org'])('rejects the website %s', async (website) => {
    const { errors } = await expectRejected(() => createPractice(app.strapi, { website }));
    expect(fieldsOf(errors)).toEqual(['website']);
  });

  it.each(['XX', 'UK', 'de', 'DEU', 'ZZ', 'QO'])('rejects the country %s', async (country) => {
    const { errors } = await expectRejected(() => createPractice(app.strapi, { country }));
    expect(fieldsOf(errors)).toEqual(['country']);
    expect(errors[0].message).toMatch(/ISO 3166-1/);
  });

  it.each(['CZ', 'GB', 'XK', 'IT'])('accepts the country %s', async (country) => {
    const practice = await createPractice(app.strapi, { country });
    expect(practice.country).toBe(country);
  });

  it('keeps slugs unique per locale, not across locales', async () => {
    const slug = uniqueSlug('shared');
    const first = await createPractice(app.strapi, { slug });
    const { errors, message } = await expectRejected(() => createPractice(app.strapi, { slug }, { status: 'draft' }));
    expect(fieldsOf(errors)).toEqual(['slug']);
    expect(message).toMatch(/already uses the slug/);

    // The same slug in another locale of the same or another document is fine.
    await practices().update({ documentId: first.documentId, locale: 'cs', data: { title: 'Česky', slug } });
    const other = await createPractice(app.strapi, { slug: uniqueSlug('other') });
    await expectRejected(() => practices().update({ documentId: other.documentId, locale: 'en', data: { slug } }));
    // Re-saving a document with its own slug is not a clash.
    await practices().update({ documentId: first.documentId, locale: 'en', data: { slug, title: 'Renamed' } });
  });

  it('rejects a slug that is not lowercase words joined by hyphens', async () => {
    const { errors } = await expectRejected(() => createPractice(app.strapi, { slug: 'Not_A_Slug' }));
    expect(fieldsOf(errors)).toEqual(['slug']);
  });

  it('reports several problems of one write together', async () => {
    const { errors, message } = await expectRejected(() => createPractice(app.strapi, { country: 'XX', website: 'nope', assessment: { nope: 'met' } }));
    expect(fieldsOf(errors).sort()).toEqual(['assessment', 'country', 'website']);
    expect(message).toMatch(/^This practice cannot be saved:/);
  });

  it('dates the validation when a practice becomes validated', async () => {
    const practice = await createPractice(app.strapi, { validationStatus: 'in-review', validationDate: null }, { status: 'draft' });
    expect(practice.validationDate ?? null).toBeNull();
    const validated = await practices().update({ documentId: practice.documentId, locale: 'en', data: { validationStatus: 'validated' } });
    expect(validated?.validationDate).toBe(new Date().toISOString().slice(0, 10));

    const given = await createPractice(app.strapi, { validationStatus: 'validated', validationDate: '2022-02-02' });
    expect(given.validationDate).toBe('2022-02-02');
  });

  it('guards clones too', async () => {
    const source = await createPractice(app.strapi, {}, { status: 'draft' });
    const { errors } = await expectRejected(() => practices().update({ documentId: source.documentId, locale: 'en', data: { country: 'XX' } }));
    expect(fieldsOf(errors)).toEqual(['country']);
    const clone = documents(app.strapi, PRACTICE) as unknown as { clone(params: Record<string, unknown>): Promise<unknown> };
    const cloned = await expectRejected(() => clone.clone({ documentId: source.documentId, locale: 'en', data: { title: 'Copy' } }));
    expect(fieldsOf(cloned.errors)).toEqual(['slug']);
  });

  it('keeps data written through a practice-data fixture valid', () => {
    expect(practiceData()).toMatchObject({ country: 'DE' });
  });
});

describe('tool invariants through the document service', () => {
  it('rejects a link that is not http(s) and a duplicate slug in one locale', async () => {
    const { errors } = await expectRejected(() => createTool(app.strapi, { url: 'www.example.org' }));
    expect(fieldsOf(errors)).toEqual(['url']);

    const slug = uniqueSlug('tool');
    await createTool(app.strapi, { slug });
    const duplicate = await expectRejected(() => createTool(app.strapi, { slug }));
    expect(fieldsOf(duplicate.errors)).toEqual(['slug']);
    expect(await documents(app.strapi, TOOL).findMany({ locale: 'en', filters: { slug } })).toHaveLength(1);
  });
});
