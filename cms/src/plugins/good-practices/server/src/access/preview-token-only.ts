/**
 * Route middleware of the preview route: only the site's preview token gets through.
 *
 * The route's `auth` already demands an API token (strategy `content-api-token`, so no
 * users-permissions login) carrying the preview permission (scope). That alone would still let
 * a full-access token in — Strapi lets those through every scope — so this also checks that the
 * token is the one named SITE_PREVIEW_TOKEN_NAME, whose access key the deployment owns
 * (SITE_PREVIEW_TOKEN). Any other token: 403. (A route middleware rather than a policy: Strapi
 * resolves route policies by registered name only, and the plugin registers none.)
 */
import { errors } from '@strapi/utils';
import { SITE_PREVIEW_TOKEN_NAME } from './site-tokens-spec';

interface RouteContext {
  state: { auth?: { strategy?: { name?: string }; credentials?: { name?: unknown } | null } };
}

export async function previewTokenOnly(ctx: RouteContext, next: () => Promise<unknown>): Promise<unknown> {
  const auth = ctx.state.auth;
  if (auth?.strategy?.name !== 'content-api-token' || auth.credentials?.name !== SITE_PREVIEW_TOKEN_NAME) {
    throw new errors.ForbiddenError('Only the site preview token may read drafts.');
  }
  return next();
}
