/**
 * `global::auth-email-length`, registered just after `strapi::body`: on the authentication
 * routes, an `email` longer than any deliverable address (MAX_EMAIL_LENGTH) is refused with 400
 * before the route's rate limiter runs — the admin's, the users-permissions' and the e-mail
 * plugin's limiters all keep the raw e-mail as a key for five minutes.
 */
import type { Core } from '@strapi/strapi';
import { isAuthRoute, MAX_EMAIL_LENGTH } from '../request-limits';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const restPrefix = String(strapi.config.get('api.rest.prefix', '/api'));
  return async (ctx, next) => {
    if (!isAuthRoute(ctx.path, restPrefix)) return next();
    const body: unknown = ctx.request.body;
    const email = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).email : undefined;
    if (typeof email === 'string' && email.length > MAX_EMAIL_LENGTH) {
      // Answered, not thrown: `strapi::errors` would log a stack for every such request.
      ctx.status = 400;
      ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: `An e-mail address has at most ${MAX_EMAIL_LENGTH} characters.`, details: {} } };
      return;
    }
    return next();
  };
};
