import type { Core } from '@strapi/strapi';
import { configureEditorial } from './bootstrap/editorial';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { prepareFirstAdminSetup } from './bootstrap/first-admin-setup';
import { uniformAdminLogin } from './bootstrap/uniform-admin-login';
import { requireSecrets } from './secrets';

export default {
  register() {
    // A missing secret is a deployment error, never something to default (checked here rather
    // than in config/ so that `strapi build` works without secrets).
    requireSecrets(process.env.NODE_ENV ?? 'development', process.env);
  },

  /**
   * App-level bootstrap: runs after every plugin's bootstrap. Work that must not live in the
   * plugin (locales cannot be created from a plugin bootstrap) or that is about this deployment
   * (accounts from the environment) goes here.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureFirstAdmin(strapi);
    // Without an admin (no ADMIN_EMAIL/ADMIN_PASSWORD), registering one needs the setup token.
    await prepareFirstAdminSetup(strapi);
    await uniformAdminLogin(strapi);
    // Roles, the site's API tokens and the publish → site notification, from the environment.
    await configureEditorial(strapi);
  },
};
