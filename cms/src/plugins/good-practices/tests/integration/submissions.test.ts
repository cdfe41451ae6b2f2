/**
 * "Propose a practice": POST /api/good-practices/submissions (JSON and form-encoded) and the
 * private status lookup, against the real CMS. Each test posts as its own client (TRUST_PROXY is
 * on, and the client is the address the proxy appended to X-Forwarded-For), so that the rate limit
 * of one test does not spill into another (submissions-direct-client.test.ts: without TRUST_PROXY
 * the header is ignored).
 */
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../contract';
import {
  readFormErrors,
  SUBMISSION_MAX_BODY_BYTES,
  submissionCreatedResponse,
  submissionErrorResponse,
  submissionPaths,
  submissionStatusResponse,
} from '../../contract/submissions';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { documents, PRACTICE } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

const SITE_URL = 'https://site.example.org';
const ITEM = 'inclusivity.accessible-services.1';
const QUESTION = 'inclusivity.accessible-services';
const PER_CLIENT = 4;

let app: RunningStrapi;
let clientNumber = 0;
/** A fresh client address (TEST-NET-3), so that each test has the whole rate limit to itself. */
const newClient = () => `203.0.113.${++clientNumber}`;

function validJson(overrides: Record<string, unknown> = {}) {
  return {
    locale: 'ar',
    title: 'Language café for newcomers',
    organisation: 'City library of Brno',
    country: 'CZ',
    website: 'https://library.example.org/cafe',
    summary: 'Weekly conversation evenings <b>with</b> volunteers.',
    answers: [{ questionKey: QUESTION, body: 'Open to all, **free** of charge. <script>alert(1)</script>' }],
    assessment: { [ITEM]: 'met' },
    contactName: 'Jana Nováková',
    contactEmail: 'jana.submitter@example.org',
    consent: true,
    ...overrides,
  };
}

async function postJson(body: unknown, client = newClient(), extraHeaders: Record<string, string> = {}) {
  const response = await fetch(`${app.url}${submissionPaths.submit}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...extraHeaders },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

function formOf(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(Object.entries(fields));
}

function validForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    locale: 'en',
    title: 'Mentoring for refugee teachers',
    organisation: 'Teachers Union',
    country: 'DE',
    website: 'https://union.example.org',
    summary: 'Pairs refugee teachers with local mentors.',
    [`answer:${QUESTION}`]: 'Mentors meet weekly.',
    [ITEM]: 'not-met',
    contactName: 'Max Muster',
    contactEmail: 'max.form@example.org',
    consent: 'on',
    fax_number: '',
    started_at: String(Date.now() - 60_000),
    ...overrides,
  };
}

async function postForm(fields: Record<string, string>, client = newClient()) {
  const response = await fetch(`${app.url}${submissionPaths.submit}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
    body: formOf(fields).toString(),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
}

interface StoredRow {
  documentId: string;
  locale: string;
  publishedAt: string | null;
  title: string;
  slug: string;
  validationStatus: string;
  publicSubmission: boolean;
  submitterEmail: string;
  submitterName: string;
  statusTokenHash: string;
  submissionReference: string;
  organisation: string;
  answers: unknown;
  assessment: unknown;
}

async function rowsByReference(strapi: Core.Strapi, reference: string): Promise<StoredRow[]> {
  return (await strapi.db.query(PRACTICE as 'plugin::good-practices.practice').findMany({ where: { submissionReference: reference } })) as unknown as StoredRow[];
}

async function practiceCount(strapi: Core.Strapi): Promise<number> {
  return strapi.db.query(PRACTICE as 'plugin::good-practices.practice').count({});
}

beforeAll(async () => {
  app = await bootStrapi({ env: { TRUST_PROXY: 'true', SITE_URL, SUBMISSIONS_PER_CLIENT: String(PER_CLIENT), SUBMISSION_MIN_FILL_SECONDS: '5' } });
  await ensureLocales(app.strapi, ['ar']);
});

afterAll(async () => {
  await app?.stop();
});

describe('a JSON submission', () => {
  it('creates a draft in its locale, status Submitted, marked as a public submission, with the contact in private fields', async () => {
    const response = await postJson(validJson());
    expect(response.status).toBe(201);
    const { data } = submissionCreatedResponse.parse(response.body);
    expect(data.locale).toBe('ar');
    expect(data.statusPath).toBe(`/ar/submit/status/${data.statusToken}/`);

    const rows = await rowsByReference(app.strapi, data.reference);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row.locale).toBe('ar');
    expect(row.publishedAt).toBeNull();
    expect(row.validationStatus).toBe('submitted');
    expect(row.publicSubmission).toBeTruthy();
    expect(row.submitterEmail).toBe('jana.submitter@example.org');
    expect(row.submitterName).toBe('Jana Nováková');
    expect(row.organisation).toBe('City library of Brno');
    expect(row.slug).toBe('language-cafe-for-newcomers');
    // Only a hash of the token is kept.
    expect(row.statusTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(data.statusToken);
    // The visitor's markup is stored so that it renders as the text typed.
    const answers = typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers;
    expect(answers).toEqual([{ questionKey: QUESTION, body: 'Open to all\\, \\*\\*free\\*\\* of charge\\. \\<script\\>alert\\(1\\)\\<\\/script\\>', tools: [] }]);
  });

  it('answers 400 with one entry per field in the contract shape, and creates nothing', async () => {
    const before = await practiceCount(app.strapi);
    const response = await postJson(
      validJson({
        title: '  ',
        country: 'XX',
        website: 'javascript:alert(1)',
        contactEmail: 'not an address',
        consent: false,
        assessment: { 'no.such.item': 'met' },
        answers: [{ questionKey: 'no-such-question', body: 'x' }],
        organisation: 'o'.repeat(301),
      }),
    );
    expect(response.status).toBe(400);
    const { error } = submissionErrorResponse.parse(response.body);
    const byField = Object.fromEntries(error.details.errors.map((entry) => [entry.path[0], entry.code]));
    expect(byField).toEqual({
      title: 'required',
      organisation: 'too-long',
      contactEmail: 'invalid',
      consent: 'consent',
      country: 'invalid',
      website: 'invalid',
      assessment: 'invalid',
      answers: 'invalid',
    });
    // The messages are the practice rules' own (the same as the admin's).
    expect(error.details.errors.find((entry) => entry.path[0] === 'country')?.message).toContain('ISO 3166-1');
    expect(await practiceCount(app.strapi)).toBe(before);
  });

  it('refuses an unknown locale, a wrong shape and broken JSON with 400', async () => {
    const locale = await postJson(validJson({ locale: 'xx' }));
    expect(locale.status).toBe(400);
    expect(submissionErrorResponse.parse(locale.body).error.details.errors.map((entry) => entry.path[0])).toEqual(['locale']);
    const shape = await postJson({ title: 42 });
    expect(shape.status).toBe(400);
    expect(submissionErrorResponse.parse(shape.body).error.details.errors.every((entry) => entry.code === 'malformed')).toBe(true);
    expect((await postJson('{"title":')).status).toBe(400);
  });
});

describe('a form submission', () => {
  it('redirects to the configured site’s thanks page with the reference and the status token', async () => {
    const response = await postForm(validForm());
    expect(response.status).toBe(303);
    const location = new URL(response.location!);
    expect(location.origin).toBe(SITE_URL);
    expect(location.pathname).toBe('/en/submit/thanks/');
    const reference = location.searchParams.get('ref')!;
    const [row] = await rowsByReference(app.strapi, reference);
    expect(row).toMatchObject({ locale: 'en', publishedAt: null, validationStatus: 'submitted', submitterEmail: 'max.form@example.org' });
    const assessment = typeof row.assessment === 'string' ? JSON.parse(row.assessment) : row.assessment;
    expect(assessment).toEqual({ [ITEM]: 'not-met' });
    const status = await getJson(`${app.url}${submissionPaths.status(location.searchParams.get('token')!)}`);
    expect(submissionStatusResponse.parse(status.body).data).toEqual({ reference, locale: 'en', state: 'submitted' });
  });

  it('sends the visitor back to the form with per-field errors and what they typed', async () => {
    const before = await practiceCount(app.strapi);
    const response = await postForm(validForm({ website: 'www.example.org', contactEmail: '', consent: '' }));
    expect(response.status).toBe(303);
    const location = new URL(response.location!);
    expect(location.origin).toBe(SITE_URL);
    expect(location.pathname).toBe('/en/submit/');
    expect(readFormErrors(location.searchParams.get('errors'))).toEqual(
      expect.arrayContaining([
        { field: 'website', code: 'invalid' },
        { field: 'contactEmail', code: 'required' },
        { field: 'consent', code: 'consent' },
      ]),
    );
    expect(location.searchParams.get('title')).toBe('Mentoring for refugee teachers');
    expect(location.searchParams.get('website')).toBe('www.example.org');
    expect(location.searchParams.get(`answer:${QUESTION}`)).toBe('Mentors meet weekly.');
    expect(location.searchParams.get(ITEM)).toBe('not-met');
    expect(await practiceCount(app.strapi)).toBe(before);
  });

  it('keeps the way back short: the longest texts are left out and the form is told', async () => {
    const response = await postForm(validForm({ title: '', [`answer:${QUESTION}`]: 'long answer '.repeat(2000) }));
    const location = new URL(response.location!);
    expect(response.location!.length).toBeLessThanOrEqual(8000);
    expect(location.searchParams.get('truncated')).toBe('1');
    expect(location.searchParams.get(`answer:${QUESTION}`)).toBeNull();
    expect(location.searchParams.get('organisation')).toBe('Teachers Union');
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const before = await practiceCount(app.strapi);
    const response = await postForm(validForm({ fax_number: '+420 123' }));
    expect(response.status).toBe(303);
    const location = new URL(response.location!);
    expect(location.origin + location.pathname).toBe(`${SITE_URL}/en/submit/thanks/`);
    expect(location.searchParams.get('ref')).toBeNull();
    expect(await practiceCount(app.strapi)).toBe(before);
  });

  it('refuses a form sent sooner than the minimum fill time (or without its start time), keeping what was typed', async () => {
    const before = await practiceCount(app.strapi);
    for (const started of [String(Date.now()), '']) {
      const response = await postForm(validForm({ started_at: started }));
      const location = new URL(response.location!);
      expect(location.pathname).toBe('/en/submit/');
      expect(readFormErrors(location.searchParams.get('errors'))).toEqual([{ field: 'form', code: 'too-fast' }]);
      expect(location.searchParams.get('title')).toBe('Mentoring for refugee teachers');
    }
    expect(await practiceCount(app.strapi)).toBe(before);
  });

  it('never redirects anywhere but the configured site, whatever the locale says', async () => {
    const response = await postForm(validForm({ locale: '//evil.example.com' }));
    const location = new URL(response.location!);
    expect(location.origin).toBe(SITE_URL);
    // An unknown locale is an error of the form, shown in the default locale's form.
    expect(location.pathname).toBe('/en/submit/');
    expect(readFormErrors(location.searchParams.get('errors'))).toEqual([{ field: 'locale', code: 'invalid' }]);
  });
});

describe('abuse limits', () => {
  it('refuses a body over 256 KB with 413, declared or streamed', async () => {
    const before = await practiceCount(app.strapi);
    const big = JSON.stringify(validJson({ summary: 'x'.repeat(SUBMISSION_MAX_BODY_BYTES) }));
    expect((await postJson(big)).status).toBe(413);
    // Chunked (no Content-Length): counted while reading.
    const chunks = [Buffer.from(big.slice(0, 1000)), Buffer.from(big.slice(1000))];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const chunked = await fetch(`${app.url}${submissionPaths.submit}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': newClient() },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await practiceCount(app.strapi)).toBe(before);
  });

  it('answers 429 after the configured number of posts per client, whatever X-Forwarded-For the client adds', async () => {
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < PER_CLIENT + 1; i++) statuses.push((await postJson(validJson({ title: '' }), client)).status);
    expect(statuses).toEqual([...Array(PER_CLIENT).fill(400), 429]);
    const refused = await postJson(validJson(), `198.51.100.9, ${client}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await postJson(validJson({ title: '' }))).status).toBe(400);
  });
});

describe('the status link', () => {
  it('says Submitted, In review, Validated, Published and nothing else; unknown and malformed tokens are 404', async () => {
    const created = submissionCreatedResponse.parse((await postJson(validJson({ title: 'Status walk', locale: 'en', contactEmail: 'status@example.org' }))).body).data;
    const status = async () => {
      const response = await getJson(`${app.url}${submissionPaths.status(created.statusToken)}`);
      expect(response.status).toBe(200);
      expect(Object.keys((response.body as { data: object }).data).sort()).toEqual(['locale', 'reference', 'state']);
      return submissionStatusResponse.parse(response.body).data.state;
    };
    expect(await status()).toBe('submitted');
    const [row] = await rowsByReference(app.strapi, created.reference);
    const practices = documents(app.strapi, PRACTICE);
    await practices.update({ documentId: row.documentId, locale: 'en', data: { validationStatus: 'in-review' } });
    expect(await status()).toBe('in-review');
    await practices.update({ documentId: row.documentId, locale: 'en', data: { validationStatus: 'validated' } });
    expect(await status()).toBe('validated');
    await practices.publish({ documentId: row.documentId, locale: 'en' });
    expect(await status()).toBe('published');

    expect((await getJson(`${app.url}${submissionPaths.status('A'.repeat(43))}`)).status).toBe(404);
    expect((await getJson(`${app.url}${submissionPaths.status('short')}`)).status).toBe(404);
  });
});

describe('private data', () => {
  it('is in no public response, webhook event or XLIFF export, even once an editor publishes the submission', async () => {
    const email = 'private.person@example.org';
    const name = 'Very Private Person';
    const events: unknown[] = [];
    const listener = async (payload: unknown) => {
      events.push(payload);
    };
    for (const event of ['entry.create', 'entry.update', 'entry.publish']) app.strapi.eventHub.on(event, listener);

    const created = submissionCreatedResponse.parse((await postJson(validJson({ title: 'Private probe', locale: 'en', contactEmail: email, contactName: name }))).body).data;
    const [row] = await rowsByReference(app.strapi, created.reference);
    await documents(app.strapi, PRACTICE).publish({ documentId: row.documentId, locale: 'en' });
    for (const event of ['entry.create', 'entry.update', 'entry.publish']) app.strapi.eventHub.off(event, listener);

    const secrets = [email, name, row.statusTokenHash, created.reference, 'submitterEmail', 'publicSubmission', 'statusTokenHash'];
    const bodies = await Promise.all(
      [
        apiPaths.practices,
        `${apiPaths.practices}?q=Private`,
        apiPaths.practice(row.slug),
        `${apiPaths.practiceDetails}?locale=en`,
        `${apiPaths.practice(row.slug)}?locale=ar`,
        `/api/good-practices/practices/${row.slug}?populate=*&fields=submitterEmail`,
      ].map(async (path) => {
        const response = await fetch(`${app.url}${path}`);
        return `${response.status} ${await response.text()}`;
      }),
    );
    expect(bodies.join('\n')).toContain('Private probe');
    for (const secret of secrets) expect(bodies.join('\n')).not.toContain(secret);
    // Strapi's own REST route for the type does not exist (the plugin serves only its API).
    expect((await fetch(`${app.url}/api/practices`)).status).toBe(404);

    expect(events.length).toBeGreaterThan(0);
    for (const secret of [email, name, row.statusTokenHash]) expect(JSON.stringify(events)).not.toContain(secret);

    const xliff = await app.strapi.plugin('good-practices').service('translation').exportXliff({ locale: 'ar', areas: ['practices'] });
    expect(xliff.xml).toContain('Private probe');
    for (const secret of [email, name, row.statusTokenHash, created.reference]) expect(xliff.xml).not.toContain(secret);
  });

  it('is gone from every table once the submission is deleted', async () => {
    const email = 'to.be.deleted@example.org';
    const created = submissionCreatedResponse.parse((await postJson(validJson({ title: 'Deleted probe', locale: 'en', contactEmail: email, contactName: 'Delete Me Person' }))).body).data;
    const [row] = await rowsByReference(app.strapi, created.reference);
    expect(await tablesContaining(app.strapi, email)).not.toEqual([]);
    await documents(app.strapi, PRACTICE).delete({ documentId: row.documentId, locale: '*' });
    expect(await tablesContaining(app.strapi, email)).toEqual([]);
    expect(await tablesContaining(app.strapi, 'Delete Me Person')).toEqual([]);
    expect((await getJson(`${app.url}${submissionPaths.status(created.statusToken)}`)).status).toBe(404);
  });
});

/** Every table of the database whose rows, as text, contain `needle` (SQLite or PostgreSQL). */
async function tablesContaining(strapi: Core.Strapi, needle: string): Promise<string[]> {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const tables =
    client === 'sqlite'
      ? ((await knex.raw("select name from sqlite_master where type = 'table'")) as { name: string }[]).map((table) => table.name)
      : ((await knex.raw('select tablename from pg_tables where schemaname = current_schema()')) as { rows: { tablename: string }[] }).rows.map((table) => table.tablename);
  const found: string[] = [];
  for (const table of tables) {
    const rows = await knex.select('*').from(table);
    if (JSON.stringify(rows).includes(needle)) found.push(table);
  }
  return found;
}
