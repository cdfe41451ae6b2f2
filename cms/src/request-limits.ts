/**
 * The CMS's request body limits, in one place (README "Limits" lists them with their reasons).
 *
 * Strapi parses the body of every POST/PUT/PATCH before routing, for anyone, and its login /
 * password rate limiters keep the raw `email` of each request as a key for five minutes: with
 * Strapi's default 1 MB JSON limit, each anonymous login with a 900 KB e-mail grows the CMS by
 * about a megabyte (figures: bench/reports/abuse-memory.md, README "Limits"). The authentication
 * routes need a few hundred bytes, so their bodies are capped before parsing
 * (middlewares/auth-body-caps.ts) and their e-mails checked before any limiter sees them
 * (middlewares/auth-email-length.ts).
 */

/** Body cap of the authentication routes: e-mail + password + names + a token fit many times. */
export const AUTH_BODY_LIMIT_BYTES = 4 * 1024;

/** RFC 5321's limit on a forward path (RFC 3696 errata): no deliverable address is longer. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * Limits of Strapi's body parser (`strapi::body`) for every other route; a body over its limit is
 * refused with 413 while it streams in (raw-body stops reading at the limit, whatever the
 * transfer encoding).
 */
export const BODY_LIMITS = {
  /** The Content Manager saves a whole practice (every criteria answer, in Markdown) as one JSON body. */
  jsonLimit: '1mb',
  /** No route of ours takes url-encoded forms or text/plain bodies; Strapi's own default. */
  formLimit: '56kb',
  textLimit: '56kb',
  formidable: {
    /**
     * Files of one request together (formidable 2 counts them per request): the media library
     * uploads a whole selection in one request. Streamed to temporary files, not held in memory.
     */
    maxFileSize: 200 * 1024 * 1024,
    /** Form fields are held in memory: the admin's XLIFF import sends the file as one field (MAX_XLIFF_BYTES). */
    maxFieldsSize: 20 * 1024 * 1024,
    /** One `fileInfo` field per uploaded file. */
    maxFields: 1000,
  },
} as const;

/**
 * The routes anyone can call to authenticate: the admin's authentication router and the
 * users-permissions `/auth/*` routes under the REST prefix.
 */
export function isAuthRoute(path: string, restPrefix: string): boolean {
  const normalized = path.toLowerCase().replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  if (/^\/admin\/(login|logout|access-token|renew-token|forgot-password|reset-password|register(-[a-z]+)*)$/.test(normalized)) return true;
  const prefix = restPrefix.toLowerCase().replace(/\/+$/, '');
  return normalized === `${prefix}/auth` || normalized.startsWith(`${prefix}/auth/`) || normalized.startsWith(`${prefix}/connect/`);
}
