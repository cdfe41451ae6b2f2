import type { Core } from '@strapi/strapi';
import { smtpEmailConfig } from '../src/email-provider';
import { uploadStorage, type UploadStorage } from '../src/upload-storage';

// Uploads: SVG is denied because an uploaded SVG can carry script and is served from the CMS origin.
const allowedMediaTypes = [
  'image/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'application/vnd.oasis.opendocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

/**
 * The upload provider: Strapi's local folder by default (one instance), an S3-compatible bucket
 * with UPLOAD_PROVIDER=s3 (several instances; src/upload-storage.ts lists the variables). Files'
 * URLs are then the bucket's public URL (baseUrl), whatever the server answered.
 */
function providerConfig(storage: UploadStorage): Record<string, unknown> {
  if (storage.provider === 'local') return {};
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: storage.publicUrl,
      ...(storage.rootPath ? { rootPath: storage.rootPath } : {}),
      s3Options: {
        region: storage.region,
        ...(storage.endpoint ? { endpoint: storage.endpoint } : {}),
        forcePathStyle: storage.forcePathStyle,
        ...(storage.credentials ? { credentials: storage.credentials } : {}),
        // ACL present even when undefined: the provider adds public-read only when the key is absent.
        params: { Bucket: storage.bucket, ACL: storage.acl },
      },
    },
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  const smtp = smtpEmailConfig(process.env);
  return {
    // Our plugin lives inside the app as a workspace package of its own; Strapi loads its built
    // server code (dist/) and bundles its admin source into the admin panel.
    'good-practices': {
      enabled: true,
      resolve: './src/plugins/good-practices',
      // Which languages each locale falls back to, e.g. "ar:en;ca:es,en" (README, Configuration).
      // CACHE_WARM_UP: milliseconds after a write before the read models are built again, or "off" (README, Configuration).
      config: { localeFallbacks: env('LOCALE_FALLBACKS', ''), warmUp: env('CACHE_WARM_UP', '500') },
    },
    // No end-user accounts: editors and translators are admin users, the site reads with API tokens
    // and the public API needs no login. Disabled, its routes (/api/auth/*, /api/connect/*,
    // /api/users*) do not exist: no public sign-up, no login that answers 500.
    'users-permissions': { enabled: false },
    // SMTP only when SMTP_HOST is set (src/email-provider.ts); otherwise Strapi's default stays,
    // and the plugin sends nothing.
    ...(smtp ? { email: { config: smtp } } : {}),
    upload: {
      config: {
        ...providerConfig(uploadStorage(process.env)),
        security: {
          allowedTypes: allowedMediaTypes,
          deniedTypes,
        },
      },
    },
  };
};

export default config;
