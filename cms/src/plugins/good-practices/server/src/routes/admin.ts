/**
 * Admin-only routes of the plugin, served under /good-practices (Strapi prefixes a plugin's admin
 * routes with its name) to signed-in admin users. They feed the plugin's custom-field inputs in
 * the Content Manager; the public API stays read-only and published-only.
 */
export default {
  type: 'admin',
  routes: [
    {
      method: 'GET' as const,
      path: '/framework',
      handler: 'admin-framework.framework',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      // The edit view's "check before saving" (writes nothing): for whoever may edit practices.
      method: 'POST' as const,
      path: '/practices/check',
      handler: 'admin-practice-check.check',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.update', 'plugin::good-practices.practice']] } },
        ],
      },
    },
  ],
};
