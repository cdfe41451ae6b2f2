/**
 * The same invariants hold on the admin panel's path: an editor logged in through /admin/login
 * writing through the content manager's HTTP API gets a 400 whose `details.errors` name the
 * field, which is how the admin shows the message next to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../contract';
import { type AdminSession, loginAsEditor, type StrapiErrorBody } from '../support/role-session';
import { createPractice, createTool, PRACTICE, practiceData, TOOL, uniqueSlug } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
let editor: AdminSession;

beforeAll(async () => {
  app = await bootStrapi();
  editor = await loginAsEditor(app.strapi, app.url);
});

afterAll(async () => {
  await app?.stop();
});

function expectFieldError(response: { status: number; body: unknown }, field: string, message: RegExp): void {
  expect(response.status).toBe(400);
  const body = errorResponse.parse(response.body) as StrapiErrorBody;
  expect(body.error.name).toBe('ValidationError');
  const errors = body.error.details?.errors ?? [];
  expect(errors.map((error) => error.path.join('.'))).toContain(field);
  expect(errors.find((error) => error.path.join('.') === field)?.message).toMatch(message);
}

describe('practice invariants through the admin content manager', () => {
  it('creates a valid practice as a draft', async () => {
    const response = await editor.create(PRACTICE, 'en', practiceData());
    expect(response.status).toBe(201);
  });

  it.each([
    ['assessment', { assessment: { 'no.such.item': 'met' } }, /no checklist item/],
    ['assessment', { assessment: { 'inclusivity.accessible-services.1': 'yes' } }, /not a valid state/],
    ['answers', { answers: [{ questionKey: 'inclusivity.accessible-services', body: 'a', tools: [] }, { questionKey: 'inclusivity.accessible-services', body: 'b', tools: [] }] }, /more than once/],
    ['answers', { answers: [{ questionKey: 'nowhere.to-be-found', body: 'a', tools: [] }] }, /no question/],
    ['projectEnd', { projectStart: '2022-01-01', projectEnd: '2021-12-31' }, /before the project start/],
    ['website', { website: 'mailto:someone@example.org' }, /http:\/\/ or https:\/\//],
    ['country', { country: 'YU' }, /ISO 3166-1/],
  ])('rejects a new practice with a bad %s', async (field, overrides, message) => {
    expectFieldError(await editor.create(PRACTICE, 'en', practiceData(overrides)), field, message);
  });

  it('rejects a duplicate slug in the same locale', async () => {
    const existing = await createPractice(app.strapi);
    expectFieldError(await editor.create(PRACTICE, 'en', practiceData({ slug: existing.slug })), 'slug', /already uses the slug/);
  });

  it('rejects bad updates and bad publications of an existing practice', async () => {
    const created = await editor.create(PRACTICE, 'en', practiceData());
    const documentId = (created.body as { data: { documentId: string } }).data.documentId;
    const current = practiceData({ slug: (created.body as { data: { slug: string } }).data.slug });

    expectFieldError(await editor.update(PRACTICE, documentId, 'en', { ...current, country: 'EUR' }), 'country', /ISO 3166-1/);
    expectFieldError(await editor.update(PRACTICE, documentId, 'en', { ...current, assessment: { 'x.y.1': 'met' } }), 'assessment', /no checklist item/);
    expectFieldError(await editor.publish(PRACTICE, documentId, 'en', { ...current, website: 'not a url' }), 'website', /http/);

    const published = await editor.publish(PRACTICE, documentId, 'en', current);
    expect(published.status).toBe(200);
  });
});

describe('tool invariants through the admin content manager', () => {
  it('rejects a bad link and a duplicate slug', async () => {
    expectFieldError(await editor.create(TOOL, 'en', { name: 'A tool', slug: uniqueSlug('tool'), kind: 'guide', url: 'ftp://files.example.org' }), 'url', /http/);
    const existing = await createTool(app.strapi);
    expectFieldError(await editor.create(TOOL, 'en', { name: 'Another', slug: existing.slug, kind: 'guide' }), 'slug', /already uses the slug/);
  });
});
