import type { Core } from '@strapi/strapi';
import { requireSecrets } from '../src/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  // In production a missing secret is a deployment error, never something to default.
  requireSecrets(env('NODE_ENV', 'development'), process.env);
  return {
    host: env('HOST', '127.0.0.1'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    app: {
      keys: env.array('APP_KEYS')!,
    },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;
