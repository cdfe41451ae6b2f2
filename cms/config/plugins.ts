import type { Core } from '@strapi/strapi';
import { smtpEmailConfig } from '../src/email-provider';

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

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  const smtp = smtpEmailConfig(process.env);
  return {
    // Our plugin lives inside the app as a workspace package of its own; Strapi loads its built
    // server code (dist/) and bundles its admin source into the admin panel.
    'good-practices': {
      enabled: true,
      resolve: './src/plugins/good-practices',
      // Which languages each locale falls back to, e.g. "ar:en;ca:es,en" (README, Configuration).
      config: { localeFallbacks: env('LOCALE_FALLBACKS', '') },
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
        security: {
          allowedTypes: allowedMediaTypes,
          deniedTypes,
        },
      },
    },
  };
};

export default config;
