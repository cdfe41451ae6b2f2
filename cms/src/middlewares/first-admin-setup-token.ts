import type { Core } from '@strapi/strapi';
import { isSetupToken, SETUP_TOKEN_HEADER, setupTokenRequired } from '../bootstrap/first-admin-setup';

/**
 * `POST /admin/register-admin` makes its caller super admin while no admin exists. In production
 * that would be the first stranger to reach a fresh deployment, so the call must carry the setup
 * token (src/bootstrap/first-admin-setup.ts). Matched as loosely as Strapi's router matches the
 * route (any case, trailing slash). Runs before the route's own rate limit, which a 256-bit token
 * does not need.
 */
const REGISTER_ADMIN = '/admin/register-admin';

interface Context {
  method: string;
  path: string;
  get(header: string): string;
  /** Strapi's response helper: status 403 and its JSON error body. */
  forbidden(message: string): void;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<unknown>) => {
    if (ctx.method !== 'POST' || ctx.path.toLowerCase().replace(/\/+$/, '') !== REGISTER_ADMIN) return next();
    if (!(await setupTokenRequired(strapi))) return next();
    if (!isSetupToken(strapi, ctx.get(SETUP_TOKEN_HEADER) || undefined)) {
      return ctx.forbidden(
        `Creating the first admin needs the setup token in the ${SETUP_TOKEN_HEADER} header: ADMIN_SETUP_TOKEN, or the token printed in the CMS log at start-up.`,
      );
    }
    return next();
  };
