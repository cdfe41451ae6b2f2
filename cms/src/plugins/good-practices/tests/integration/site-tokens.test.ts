/**
 * The site's API tokens: created by the app's bootstrap with exactly the access keys of
 * SITE_READ_TOKEN / SITE_PREVIEW_TOKEN, least privilege, and the draft preview route reachable
 * with the preview token only.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorResponse, practiceResponse } from '../../contract';
import { getJson } from '../support/http';
import { createPractice, documents, PRACTICE, uniqueSlug, type WrittenDocument } from '../support/practices';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

const READ_KEY = randomBytes(32).toString('hex');
const PREVIEW_KEY = randomBytes(32).toString('hex');

let app: RunningStrapi;
/** Whether the running instance keeps its database when stopped (so that the next boot finds it). */
let keepsDatabase = true;
let published: WrittenDocument;
let draftOnly: WrittenDocument;

const preview = (documentId: string, key?: string, query = '') =>
  getJson(`${app.url}/api/good-practices/preview/practices/${documentId}${query}`, key ? { authorization: `Bearer ${key}` } : {});

interface TokenRow {
  id: number;
  name: string;
  type: string;
  permissions: { action: string }[];
}

async function token(name: string): Promise<TokenRow> {
  return (await app.strapi.db.query('admin::api-token').findOne({ where: { name }, populate: ['permissions'] })) as TokenRow;
}

beforeAll(async () => {
  app = await bootStrapi({ keepDatabase: true, env: { SITE_READ_TOKEN: READ_KEY, SITE_PREVIEW_TOKEN: PREVIEW_KEY } });
  const slug = uniqueSlug('previewed');
  published = await createPractice(app.strapi, { title: 'Published title', slug });
  await documents(app.strapi, PRACTICE).update({ documentId: published.documentId, locale: 'en', data: { title: 'DRAFT TITLE', summary: 'Draft summary' } });
  draftOnly = await createPractice(app.strapi, { title: 'Never published' }, { status: 'draft' });
});

afterAll(async () => {
  await app?.stop();
  // Left for a next boot that did not come (the key rotation below did not run): dropped now.
  if (app && keepsDatabase) await (await bootStrapi({ databaseName: sameDatabase(app) })).stop();
});

describe('tokens from the environment', () => {
  it('creates custom tokens with least privilege', async () => {
    const read = await token('site-read');
    expect(read.type).toBe('custom');
    expect(read.permissions.map((permission) => permission.action).sort()).toEqual(
      ['framework', 'insights', 'integrationAreas', 'locales', 'practice', 'practices', 'site', 'targetGroups', 'tool', 'tools'].map((action) => `plugin::good-practices.public-api.${action}`).sort(),
    );
    const previewToken = await token('site-preview');
    expect(previewToken.type).toBe('custom');
    expect(previewToken.permissions.map((permission) => permission.action)).toEqual(['plugin::good-practices.preview.practice']);
  });

  it('gives the read token access to the public API', async () => {
    const response = await getJson(`${app.url}${apiPaths.practices}`, { authorization: `Bearer ${READ_KEY}` });
    expect(response.status).toBe(200);
  });
});

describe('the preview route', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    expect((await preview(published.documentId)).status).toBe(401);
    expect((await preview(published.documentId, randomBytes(32).toString('hex'))).status).toBe(401);
  });

  it('answers 403 to the read token and to any other token, even full access', async () => {
    expect((await preview(published.documentId, READ_KEY)).status).toBe(403);
    const tokens = app.strapi.service('admin::api-token') as unknown as { create(attributes: Record<string, unknown>): Promise<{ accessKey: string }> };
    const fullAccess = await tokens.create({ name: `full-${uniqueSlug('t')}`, type: 'full-access', lifespan: null });
    expect((await preview(published.documentId, fullAccess.accessKey)).status).toBe(403);
    const readOnly = await tokens.create({ name: `read-only-${uniqueSlug('t')}`, type: 'read-only', lifespan: null });
    expect((await preview(published.documentId, readOnly.accessKey)).status).toBe(403);
  });

  it('returns the draft, assembled like the public practice, to the preview token', async () => {
    const response = await preview(published.documentId, PREVIEW_KEY);
    expect(response.status).toBe(200);
    const { data } = practiceResponse.parse(response.body);
    expect(data).toMatchObject({ documentId: published.documentId, title: 'DRAFT TITLE', summary: 'Draft summary', publishedAt: null });
    expect(data.groups.length).toBeGreaterThan(0);
    // The public API still shows the published version.
    const publicPractice = practiceResponse.parse((await getJson(`${app.url}${apiPaths.practice(published.slug as string)}`)).body);
    expect(publicPractice.data.title).toBe('Published title');
  });

  it('previews practices that were never published, 404 for unknown ones, 400 for other parameters', async () => {
    const response = await preview(draftOnly.documentId, PREVIEW_KEY);
    expect(practiceResponse.parse(response.body).data.title).toBe('Never published');
    expect((await preview('doesnotexist000000000000', PREVIEW_KEY)).status).toBe(404);
    expect((await preview(published.documentId, PREVIEW_KEY, '?locale=xx')).status).toBe(400);
    const status = await preview(published.documentId, PREVIEW_KEY, '?status=published');
    expect(status.status).toBe(400);
    expect(errorResponse.parse(status.body).error.name).toBe('ValidationError');
  });
});

describe('a changed key in the environment', () => {
  /** Boots again on the same database with another preview key (kept for the next boot unless it is the last). */
  async function rebootWith(previewKey: string, keepDatabase: boolean): Promise<void> {
    await app.stop();
    app = await bootStrapi({ databaseName: sameDatabase(app), keepDatabase, env: { SITE_READ_TOKEN: READ_KEY, SITE_PREVIEW_TOKEN: previewKey } });
    keepsDatabase = keepDatabase;
  }

  it('replaces the token key at the next boot', async () => {
    const rotated = randomBytes(32).toString('hex');
    try {
      await rebootWith(rotated, true);
      expect((await preview(published.documentId, PREVIEW_KEY)).status).toBe(401);
      expect((await preview(published.documentId, rotated)).status).toBe(200);
    } finally {
      // Back to the deployment's key: the other tests of this file, in whatever order, use it.
      await rebootWith(PREVIEW_KEY, false);
    }
    expect((await preview(published.documentId, rotated)).status).toBe(401);
    expect((await preview(published.documentId, PREVIEW_KEY)).status).toBe(200);
  });
});
