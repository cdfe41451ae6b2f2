import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** The request header that carries the setup token to `POST /admin/register-admin`. */
export const SETUP_TOKEN_HEADER = 'X-Admin-Setup-Token';

/** Per Strapi instance (tests boot several in one process); set at boot, read per request. */
const tokens = new WeakMap<Core.Strapi, string>();

/**
 * Whether the first-admin registration must present the setup token: in production only, and
 * only while no admin exists (once one does, Strapi itself refuses a second registration).
 */
export async function setupTokenRequired(strapi: Core.Strapi): Promise<boolean> {
  if (strapi.config.get('environment') !== 'production') return false;
  return !(await strapi.service('admin::user').exists());
}

/**
 * At boot, in production with no admin yet: the token is ADMIN_SETUP_TOKEN, or a random one
 * printed once to the log (the operator reads it with e.g. `docker compose logs cms`). Each boot
 * without ADMIN_SETUP_TOKEN prints a new one; nothing is stored.
 */
export async function prepareFirstAdminSetup(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!(await setupTokenRequired(strapi))) return;
  const configured = env.ADMIN_SETUP_TOKEN?.trim();
  if (configured) {
    tokens.set(strapi, configured);
    strapi.log.warn(`No admin account exists yet. Create it in the admin panel's API with the header ${SETUP_TOKEN_HEADER} set to ADMIN_SETUP_TOKEN (see README).`);
    return;
  }
  const generated = randomBytes(32).toString('base64url');
  tokens.set(strapi, generated);
  strapi.log.warn(
    `No admin account exists yet, and neither ADMIN_EMAIL/ADMIN_PASSWORD nor ADMIN_SETUP_TOKEN is set. ` +
      `POST /admin/register-admin accepts only requests with this header (valid until the CMS restarts; see README) — ${SETUP_TOKEN_HEADER}: ${generated}`,
  );
}

/** Constant time: hashing first makes both sides the same length whatever was sent. */
export function isSetupToken(strapi: Core.Strapi, presented: string | undefined): boolean {
  const expected = tokens.get(strapi);
  if (!expected || !presented) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
