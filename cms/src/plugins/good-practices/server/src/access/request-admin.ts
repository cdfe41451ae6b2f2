/**
 * The admin user behind the current request, if any: document-service middlewares run inside the
 * HTTP request (Strapi keeps its Koa context in `strapi.requestContext`), and the admin
 * authentication strategy leaves the user, with their roles, in `ctx.state.user` and their
 * permissions in `ctx.state.userAbility`. Writes from scripts, the bootstrap or content-API
 * users have no admin user and are not concerned.
 */
import type { Core } from '@strapi/strapi';
import type { AdminAbility } from './write-permission';

export interface RequestAdmin {
  id: unknown;
  roleCodes: string[];
  ability: AdminAbility | undefined;
}

interface AdminState {
  user?: { id?: unknown; roles?: unknown };
  userAbility?: AdminAbility;
}

export function requestAdmin(strapi: Core.Strapi): RequestAdmin | undefined {
  const ctx = strapi.requestContext.get() as { state?: AdminState } | undefined;
  const user = ctx?.state?.user;
  // Admin users have `roles` (codes); users-permissions users have a single `role`.
  if (!user || !Array.isArray(user.roles)) return undefined;
  const roleCodes = user.roles
    .map((role: unknown) => (typeof role === 'object' && role !== null ? (role as { code?: unknown }).code : undefined))
    .filter((code): code is string => typeof code === 'string');
  return { id: user.id, roleCodes, ability: ctx?.state?.userAbility };
}
