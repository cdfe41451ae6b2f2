/**
 * Uploads on shared storage (src/upload-storage.ts): with UPLOAD_PROVIDER=s3 the CMS stores
 * uploads in an S3-compatible bucket, so that several CMS instances serve the same files. Run
 * against a real S3-protocol server that the test starts itself (s3rver, on a free port and a
 * throw-away folder): an image uploaded through the CMS's own upload API (as the admin's media
 * library does) is stored in the bucket with its thumbnail, its URL is the bucket's public URL,
 * fetching that URL returns the bytes, the public API hands the site that URL, and the admin's
 * CSP allows it (media library thumbnails).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import sharp from 'sharp';
import { createAdminUser, SUPER_ADMIN_ROLE_CODE } from '../harness/admin-users';
import { CMS_DIR, startStrapi, type RunningStrapi } from '../harness/strapi';

const BUCKET = 'gp-uploads';
let s3: S3rver;
let s3Dir: string;
let s3Url: string;
let app: RunningStrapi;
let token: string;

beforeAll(async () => {
  s3Dir = mkdtempSync(path.join(tmpdir(), 'gp-s3-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, directory: s3Dir, silent: true, configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3.run();
  s3Url = `http://127.0.0.1:${port}`;
  app = await startStrapi({
    env: {
      UPLOAD_PROVIDER: 's3',
      S3_ENDPOINT: s3Url,
      S3_FORCE_PATH_STYLE: 'true',
      S3_BUCKET: BUCKET,
      S3_REGION: 'us-east-1',
      // s3rver's fixed development credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PUBLIC_URL: `${s3Url}/${BUCKET}`,
    },
  });
  const account = await createAdminUser(app.strapi, SUPER_ADMIN_ROLE_CODE, { firstname: 'Media', lastname: 'Editor' });
  const login = await fetch(`${app.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  token = ((await login.json()) as { data: { token: string } }).data.token;
}, 600_000);

afterAll(async () => {
  await app?.stop();
  await s3?.close();
  if (s3Dir) rmSync(s3Dir, { recursive: true, force: true });
});

interface UploadedFile {
  id: number;
  url: string;
  mime: string;
  provider: string;
  formats: Record<string, { url: string }> | null;
}

async function uploadImage(name: string, bytes: Buffer): Promise<UploadedFile> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
  // A practice's cover image needs its description (the plugin refuses one without).
  form.append('fileInfo', JSON.stringify({ name, alternativeText: `Test image ${name}` }));
  const response = await fetch(`${app.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return (JSON.parse(text) as UploadedFile[])[0]!;
}

describe('uploads on an S3-compatible bucket (UPLOAD_PROVIDER=s3)', () => {
  let file: UploadedFile;
  let image: Buffer;

  beforeAll(async () => {
    // Large enough for Strapi to make a thumbnail too (a second object in the bucket).
    image = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer();
    file = await uploadImage('cover.png', image);
  });

  it('stores the image and its thumbnail in the bucket, under the bucket\'s public URL', async () => {
    expect(file.provider).toBe('aws-s3');
    expect(file.url.startsWith(`${s3Url}/${BUCKET}/`)).toBe(true);
    const stored = await fetch(file.url);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('image/png');
    // Strapi may re-encode the image (size optimisation): compare the picture, not the bytes.
    const { data, info } = await sharp(Buffer.from(await stored.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([400, 300]);
    expect([...data.subarray(0, 3)]).toEqual([20, 120, 200]);

    const thumbnail = file.formats?.thumbnail;
    expect(thumbnail?.url.startsWith(`${s3Url}/${BUCKET}/`)).toBe(true);
    const storedThumbnail = await fetch(thumbnail!.url);
    expect(storedThumbnail.status).toBe(200);
    expect((await sharp(Buffer.from(await storedThumbnail.arrayBuffer())).metadata()).width).toBeLessThan(400);
  });

  it('keeps nothing in the CMS\'s local upload folder, and deleting the file removes it from the bucket', async () => {
    const other = await uploadImage('deleted.png', image);
    expect((await fetch(other.url)).status).toBe(200);
    for (const url of [other.url, ...Object.values(other.formats ?? {}).map((format) => format.url)]) {
      expect(existsSync(path.join(CMS_DIR, 'public', 'uploads', path.basename(new URL(url).pathname))), url).toBe(false);
    }
    const deleted = await fetch(`${app.url}/upload/files/${other.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(deleted.status).toBe(200);
    expect((await fetch(other.url)).status).toBe(404);
  });

  it('hands the site the bucket URL of a practice\'s cover image', async () => {
    const practices = app.strapi.documents('plugin::good-practices.practice' as 'plugin::good-practices.practice') as unknown as {
      create(params: Record<string, unknown>): Promise<{ slug: string }>;
    };
    await practices.create({
      locale: 'en',
      status: 'published',
      data: {
        title: 'A practice with a cover on S3',
        slug: 'cover-on-s3',
        summary: 'Its cover image lives in the bucket.',
        country: 'DE',
        projectStart: '2020-01-01',
        validationStatus: 'submitted',
        coverImage: file.id,
      },
    });
    const response = await fetch(`${app.url}/api/good-practices/practices/cover-on-s3`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { coverImage: { url: string; renditions: { url: string }[] } | null } };
    expect(body.data.coverImage?.url).toBe(file.url);
    // The smaller copies the site offers as a srcset are in the bucket too.
    expect(body.data.coverImage?.renditions.map((rendition) => rendition.url)).toEqual(Object.values(file.formats ?? {}).map((format) => format.url));
    expect(body.data.coverImage!.renditions.length).toBeGreaterThan(0);
    for (const rendition of body.data.coverImage!.renditions) expect(rendition.url.startsWith(`${s3Url}/${BUCKET}/`)).toBe(true);
  });

  it('lets the admin show images from the bucket (CSP img-src and media-src name its origin)', async () => {
    const csp = (await fetch(`${app.url}/_health`)).headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `)) ?? '';
    expect(directive('img-src').split(' ')).toContain(s3Url);
    expect(directive('media-src').split(' ')).toContain(s3Url);
    // Strapi's own sources are kept.
    expect(directive('img-src').split(' ')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
  });
});
