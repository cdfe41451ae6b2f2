/**
 * XLIFF uploads at the edges (issue 12, item 5): a large file is imported while the CMS keeps
 * answering other requests; a file over XLIFF_MAX_UPLOAD_MB is refused with 413 before its body
 * is read; a file that is not valid UTF-8 is refused whole, naming the line, nothing written.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsToXliff12 from 'xliff/jsToXliff12';
import { errorResponse } from '../../contract';
import type { XliffImportResponse } from '../../contract/admin-api';
import { ensureLocales } from '../support/locales';
import { documents, SITE } from '../support/practices';
import { type AdminSession, loginAsSuperAdmin } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

/** Interface labels of the site in en and cs: one unit each, the shape of a large translation. */
const LABELS = 15_000;

let app: RunningStrapi;
let admin: AdminSession;

type Units = Record<string, { source: string; target?: string }>;

function fileWith(units: Units): Promise<string> {
  return jsToXliff12({ sourceLanguage: 'en', targetLanguage: 'cs', resources: { 'good-practices': units } });
}

async function upload(body: string | Uint8Array | FormData, contentType?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${app.url}/good-practices/xliff/import`, {
    method: 'POST',
    headers: { ...admin.headers, accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

function errorOf(body: unknown): { name: string; message: string; details?: { errors?: { path: string[]; message: string }[] } } {
  return (errorResponse.parse(body) as { error: { name: string; message: string; details?: { errors?: { path: string[]; message: string }[] } } }).error;
}

async function siteRows(): Promise<string> {
  return JSON.stringify(await app.strapi.db.query(SITE as 'plugin::good-practices.site').findMany({ orderBy: { id: 'asc' } }));
}

async function withMaxUpload<T>(megabytes: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.XLIFF_MAX_UPLOAD_MB;
  process.env.XLIFF_MAX_UPLOAD_MB = megabytes;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.XLIFF_MAX_UPLOAD_MB;
    else process.env.XLIFF_MAX_UPLOAD_MB = before;
  }
}

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs']);
  admin = await loginAsSuperAdmin(app.strapi, app.url);
  const site = await documents(app.strapi, SITE).findFirst({ locale: 'en' });
  const labels = (words: string) => Object.fromEntries(Array.from({ length: LABELS }, (_, index) => [`bulk.label.${index}`, `${words} ${index}`]));
  await documents(app.strapi, SITE).update({ documentId: site!.documentId, locale: 'en', data: { labels: labels('Interface label number') } });
  await documents(app.strapi, SITE).update({ documentId: site!.documentId, locale: 'cs', data: { labels: labels('Popisek rozhraní číslo') } });
});

afterAll(async () => {
  await app?.stop();
});

describe('a large upload', () => {
  it('keeps the CMS answering while the file is planned', async () => {
    const units: Units = {};
    for (let index = 0; index < LABELS; index += 1) {
      units[`site/labels/bulk.label.${index}`] = { source: `Interface label number ${index}`, target: `Popisek rozhraní číslo ${index}${index % 1000 === 0 ? ' (nový)' : ''}` };
    }
    const xml = await fileWith(units);

    // When the import starts reading the site's entries (planning begins), ask for /_health: it
    // must be answered while the upload is still being processed.
    const events: string[] = [];
    let health: Promise<void> | undefined;
    const subscriber = {
      models: [SITE],
      beforeFindMany() {
        health ??= fetch(`${app.url}/_health`).then((response) => {
          events.push(`health ${response.status}`);
        });
      },
    };
    const unsubscribe = app.strapi.db.lifecycles.subscribe(subscriber as never) as unknown as () => void;
    try {
      const response = await upload(xml, 'application/x-xliff+xml');
      events.push(`upload ${response.status}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const { data } = response.body as XliffImportResponse;
      expect(data).toMatchObject({ units: LABELS, unchanged: LABELS - LABELS / 1000 });
      expect(data.written).toEqual([expect.objectContaining({ kind: 'site', fields: ['labels'] })]);
      await health;
    } finally {
      unsubscribe();
    }
    expect(events).toEqual(['health 204', 'upload 200']);
    const cs = await documents(app.strapi, SITE).findFirst({ locale: 'cs' });
    expect((cs?.labels as Record<string, string>)['bulk.label.1000']).toBe('Popisek rozhraní číslo 1000 (nový)');
  }, 120_000);
});

describe('the size limit (XLIFF_MAX_UPLOAD_MB)', () => {
  /** Declares a 3 MB body, sends only its start, and waits for the answer without sending the rest. */
  function declareThreeMegabytes(contentType: string, start: string): Promise<{ status: number; body: string }> {
    return withMaxUpload('1', () =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const call = request(`${app.url}/good-practices/xliff/import`, {
          method: 'POST',
          headers: { ...admin.headers, 'content-type': contentType, 'content-length': String(3 * 1024 * 1024), accept: 'application/json' },
        });
        call.on('response', (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, body });
            call.destroy();
          });
        });
        call.on('error', reject);
        call.write(start);
      }),
    );
  }

  it.each([
    ['the file as the body', 'application/x-xliff+xml', '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2">'],
    ['a multipart form (the admin panel)', 'multipart/form-data; boundary=xliffboundary', '--xliffboundary\r\nContent-Disposition: form-data; name="xliff"; filename="big.xlf"\r\nContent-Type: application/x-xliff+xml\r\n\r\n<xliff version="1.2">'],
  ])('refuses a declared Content-Length over the limit with 413 before the body is sent (%s)', async (_case, contentType, start) => {
    const answer = await declareThreeMegabytes(contentType, start);
    expect(answer.status).toBe(413);
    const error = errorOf(JSON.parse(answer.body));
    expect(error.name).toBe('PayloadTooLargeError');
    expect(error.message).toMatch(/The XLIFF file \(3 MB\) is larger than the 1 MB an upload may have \(XLIFF_MAX_UPLOAD_MB\); nothing was imported/);
  });

  it('counts a body without Content-Length as it streams, and refuses it past the limit', async () => {
    const before = await siteRows();
    const chunk = new TextEncoder().encode(`<!-- ${'x'.repeat(64 * 1024)} -->\n`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await withMaxUpload('1', () =>
      fetch(`${app.url}/good-practices/xliff/import`, {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'application/x-xliff+xml', accept: 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(errorOf(await response.json()).message).toMatch(/larger than the 1 MB an upload may have/);
    expect(await siteRows()).toBe(before);
  });
});

describe('invalid UTF-8', () => {
  async function latin1File(): Promise<{ bytes: Uint8Array; line: number }> {
    const xml = await fileWith({ 'site/labels/bulk.label.1': { source: 'Interface label number 1', target: 'Libellé numéro 1' } });
    const line = xml.split('\n').findIndex((text) => text.includes('Libellé')) + 1;
    // The file as an editor saved it in Latin-1: "é" is the single byte 0xE9.
    const bytes = Uint8Array.from(Buffer.from(xml, 'latin1'));
    return { bytes, line };
  }

  it('refuses the file whole, naming the line, and writes nothing (file as the body)', async () => {
    const { bytes, line } = await latin1File();
    expect(line).toBeGreaterThan(1);
    const before = await siteRows();
    const response = await upload(bytes, 'application/x-xliff+xml');
    expect(response.status).toBe(400);
    const error = errorOf(response.body);
    expect(error.details?.errors).toEqual([expect.objectContaining({ path: ['file'], message: `line ${line} is not valid UTF-8 (save the file as UTF-8); nothing was imported.` })]);
    expect(await siteRows()).toBe(before);
  });

  it('refuses it the same way as the file part of a multipart form', async () => {
    const { bytes, line } = await latin1File();
    const before = await siteRows();
    const form = new FormData();
    form.append('xliff', new Blob([bytes], { type: 'application/x-xliff+xml' }), 'latin1.xlf');
    const response = await upload(form);
    expect(response.status).toBe(400);
    expect(errorOf(response.body).message).toContain(`line ${line} is not valid UTF-8`);
    expect(await siteRows()).toBe(before);

    // The same file in UTF-8 is imported.
    const good = new FormData();
    good.append('xliff', new Blob([Buffer.from(bytes).toString('latin1')], { type: 'application/x-xliff+xml' }), 'utf8.xlf');
    const imported = await upload(good);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect((imported.body as XliffImportResponse).data.written).toHaveLength(1);
  });
});
