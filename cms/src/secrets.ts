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

/**
 * Secrets the CMS uses only when they are set (the site webhook's and the preview route's shared
 * secrets, the first-admin setup token); when set, they must be as strong as the required ones.
 * (SITE_READ_TOKEN / SITE_PREVIEW_TOKEN have their own check where the site's tokens are created.)
 */
export const OPTIONAL_SECRETS = ['REVALIDATE_SECRET', 'PREVIEW_SECRET', 'ADMIN_SETUP_TOKEN'] as const;

/** 256 bits if random bytes; `openssl rand -base64 32` prints 44 characters. */
export const MIN_SECRET_BYTES = 32;

const PLACEHOLDER = /^(|tobemodified.*|change-?me.*)$/i;

export function missingSecrets(env: NodeJS.ProcessEnv): string[] {
  return REQUIRED_SECRETS.filter((name) => PLACEHOLDER.test((env[name] ?? '').trim()));
}

/** Names of the secrets that are set but shorter than MIN_SECRET_BYTES (each of APP_KEYS' keys counts). */
export function shortSecrets(env: NodeJS.ProcessEnv): string[] {
  const tooShort = (value: string) => Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES;
  return [...REQUIRED_SECRETS, ...OPTIONAL_SECRETS].filter((name) => {
    const value = env[name]?.trim();
    if (!value) return false;
    return name === 'APP_KEYS' ? value.split(',').some((key) => tooShort(key.trim())) : tooShort(value);
  });
}

export function requireSecrets(nodeEnv: string, env: NodeJS.ProcessEnv): void {
  const missing = missingSecrets(env);
  const hint = 'Set them in the environment (see .env.example); generate each with `openssl rand -base64 32`.';
  if (missing.length > 0) {
    if (nodeEnv === 'production') {
      throw new Error(`Missing or placeholder secrets in production: ${missing.join(', ')}. ${hint}`);
    }
    throw new Error(`Missing secrets: ${missing.join(', ')}. \`npm start\` generates them into .env; ${hint}`);
  }
  // A short secret can be guessed offline from one signed token or cookie. Local runs keep
  // whatever their .env holds; a deployment must not start with one.
  const short = nodeEnv === 'production' ? shortSecrets(env) : [];
  if (short.length > 0) {
    throw new Error(`Secrets must be at least ${MIN_SECRET_BYTES} bytes in production (each key of APP_KEYS too): ${short.join(', ')}. ${hint}`);
  }
}
