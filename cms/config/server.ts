import type { Core } from '@strapi/strapi';
import { trustedProxy } from '../src/trusted-proxy';

// Secrets are checked when the app registers (src/index.ts), not here: `strapi build` loads this
// file too and must work without them (e.g. in a Docker build stage).
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  return {
    host: env('HOST', '127.0.0.1'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Behind a reverse proxy: the client's address from X-Forwarded-For (src/trusted-proxy.ts).
    proxy: trustedProxy(env('TRUST_PROXY')),
    app: {
      keys: env.array('APP_KEYS')!,
    },
    // No update check against the npm registry at every boot (and no cms/.strapi-updater.json).
    logger: { updates: { enabled: false } },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;
