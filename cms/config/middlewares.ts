import type { Core } from '@strapi/strapi';
import { configuredOrigins, corsCredentials, corsOrigins } from '../src/cors-origins';
import { BODY_LIMITS } from '../src/request-limits';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
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
