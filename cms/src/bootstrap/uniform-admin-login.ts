import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

type Credentials = { email: string; password: string };
type CheckCredentials = ((credentials: Credentials) => Promise<unknown>) & { [STRAPI_ORIGINAL]?: CheckCredentials };

/**
 * Strapi's service objects are module singletons: a second Strapi in the same process (tests)
 * gets the same object, already wrapped for the first one. Each wrapper wraps Strapi's own.
 */
const STRAPI_ORIGINAL = Symbol('strapi checkCredentials');

/** The part of Strapi's admin authentication service (admin::auth, 5.54) this module uses. */
interface AdminAuthService {
  checkCredentials: CheckCredentials;
  validatePassword(password: string, hash: string): Promise<boolean>;
  hashPassword(password: string): Promise<string>;
}

/**
 * Strapi's admin login answers an unknown e-mail (or an invited admin who has no password yet)
 * without comparing any password hash, i.e. ~bcrypt's cost (tens of ms) faster than a known
 * one: timing the login tells which e-mails have an admin account. Here every login compares
 * one hash: for an account without one, a hash of a random password made at boot with Strapi's
 * own hasher (so with the same cost as the real ones). Both paths then do the same work — one
 * lookup here, one in Strapi's check, one comparison — and Strapi's answer is unchanged.
 *
 * (The login route's passport strategy looks the service up on every request, so replacing the
 * method on the registered service is enough; the admin's forgot-password already answers 204
 * at once for any e-mail.)
 */
export async function uniformAdminLogin(strapi: Core.Strapi): Promise<void> {
  const auth = strapi.service('admin::auth') as unknown as AdminAuthService;
  const checkCredentials = auth.checkCredentials[STRAPI_ORIGINAL] ?? auth.checkCredentials;
  const dummyHash = await auth.hashPassword(randomBytes(24).toString('base64'));

  const uniform: CheckCredentials = async (credentials) => {
    const user = (await strapi.db.query('admin::user').findOne({ where: { email: credentials.email }, select: ['id', 'password'] })) as {
      password?: string | null;
    } | null;
    if (!user?.password) await auth.validatePassword(String(credentials.password), dummyHash).catch(() => false);
    return checkCredentials(credentials);
  };
  uniform[STRAPI_ORIGINAL] = checkCredentials;
  auth.checkCredentials = uniform;
}
