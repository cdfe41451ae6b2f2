/**
 * Publishing reaches the site: with SITE_REVALIDATE_URL and REVALIDATE_SECRET set, the CMS POSTs
 * a signed revalidation body to a real local HTTP receiver standing in for the site, whose
 * signature verifies with the site's own verifier (web/src/lib/revalidation/webhook.ts) and whose body the
 * site maps to the right cache tags. Draft saves send nothing; a site that hangs never slows or
 * fails the editor's write. SITE_REBUILD_HOOK_URL gets a plain POST.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagsForChange } from '../../../../../../web/src/lib/revalidation/tags-for-change';
import { revalidatePayload } from '../../contract/revalidation-webhook';
import { WebhookVerifier } from '../../../../../../web/src/lib/revalidation/webhook';
import { createPractice, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE, QUESTION } from '../support/practices';
import { siteNotificationsDone } from '../support/site-notifications';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const SECRET = randomBytes(24).toString('base64');
const received: Received[] = [];
/** Bodies of the revalidation calls the CMS gave up on while the receiver held them unanswered (`hang`). */
const abandoned: string[] = [];
let hang = false;
let site: Server;
let app: RunningStrapi;
const warnings: string[] = [];

/**
 * Polls until a call has arrived. Calls go out within a fraction of a second; the deadline is
 * generous because this machine's cores are shared with builds, browsers and other CMS instances.
 */
async function waitFor<T>(find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const revalidations = () => received.filter((request) => request.path === '/api/revalidate');
const bodyOf = (request: Received) => JSON.parse(request.body) as { event: string; model: string; entry: { documentId: string; slug: string | null; locale: string | null } };
const findCall = (event: string, documentId: string) => revalidations().find((request) => bodyOf(request).event === event && bodyOf(request).entry.documentId === documentId);

beforeAll(async () => {
  site = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ path: request.url ?? '', headers: request.headers, body });
      if (hang) {
        // Never answers: the CMS must time out on its own, which closes the connection.
        if (request.url === '/api/revalidate') response.on('close', () => abandoned.push(body));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  app = await bootStrapi({
    env: { SITE_REVALIDATE_URL: `${origin}/api/revalidate`, REVALIDATE_SECRET: SECRET, SITE_REBUILD_HOOK_URL: `${origin}/rebuild` },
  });
  const log = app.strapi.log as unknown as { warn: (...args: unknown[]) => unknown };
  const warn = log.warn.bind(log);
  log.warn = (...args: unknown[]) => {
    warnings.push(String(args[0]));
    return warn(...args);
  };
});

afterAll(async () => {
  await app?.stop();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

describe('the signed revalidation call', () => {
  it('is sent on publish, verifies with the site’s verifier and names the practice', async () => {
    const verifier = new WebhookVerifier({ secret: SECRET });
    const practice = await createPractice(app.strapi, { title: 'Webhook practice', slug: 'webhook-practice' });
    const call = await waitFor(() => findCall('entry.publish', practice.documentId));

    expect(call.headers['content-type']).toBe('application/json');
    expect(verifier.verify(String(call.headers['x-gp-timestamp']), String(call.headers['x-gp-signature']), call.body)).toEqual({ ok: true });
    expect(new WebhookVerifier({ secret: 'another secret' }).verify(String(call.headers['x-gp-timestamp']), String(call.headers['x-gp-signature']), call.body).ok).toBe(false);

    const payload = revalidatePayload.parse(JSON.parse(call.body));
    expect(JSON.parse(call.body)).toEqual({ event: 'entry.publish', model: 'practice', entry: { documentId: practice.documentId, slug: 'webhook-practice', locale: 'en' } });
    expect(tagsForChange(payload)).toEqual(expect.arrayContaining(['practices', 'practice:webhook-practice', `practice-doc:${practice.documentId}`]));
    // One call per change, even though publishing touches several rows.
    await siteNotificationsDone(app.strapi);
    expect(revalidations().filter((request) => request.body === call.body)).toHaveLength(1);
  });

  it('is not sent for a draft save, and is sent on unpublish and delete', async () => {
    const practice = await createPractice(app.strapi, { slug: 'webhook-lifecycle' });
    await waitFor(() => findCall('entry.publish', practice.documentId));
    await documents(app.strapi, PRACTICE).update({ documentId: practice.documentId, locale: 'en', data: { title: 'A draft change' } });
    await siteNotificationsDone(app.strapi);
    expect(findCall('entry.update', practice.documentId)).toBeUndefined();

    await documents(app.strapi, PRACTICE).unpublish({ documentId: practice.documentId, locale: 'en' });
    await waitFor(() => findCall('entry.unpublish', practice.documentId));
    await documents(app.strapi, PRACTICE).publish({ documentId: practice.documentId, locale: 'en' });
    await documents(app.strapi, PRACTICE).delete({ documentId: practice.documentId, locale: '*' });
    const deleted = await waitFor(() => findCall('entry.delete', practice.documentId));
    expect(bodyOf(deleted).entry.slug).toBe('webhook-lifecycle');
  });

  it('is sent when a framework or taxonomy change is published, not when a draft is saved', async () => {
    const documentId = await documentIdByKey(app.strapi, QUESTION, 'inclusivity.accessible-services');
    await documents(app.strapi, QUESTION).update({ documentId, locale: 'en', data: { text: 'Does the practice make its services accessible?' } });
    const area = await documentIdByKey(app.strapi, INTEGRATION_AREA, 'housing');
    await documents(app.strapi, INTEGRATION_AREA).update({ documentId: area, locale: 'en', data: { name: 'Housing and shelter' } });
    await siteNotificationsDone(app.strapi);
    expect(findCall('entry.update', documentId)).toBeUndefined();
    expect(findCall('entry.update', area)).toBeUndefined();

    await documents(app.strapi, QUESTION).publish({ documentId, locale: 'en' });
    const call = await waitFor(() => findCall('entry.publish', documentId));
    expect(bodyOf(call).model).toBe('question');
    expect(tagsForChange(revalidatePayload.parse(JSON.parse(call.body)))).toEqual(['framework']);
    await documents(app.strapi, INTEGRATION_AREA).publish({ documentId: area, locale: 'en' });
    const areaCall = await waitFor(() => findCall('entry.publish', area));
    expect(bodyOf(areaCall).model).toBe('integration-area');
    expect(tagsForChange(revalidatePayload.parse(JSON.parse(areaCall.body)))).toEqual(['taxonomy']);
  });
});

describe('a locale added, renamed or deleted in Settings', () => {
  it('is sent too (every page lists the locales), in a body the site takes', async () => {
    const locales = app.strapi.plugin('i18n').service('locales') as {
      create(data: { code: string; name: string }): Promise<{ id: number }>;
      update(where: { id: number }, data: { name: string }): Promise<unknown>;
      delete(where: { id: number }): Promise<unknown>;
    };
    const localeCall = (event: string) =>
      revalidations().find((request) => bodyOf(request).event === event && bodyOf(request).model === 'locale' && bodyOf(request).entry.locale === 'pt-BR');
    // Made before the call is signed: a verifier refuses calls signed before it started.
    const verifier = new WebhookVerifier({ secret: SECRET });
    const created = await locales.create({ code: 'pt-BR', name: 'Portuguese (Brazil) (pt-BR)' });
    const call = await waitFor(() => localeCall('locale.create'));
    expect(JSON.parse(call.body)).toEqual({ event: 'locale.create', model: 'locale', entry: { documentId: null, slug: null, locale: 'pt-BR' } });
    expect(verifier.verify(String(call.headers['x-gp-timestamp']), String(call.headers['x-gp-signature']), call.body)).toEqual({ ok: true });
    expect(tagsForChange(revalidatePayload.parse(JSON.parse(call.body)))).toEqual(['site']);
    await locales.update({ id: created.id }, { name: 'Português (pt-BR)' });
    await waitFor(() => localeCall('locale.update'));
    await locales.delete({ id: created.id });
    await waitFor(() => localeCall('locale.delete'));
  });

  it('is sent when another locale becomes the default (fallbacks and x-default change everywhere)', async () => {
    const locales = app.strapi.plugin('i18n').service('locales') as {
      create(data: { code: string; name: string }): Promise<{ id: number }>;
      delete(where: { id: number }): Promise<unknown>;
      setDefaultLocale(params: { code: string }): Promise<unknown>;
      getDefaultLocale(): Promise<string>;
    };
    const previous = await locales.getDefaultLocale();
    const created = await locales.create({ code: 'fr', name: 'French (fr)' });
    const defaultCall = (code: string) =>
      revalidations().find((request) => bodyOf(request).event === 'locale.default' && bodyOf(request).entry.locale === code);
    try {
      await locales.setDefaultLocale({ code: 'fr' });
      const call = await waitFor(() => defaultCall('fr'));
      expect(tagsForChange(revalidatePayload.parse(JSON.parse(call.body)))).toEqual(['site']);
    } finally {
      await locales.setDefaultLocale({ code: previous });
      await locales.delete({ id: created.id });
    }
    await waitFor(() => defaultCall(previous));
  });
});

describe('the rebuild hook', () => {
  it('gets a plain POST after a change', async () => {
    const since = received.length;
    await createPractice(app.strapi, { slug: 'webhook-rebuild' });
    // Debounced (5 s): one build for a burst of changes.
    const rebuild = await waitFor(() => received.slice(since).find((request) => request.path === '/rebuild'));
    expect(rebuild.body).toBe('');
  });
});

describe('a site that does not answer', () => {
  it('neither slows nor fails the write, and the failure is logged', async () => {
    hang = true;
    try {
      const practice = await createPractice(app.strapi, { slug: 'webhook-hanging-site' });
      const gaveUp = () => abandoned.filter((body) => JSON.parse(body).entry.documentId === practice.documentId);
      // The write is back while the CMS has not given up on the site yet: it did not wait for it.
      expect(gaveUp()).toEqual([]);
      expect(await documents(app.strapi, PRACTICE).findFirst({ locale: 'en', status: 'published', filters: { documentId: practice.documentId } })).not.toBeNull();
      await waitFor(() => findCall('entry.publish', practice.documentId));
      // Done once the 2 s timeout, one retry after 1 s and another 2 s have run out: then a warning.
      await siteNotificationsDone(app.strapi);
      expect(gaveUp()).toHaveLength(2);
      const warning = warnings.find((message) => message.includes('revalidation of practice') && message.includes(practice.documentId));
      expect(warning).toMatch(/failed|timeout|aborted/i);
    } finally {
      hang = false;
    }
  });
});
