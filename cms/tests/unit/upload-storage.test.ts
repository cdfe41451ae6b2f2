import { describe, expect, it } from 'vitest';
import { uploadOrigin, uploadStorage } from '../../src/upload-storage.ts';

describe('where uploads live (UPLOAD_PROVIDER and S3_*)', () => {
  it('is the local folder unless told otherwise', () => {
    for (const value of [undefined, '', ' ', 'local', 'LOCAL']) expect(uploadStorage({ UPLOAD_PROVIDER: value }), String(value)).toEqual({ provider: 'local' });
    expect(uploadOrigin(uploadStorage({}))).toBeUndefined();
  });

  it('reads an S3-compatible server with path-style addressing, its public URL defaulting to ENDPOINT/BUCKET', () => {
    const storage = uploadStorage({
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: 'uploads',
      S3_ENDPOINT: 'http://minio:9000/',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(storage).toEqual({
      provider: 's3',
      bucket: 'uploads',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      publicUrl: 'http://minio:9000/uploads',
      acl: 'public-read',
    });
    expect(uploadOrigin(storage)).toBe('http://minio:9000');
  });

  it('defaults to AWS\'s bucket URL, and takes a CDN as the public URL, a root folder and no ACL', () => {
    expect(uploadStorage({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'gp', S3_REGION: 'eu-central-1' })).toMatchObject({ publicUrl: 'https://gp.s3.eu-central-1.amazonaws.com', forcePathStyle: false });
    const storage = uploadStorage({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'gp', S3_PUBLIC_URL: 'https://media.example.org/', S3_ROOT_PATH: '/cms/', S3_ACL: 'none' });
    expect(storage).toMatchObject({ publicUrl: 'https://media.example.org', rootPath: 'cms' });
    expect(storage).not.toHaveProperty('acl');
    expect(uploadOrigin(storage)).toBe('https://media.example.org');
  });

  it('refuses what it cannot use, naming the variable', () => {
    expect(() => uploadStorage({ UPLOAD_PROVIDER: 'gcs' })).toThrow(/UPLOAD_PROVIDER must be "local" \(default\) or "s3"/);
    expect(() => uploadStorage({ UPLOAD_PROVIDER: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => uploadStorage({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => uploadStorage({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b', S3_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/S3_PUBLIC_URL/);
    expect(() => uploadStorage({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(() => uploadStorage({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/);
  });
});
