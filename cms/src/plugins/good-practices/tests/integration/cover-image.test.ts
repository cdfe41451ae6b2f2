/**
 * A practice's cover image: the CMS refuses one without a description (alternative text) on
 * every write path (document service as REST and the import use it, the admin content manager,
 * the edit view's save check), and the public API hands the site the image with the smaller
 * copies the upload plugin made (contract `image.renditions`), which the site offers as a srcset.
 * The images are uploaded for real by an editor through the admin's upload route.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceListResponse, practiceResponse } from '../../contract';
import { type AdminSession, loginAsEditor, type StrapiErrorBody } from '../support/role-session';
import { getJson } from '../support/http';
import { documents, PRACTICE, practiceData, uniqueSlug } from '../support/practices';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

let app: RunningStrapi;
let editor: AdminSession;
let described: UploadedFile;
let undescribed: UploadedFile;

interface UploadedFile {
  id: number;
  name: string;
  url: string;
  width: number;
  height: number;
  formats: Record<string, { url: string; width: number; height: number }> | null;
}

/** Uploads an image as the admin's media library does (multipart POST /upload), as the editor. */
async function upload(name: string, alternativeText: string | null, width = 1600): Promise<UploadedFile> {
  const bytes = await sharp({ create: { width, height: Math.round((width * 9) / 16), channels: 3, background: { r: 11, g: 61, b: 107 } } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
  if (alternativeText !== null) form.append('fileInfo', JSON.stringify({ name, alternativeText }));
  const response = await fetch(`${app.url}/upload`, { method: 'POST', headers: editor.headers, body: form });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return (JSON.parse(text) as UploadedFile[])[0]!;
}

beforeAll(async () => {
  app = await bootStrapi();
  editor = await loginAsEditor(app.strapi, app.url);
  described = await upload('workshop.jpg', 'Two people at a laptop in a workshop.');
  undescribed = await upload('undescribed.jpg', null);
});

afterAll(async () => {
  await app?.stop();
});

const coverMessage = /“undescribed\.jpg” has no description.*Alternative text/;

describe('a cover image needs a description', () => {
  it('the document service (REST, import, scripts) refuses a cover image without alternative text, naming the file', async () => {
    await expect(documents(app.strapi, PRACTICE).create({ locale: 'en', data: practiceData({ coverImage: undescribed.id }) })).rejects.toThrow(coverMessage);
    const created = await documents(app.strapi, PRACTICE).create({ locale: 'en', data: practiceData({ coverImage: described.id }) });
    await expect(documents(app.strapi, PRACTICE).update({ documentId: created.documentId, locale: 'en', data: { coverImage: { id: undescribed.id } } })).rejects.toThrow(coverMessage);
    // A write that leaves the cover alone is not checked against it again.
    await expect(documents(app.strapi, PRACTICE).update({ documentId: created.documentId, locale: 'en', data: { summary: 'Changed.' } })).resolves.toBeTruthy();
  });

  it('the admin content manager answers the editor with a 400 next to the cover image field, and accepts it once described', async () => {
    const data = practiceData({ coverImage: undescribed });
    const refused = await editor.create(PRACTICE, 'en', data);
    expect(refused.status).toBe(400);
    const errors = (refused.body as StrapiErrorBody).error.details?.errors ?? [];
    expect(errors.find((error) => error.path.join('.') === 'coverImage')?.message).toMatch(coverMessage);
    // The save check of the edit view says the same before the editor saves.
    const checked = await editor.json('POST', '/good-practices/practices/check', { locale: 'en', data });
    expect(JSON.stringify(checked.body)).toMatch(/has no description/);

    // The editor describes the image in the media library (the upload plugin's file info route)…
    const form = new FormData();
    form.append('fileInfo', JSON.stringify({ name: undescribed.name, alternativeText: 'A dark blue square.' }));
    const saved = await fetch(`${app.url}/upload?id=${undescribed.id}`, { method: 'POST', headers: editor.headers, body: form });
    expect(saved.status, await saved.text()).toBe(200);
    // …and the same save goes through.
    expect((await editor.create(PRACTICE, 'en', data)).status).toBe(201);
  });

  it('refuses a file that is not an image, and one that is no longer in the media library', async () => {
    const pdf = (await app.strapi.db.query('plugin::upload.file').create({
      data: { name: 'leaflet.pdf', alternativeText: 'Leaflet', hash: `leaflet_${Date.now()}`, ext: '.pdf', mime: 'application/pdf', size: 1, url: '/uploads/leaflet.pdf', provider: 'local' },
    })) as { id: number };
    await expect(documents(app.strapi, PRACTICE).create({ locale: 'en', data: practiceData({ coverImage: pdf.id }) })).rejects.toThrow(/“leaflet\.pdf” is not an image/);
    await expect(documents(app.strapi, PRACTICE).create({ locale: 'en', data: practiceData({ coverImage: 987654 }) })).rejects.toThrow(/no longer in the media library/);
  });
});

describe('the public API hands the site the cover image and its smaller copies', () => {
  it('lists the copies narrowest first, each narrower than the original, in the list and on the page', async () => {
    expect(Object.keys(described.formats ?? {}).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
    const slug = uniqueSlug('with-cover');
    await documents(app.strapi, PRACTICE).create({ locale: 'en', status: 'published', data: practiceData({ slug, coverImage: described.id }) });

    const page = await getJson(`${app.url}${apiPaths.practice(slug)}?locale=en`);
    expect(page.status).toBe(200);
    const cover = practiceResponse.parse(page.body).data.coverImage!;
    expect(cover).toMatchObject({ url: described.url, alternativeText: 'Two people at a laptop in a workshop.', width: 1600, height: 900 });
    const expected = Object.values(described.formats!).map(({ url, width, height }) => ({ url, width, height })).sort((a, b) => a.width - b.width);
    expect(cover.renditions).toEqual(expected);
    expect(cover.renditions.map((r) => r.width)).toEqual([245, 500, 750, 1000]);
    // Every copy exists where the URL says.
    for (const rendition of cover.renditions) expect((await fetch(`${app.url}${rendition.url}`)).status).toBe(200);

    const list = practiceListResponse.parse((await getJson(`${app.url}${apiPaths.practices}?locale=en&pageSize=100`)).body);
    expect(list.data.find((p) => p.slug === slug)?.coverImage?.renditions).toEqual(expected);
  });

  it('a small image has no copies', async () => {
    const small = await upload('small.jpg', 'A small picture.', 200);
    const slug = uniqueSlug('small-cover');
    await documents(app.strapi, PRACTICE).create({ locale: 'en', status: 'published', data: practiceData({ slug, coverImage: small.id }) });
    const cover = practiceResponse.parse((await getJson(`${app.url}${apiPaths.practice(slug)}?locale=en`)).body).data.coverImage!;
    expect(cover).toMatchObject({ width: 200, renditions: [] });
  });
});
