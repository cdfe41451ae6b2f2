import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './bootstrap/first-admin';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  /**
   * App-level bootstrap: runs after every plugin's bootstrap. Work that must not live in the
   * plugin (locales cannot be created from a plugin bootstrap) or that is about this deployment
   * (accounts from the environment) goes here.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureFirstAdmin(strapi);
  },
};
