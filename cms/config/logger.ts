import type { Core } from '@strapi/strapi';

// LOG_LEVEL lets tests and scripts keep Strapi quiet (warn) while servers log requests (http).
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});

export default config;
