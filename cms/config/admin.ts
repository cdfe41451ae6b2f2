import type { Core } from '@strapi/strapi';

/** The content type the site can preview (GET {SITE_URL}/preview/practices/{documentId}). */
export const PREVIEWABLE_UID = 'plugin::good-practices.practice';

/** What config/admin.ts needs of the plugin's `preview-link` service (server/src/services/preview-link-service.ts). */
interface PreviewLinks {
  linkFor(target: { uid: string; documentId?: string; locale?: string | null }, site: { origin: string; signingKey: string }): Promise<string | null>;
}

/**
 * Strapi's Preview (the content manager's "Open preview" side panel, an iframe of the site):
 * on when the site's origin (SITE_URL) and PREVIEW_SECRET are both set. PREVIEW_SECRET is only
 * the key that signs each preview URL's token; it is never in a URL. Strapi calls the handler for
 * the admin who opens the panel (its route checks no permission): the plugin's `preview-link`
 * service gives a URL only to an admin who may read that draft, with a token for that document
 * and locale valid 10 minutes; the site's preview route checks it and reads the draft with its own
 * preview token (SITE_PREVIEW_TOKEN). Only practices have a preview.
 */
export function previewConfig(siteUrl: string | undefined, previewSecret: string | undefined): Core.Config.Admin['preview'] {
  const site = siteUrl?.trim().replace(/\/+$/, '') ?? '';
  const secret = previewSecret?.trim() ?? '';
  const enabled = site !== '' && secret !== '';
  return {
    enabled,
    config: {
      allowedOrigins: enabled ? [site] : [],
      async handler(uid, { documentId, locale }) {
        if (!enabled || uid !== PREVIEWABLE_UID || !documentId) return null;
        const links = strapi.plugin('good-practices').service('preview-link') as unknown as PreviewLinks;
        return links.linkFor({ uid, documentId, locale }, { origin: site, signingKey: secret });
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
