/**
 * The two API tokens the site uses, named so that the deployment (env) owns them: the app's
 * bootstrap gives them the access keys of SITE_READ_TOKEN / SITE_PREVIEW_TOKEN, and the preview
 * route admits the preview token only, recognised by this name.
 */
import { PLUGIN_ID } from '../plugin-id';

export const SITE_READ_TOKEN_NAME = 'site-read';
export const SITE_PREVIEW_TOKEN_NAME = 'site-preview';

/** Content-API actions of the public read API (controllers/public-controllers.ts), the read token's only permissions. */
export const PUBLIC_READ_ACTIONS = ['locales', 'practices', 'practice', 'framework', 'tools', 'tool', 'integrationAreas', 'targetGroups', 'site', 'insights'].map(
  (action) => `plugin::${PLUGIN_ID}.public-api.${action}`,
);

/**
 * The preview route's action, the preview token's only permission. Deliberately not named
 * find/findOne: Strapi lets read-only tokens through every scope ending so.
 */
export const PREVIEW_ACTION = `plugin::${PLUGIN_ID}.preview.practice`;
