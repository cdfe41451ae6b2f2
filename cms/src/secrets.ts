/**
 * Secrets Strapi needs. Local runs get them generated once into the git-ignored .env by
 * `npm start`; production (NODE_ENV=production) must provide every one of them explicitly.
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

const PLACEHOLDER = /^(|tobemodified.*|change-?me.*)$/i;

export function missingSecrets(env: NodeJS.ProcessEnv): string[] {
  return REQUIRED_SECRETS.filter((name) => PLACEHOLDER.test((env[name] ?? '').trim()));
}

export function requireSecrets(nodeEnv: string, env: NodeJS.ProcessEnv): void {
  const missing = missingSecrets(env);
  if (missing.length === 0) return;
  const hint = 'Set them in the environment (see .env.example); generate each with `openssl rand -base64 32`.';
  if (nodeEnv === 'production') {
    throw new Error(`Missing or placeholder secrets in production: ${missing.join(', ')}. ${hint}`);
  }
  throw new Error(`Missing secrets: ${missing.join(', ')}. \`npm start\` generates them into .env; ${hint}`);
}
