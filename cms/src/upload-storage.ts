/**
 * Where uploads live, from the environment. One CMS instance keeps them in its local folder
 * (public/uploads, Strapi's default provider). Several instances (behind a load balancer, on
 * several hosts) need storage they all reach: UPLOAD_PROVIDER=s3 stores them in an S3-compatible
 * bucket with @strapi/provider-upload-aws-s3, and every file's URL is the bucket's public URL.
 *
 *   UPLOAD_PROVIDER        local (default) | s3
 *   S3_BUCKET              the bucket (required with s3)
 *   S3_REGION              e.g. eu-central-1 (default us-east-1; S3-compatible servers mostly ignore it)
 *   S3_ENDPOINT            an S3-compatible server's URL (MinIO, Garage, R2, Scaleway…); unset = AWS
 *   S3_FORCE_PATH_STYLE    true to address the bucket as ENDPOINT/BUCKET (most self-hosted servers)
 *   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY   credentials (unset = the SDK's own chain: IAM role…)
 *   S3_PUBLIC_URL          where browsers fetch the files (a CDN, a public bucket URL); default:
 *                          ENDPOINT/BUCKET with path style, else https://BUCKET.s3.REGION.amazonaws.com
 *   S3_ROOT_PATH           a folder inside the bucket (optional)
 *   S3_ACL                 the objects' ACL (default public-read; "none" for buckets that refuse ACLs,
 *                          e.g. R2 or buckets with object ownership enforced, made public by policy)
 *
 * The public URL also goes into the admin's CSP (config/middlewares.ts: the media library shows
 * thumbnails from there) and, as UPLOADS_URL, into the site's (web/src/lib/security.ts).
 * Anything invalid stops the boot with a message naming the variable: a typo must not send
 * uploads somewhere unexpected.
 */
export interface S3UploadStorage {
  provider: 's3';
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  publicUrl: string;
  rootPath?: string;
  acl?: string;
}

export type UploadStorage = { provider: 'local' } | S3UploadStorage;

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

function httpUrl(name: string, raw: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new Error(`${name} must be an http(s) URL, not ${JSON.stringify(raw)}.`);
  return url;
}

function flag(env: Env, name: string): boolean {
  const raw = value(env, name)?.toLowerCase();
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new Error(`${name} must be "true" or "false", not ${JSON.stringify(env[name])}.`);
}

export function uploadStorage(env: Env): UploadStorage {
  const provider = value(env, 'UPLOAD_PROVIDER')?.toLowerCase() ?? 'local';
  if (provider === 'local') return { provider: 'local' };
  if (provider !== 's3') throw new Error(`UPLOAD_PROVIDER must be "local" (default) or "s3", not ${JSON.stringify(env.UPLOAD_PROVIDER)}.`);

  const bucket = value(env, 'S3_BUCKET');
  if (!bucket) throw new Error('UPLOAD_PROVIDER=s3 needs S3_BUCKET (the bucket that holds the uploads).');
  const region = value(env, 'S3_REGION') ?? 'us-east-1';
  const endpointRaw = value(env, 'S3_ENDPOINT');
  const endpoint = endpointRaw ? httpUrl('S3_ENDPOINT', endpointRaw).toString().replace(/\/+$/, '') : undefined;
  const forcePathStyle = flag(env, 'S3_FORCE_PATH_STYLE');
  const accessKeyId = value(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = value(env, 'S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (the SDK then finds credentials itself).');

  const publicRaw = value(env, 'S3_PUBLIC_URL');
  const publicUrl = publicRaw
    ? httpUrl('S3_PUBLIC_URL', publicRaw).toString().replace(/\/+$/, '')
    : endpoint && forcePathStyle
      ? `${endpoint}/${bucket}`
      : endpoint
        ? `${new URL(endpoint).protocol}//${bucket}.${new URL(endpoint).host}`
        : `https://${bucket}.s3.${region}.amazonaws.com`;
  const aclRaw = value(env, 'S3_ACL') ?? 'public-read';
  const rootPath = value(env, 'S3_ROOT_PATH')?.replace(/^\/+|\/+$/g, '');

  return {
    provider: 's3',
    bucket,
    region,
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle,
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    publicUrl,
    ...(rootPath ? { rootPath } : {}),
    ...(aclRaw.toLowerCase() === 'none' ? {} : { acl: aclRaw }),
  };
}

/** The origin browsers fetch uploads from when it is not the CMS's own (for CSP img-src / media-src). */
export function uploadOrigin(storage: UploadStorage): string | undefined {
  return storage.provider === 's3' ? new URL(storage.publicUrl).origin : undefined;
}
