/**
 * What editors get of "propose a practice": an e-mail about each new submission when SMTP settings
 * are given (a real SMTP server, started here on a free port, receives it through Strapi's email
 * plugin and the nodemailer provider configured by cms/config/plugins.ts), and submissions in the
 * admin: the content manager's HTTP API (the admin UI's) as a real editor filters on
 * `publicSubmission` and shows the contact, never the status token's hash.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionCreatedResponse, submissionPaths } from '../../contract/submissions';
import { createAdminUser, EDITOR_ROLE_CODE, SUPER_ADMIN_ROLE_CODE } from '../../../../../tests/harness/admin-users';
import { getJson } from '../support/http';
import { ensureLocales } from '../support/locales';
import { documents, PRACTICE } from '../support/practices';
import { loginAsEditor } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

interface ReceivedMail {
  envelopeTo: string[];
  envelopeFrom: string;
  parsed: ParsedMail;
}

const EMAIL_FROM = 'database@example.org';
const received: ReceivedMail[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let app: RunningStrapi;
let editors: string[];
let clientNumber = 0;

async function startSmtpServer(): Promise<void> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            envelopeTo: session.envelope.rcptTo.map((address) => address.address),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            parsed,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
}

function proposal(overrides: Record<string, unknown> = {}) {
  return {
    locale: 'ar',
    title: 'Homework club <b>for</b> newcomers',
    organisation: 'Parents of Ostrava',
    country: 'CZ',
    summary: 'Volunteers help with homework twice a week.',
    contactName: 'Private Person Name',
    contactEmail: 'private.person@example.org',
    consent: true,
    ...overrides,
  };
}

async function propose(body: Record<string, unknown>) {
  const response = await fetch(`${app.url}${submissionPaths.submit}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++clientNumber}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return submissionCreatedResponse.parse(await response.json()).data;
}

/** Polls until a mail whose subject names `reference` has arrived. */
async function mailAbout(reference: string): Promise<ReceivedMail> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mail = received.find((candidate) => (candidate.parsed.subject ?? '').includes(reference));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail about ${reference} arrived; received: ${received.map((m) => m.parsed.subject).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  await startSmtpServer();
  app = await bootStrapi({
    env: { TRUST_PROXY: 'true', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_SECURE: 'false', EMAIL_FROM },
  });
  await ensureLocales(app.strapi, ['ar']);
  editors = [];
  for (const name of ['One', 'Two']) editors.push((await createAdminUser(app.strapi, EDITOR_ROLE_CODE, { firstname: 'Editor', lastname: name })).email);
  await createAdminUser(app.strapi, SUPER_ADMIN_ROLE_CODE, { firstname: 'Super', lastname: 'Admin' });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('e-mail to editors when SMTP settings are given', () => {
  it('tells every editor (not the other admins) of a new submission: title, language, reference and a link to it in the admin; no contact data', async () => {
    const created = await propose(proposal());
    const mail = await mailAbout(created.reference);

    expect([...mail.envelopeTo].sort()).toEqual([...editors].sort());
    expect(mail.envelopeFrom).toBe(EMAIL_FROM);
    expect(mail.parsed.subject).toBe(`New practice proposed: Homework club <b>for</b> newcomers (${created.reference})`);
    const text = mail.parsed.text ?? '';
    expect(text).toContain('“Homework club <b>for</b> newcomers”');
    expect(text).toContain('Language: ar');
    expect(text).toContain(`Reference: ${created.reference}`);
    const [row] = (await app.strapi.db.query('plugin::good-practices.practice').findMany({ where: { submissionReference: created.reference } })) as { documentId: string }[];
    expect(text).toContain(`/admin/content-manager/collection-types/plugin::good-practices.practice/${row.documentId}?plugins[i18n][locale]=ar`);
    // The visitor's markup is text in the HTML part too, never markup.
    expect(mail.parsed.html).toContain('Homework club &#60;b&#62;for&#60;/b&#62; newcomers');
    expect(mail.parsed.html).not.toContain('<b>');
    for (const part of [text, String(mail.parsed.html), mail.parsed.subject ?? '']) {
      expect(part).not.toContain('private.person@example.org');
      expect(part).not.toContain('Private Person Name');
    }
  });

  it('writes to SUBMISSION_NOTIFY_TO instead of the editors when it is set', async () => {
    const before = process.env.SUBMISSION_NOTIFY_TO;
    process.env.SUBMISSION_NOTIFY_TO = 'desk@example.org, second.desk@example.org';
    try {
      const created = await propose(proposal({ title: 'Notify list probe', locale: 'en' }));
      const mail = await mailAbout(created.reference);
      expect([...mail.envelopeTo].sort()).toEqual(['desk@example.org', 'second.desk@example.org']);
    } finally {
      if (before === undefined) delete process.env.SUBMISSION_NOTIFY_TO;
      else process.env.SUBMISSION_NOTIFY_TO = before;
    }
  });

  it('keeps title lines in one line: a visitor cannot add mail headers', async () => {
    const created = await propose(proposal({ title: 'Line one\r\nBcc: victim@example.org', locale: 'en' }));
    const mail = await mailAbout(created.reference);
    expect(mail.parsed.subject).toBe(`New practice proposed: Line one Bcc: victim@example.org (${created.reference})`);
    expect(mail.parsed.bcc).toBeUndefined();
    expect([...mail.envelopeTo].sort()).toEqual([...editors].sort());
  });

  it('sends nothing without SMTP_HOST, and the submission stands', async () => {
    const before = process.env.SMTP_HOST;
    delete process.env.SMTP_HOST;
    let quiet: { reference: string };
    try {
      quiet = await propose(proposal({ title: 'No mail probe', locale: 'en' }));
    } finally {
      process.env.SMTP_HOST = before;
    }
    // A later submission's mail arrives; the one made without SMTP_HOST never was sent before it.
    const later = await propose(proposal({ title: 'After no mail probe', locale: 'en' }));
    await mailAbout(later.reference);
    expect(received.some((mail) => (mail.parsed.subject ?? '').includes(quiet.reference))).toBe(false);
    const rows = await app.strapi.db.query('plugin::good-practices.practice').findMany({ where: { submissionReference: quiet.reference } });
    expect(rows).toHaveLength(1);
  });

  it('never fails the submission when the mail server is down', async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    const count = received.length;
    const created = await propose(proposal({ title: 'Mail server down probe', locale: 'en' }));
    expect(created.reference).toMatch(/^GP-/);
    expect(received.length).toBe(count);
  });
});

describe('submissions in the admin, for an editor', () => {
  const CM = `/content-manager/collection-types/${PRACTICE}`;

  interface CmEntry {
    documentId: string;
    title: string;
    publicSubmission?: boolean;
    submissionReference?: string;
    submitterName?: string;
    submitterEmail?: string;
    statusTokenHash?: string;
  }

  it('are found with a filter on publicSubmission, with the contact shown and the status token’s hash out of the edit view', async () => {
    const created = await propose(proposal({ title: 'Admin filter probe', locale: 'en', contactName: 'Filter Contact', contactEmail: 'filter.contact@example.org' }));
    await documents(app.strapi, PRACTICE).create({ locale: 'en', data: { title: 'Written by an editor', slug: 'written-by-an-editor' } });
    const editor = await loginAsEditor(app.strapi, app.url);

    const list = await editor.json('GET', `${CM}?filters[publicSubmission][$eq]=true&locale=en&pageSize=100`);
    expect(list.status).toBe(200);
    const results = (list.body as { results: CmEntry[] }).results;
    expect(results.map((entry) => entry.title)).toContain('Admin filter probe');
    expect(results.map((entry) => entry.title)).not.toContain('Written by an editor');
    const others = (await editor.json('GET', `${CM}?filters[publicSubmission][$eq]=false&locale=en&pageSize=100`)).body as { results: CmEntry[] };
    expect(others.results.map((entry) => entry.title)).toContain('Written by an editor');
    expect(others.results.map((entry) => entry.title)).not.toContain('Admin filter probe');

    const entry = results.find((candidate) => candidate.title === 'Admin filter probe')!;
    const one = await editor.json('GET', `${CM}/${entry.documentId}?locale=en`);
    expect(one.status).toBe(200);
    const data = (one.body as { data: CmEntry }).data;
    expect(data).toMatchObject({ publicSubmission: true, submissionReference: created.reference, submitterName: 'Filter Contact', submitterEmail: 'filter.contact@example.org' });

    // The edit view's layout shows the contact and the reference; the hash is not in it.
    const configuration = await editor.json('GET', `/content-manager/content-types/${PRACTICE}/configuration`);
    expect(configuration.status).toBe(200);
    const contentType = (configuration.body as { data: { contentType: { metadatas: Record<string, { edit: { visible?: boolean } }>; layouts: { edit: { name: string }[][] } } } }).data.contentType;
    const editFields = contentType.layouts.edit.flat().map((field) => field.name);
    expect(editFields).toEqual(expect.arrayContaining(['publicSubmission', 'submissionReference', 'submitterName', 'submitterEmail']));
    expect(editFields).not.toContain('statusTokenHash');
    expect(contentType.metadatas).not.toHaveProperty('statusTokenHash');
  });

  it('cannot have its status token’s hash written through the admin, and an editor’s save keeps the status link working', async () => {
    const created = await propose(proposal({ title: 'Admin save probe', locale: 'en' }));
    const [row] = (await app.strapi.db.query(PRACTICE as 'plugin::good-practices.practice').findMany({ where: { submissionReference: created.reference } })) as { documentId: string; statusTokenHash: string }[];
    const editor = await loginAsEditor(app.strapi, app.url);

    const saved = await editor.update(PRACTICE, row.documentId, 'en', { title: 'Admin save probe, edited', validationStatus: 'in-review', statusTokenHash: 'f'.repeat(64) });
    expect(saved.status).toBe(200);
    const [after] = (await app.strapi.db.query(PRACTICE as 'plugin::good-practices.practice').findMany({ where: { submissionReference: created.reference } })) as { title: string; statusTokenHash: string }[];
    expect(after.title).toBe('Admin save probe, edited');
    expect(after.statusTokenHash).toBe(row.statusTokenHash);
    const status = await getJson<{ data: { state: string } }>(`${app.url}${submissionPaths.status(created.statusToken)}`);
    expect(status.status).toBe(200);
    expect(status.body.data.state).toBe('in-review');
  });
});
