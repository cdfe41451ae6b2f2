import type { Core } from '@strapi/strapi';

/** The content type the site can preview (GET {SITE_URL}/preview/practices/{documentId}). */
export const PREVIEWABLE_UID = 'plugin::good-practices.practice';

/**
 * Strapi's Preview (the content manager's "Open preview" side panel, an iframe of the site):
 * on when the site's origin (SITE_URL) and the shared PREVIEW_SECRET are both set. The URL is
 * the site's server-mode preview route, which checks the secret and reads the draft from the
 * CMS with its own preview token (SITE_PREVIEW_TOKEN); only practices have a preview.
 */
export function previewConfig(siteUrl: string | undefined, previewSecret: string | undefined): Core.Config.Admin['preview'] {
  const site = siteUrl?.trim().replace(/\/+$/, '') ?? '';
  const secret = previewSecret?.trim() ?? '';
  const enabled = site !== '' && secret !== '';
  return {
    enabled,
    config: {
      allowedOrigins: enabled ? [site] : [],
      handler(uid, { documentId, locale }) {
        if (!enabled || uid !== PREVIEWABLE_UID || !documentId) return null;
        const query = new URLSearchParams();
        if (locale) query.set('locale', locale);
        query.set('secret', secret);
        return `${site}/preview/practices/${encodeURIComponent(documentId)}?${query.toString()}`;
      },
    },
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  preview: previewConfig(env('SITE_URL'), env('PREVIEW_SECRET')),
});

export default config;
