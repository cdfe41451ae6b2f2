import type { Core } from '@strapi/strapi';
import { configuredOrigins, corsCredentials, corsOrigins } from '../src/cors-origins';
import { BODY_LIMITS } from '../src/request-limits';
import { uploadOrigin, uploadStorage } from '../src/upload-storage';

/**
 * Strapi's security middleware, its CSP widened for uploads on S3 (src/upload-storage.ts): the
 * admin's media library shows thumbnails and previews from the bucket's public URL. Strapi's own
 * directives are kept (useDefaults), and its img-src / media-src sources repeated since a
 * directive given here replaces the default one.
 */
function securityMiddleware(): Core.Config.Middlewares[number] {
  const storage = uploadOrigin(uploadStorage(process.env));
  if (!storage) return 'strapi::security';
  const sources = ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', storage];
  return {
    name: 'strapi::security',
    config: { contentSecurityPolicy: { useDefaults: true, directives: { 'img-src': sources, 'media-src': sources } } },
  };
}

/**
 * A function, not an array: Strapi calls it at each boot, so the origins and the upload storage
 * are those of the environment of that boot (a module's top level runs once per process, and the
 * test harness boots many instances with their own environment in one process).
 */
const config = (): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  securityMiddleware(),
  // Public reads open to any origin without credentials; credentials only for the admin's own
  // origin and the site's (src/cors-origins.ts).
  { name: 'strapi::cors', config: { origin: corsOrigins(configuredOrigins(process.env)), credentials: corsCredentials } },
  'strapi::poweredBy',
  'global::first-admin-setup-token',
  'strapi::query',
  // Body limits (src/request-limits.ts, README "Limits"): auth routes capped before parsing,
  // the parser's limits set deliberately, auth e-mails checked before the rate limiters.
  'global::auth-body-caps',
  { name: 'strapi::body', config: BODY_LIMITS },
  'global::auth-email-length',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
