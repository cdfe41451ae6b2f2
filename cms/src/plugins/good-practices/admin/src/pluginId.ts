/** The plugin's id (package.json `strapi.name`): prefix of its translations and admin routes. */
export const PLUGIN_ID = 'good-practices';
