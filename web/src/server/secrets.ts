/**
 * The site's two shared secrets in production: REVALIDATE_SECRET (checks the CMS's webhook
 * signatures) and PREVIEW_SECRET (checks the preview tokens the CMS signs). Either may be absent
 * (the webhook then answers 503, the preview refuses every token), but a short one would make
 * forging a signature a matter of guessing: refused at start, as the CMS refuses its own
 * (cms/src/secrets.ts), naming the variable and never printing the value.
 */
export const MIN_SECRET_BYTES = 32;
const SHARED_SECRETS = ['REVALIDATE_SECRET', 'PREVIEW_SECRET'] as const;

/** The names of the configured secrets that are too short in production (none elsewhere). */
export function shortSiteSecrets(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return SHARED_SECRETS.filter((name) => {
    const value = env[name];
    return value !== undefined && value !== '' && Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES;
  });
}

export function assertSiteSecrets(env: Record<string, string | undefined>): void {
  const short = shortSiteSecrets(env);
  if (short.length > 0) {
    throw new Error(
      `Secrets must be at least ${MIN_SECRET_BYTES} bytes in production: ${short.join(', ')}. Use the same values as the CMS; generate each with \`openssl rand -base64 32\`.`,
    );
  }
}
