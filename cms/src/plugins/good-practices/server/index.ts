/**
 * Entry of the plugin's server (compiled to dist/server/index.js, the `./strapi-server` export):
 * Strapi requires this file and reads the plugin definition from its default export.
 */
export { default } from './src';
