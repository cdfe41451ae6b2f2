/**
 * The plugin's server definition (Strapi 5 layout, as in strapi-plugin-navigation): lifecycle
 * functions, content types, routes, controllers and services.
 */
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { readGenerationMiddleware } from './read-model/request-generation';
import { stopWarmUp } from './read-model/warm-up';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  // A warm-up under way finishes before the database closes.
  destroy: ({ strapi }: { strapi: Parameters<typeof stopWarmUp>[0] }) => stopWarmUp(strapi),
  config,
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares: { 'read-generation': readGenerationMiddleware },
};
