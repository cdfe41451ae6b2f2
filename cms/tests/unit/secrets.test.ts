import { describe, expect, it } from 'vitest';
import { MIN_SECRET_BYTES, missingSecrets, requireSecrets, shortSecrets } from '../../src/secrets.ts';

describe('CMS secrets', () => {
  const strong = 'k'.repeat(32);
  const complete = { APP_KEYS: `${strong},${strong}`, API_TOKEN_SALT: strong, ADMIN_JWT_SECRET: strong, TRANSFER_TOKEN_SALT: strong, JWT_SECRET: strong, ENCRYPTION_KEY: strong };

  it('treats missing and placeholder values as missing', () => {
    expect(missingSecrets({ ...complete, JWT_SECRET: 'tobemodified', ENCRYPTION_KEY: '' })).toEqual(['JWT_SECRET', 'ENCRYPTION_KEY']);
    expect(missingSecrets(complete)).toEqual([]);
  });

  it('refuses to start in production without them, naming each', () => {
    expect(() => requireSecrets('production', { ...complete, APP_KEYS: undefined })).toThrow(/production: APP_KEYS/);
    expect(() => requireSecrets('production', complete)).not.toThrow();
  });

  it('refuses secrets shorter than 32 bytes in production, naming each (not their values)', () => {
    expect(MIN_SECRET_BYTES).toBe(32);
    const short = 'k'.repeat(31);
    const env = { ...complete, JWT_SECRET: short, APP_KEYS: `${strong},${short}`, REVALIDATE_SECRET: short, PREVIEW_SECRET: strong };
    expect(shortSecrets(env)).toEqual(['APP_KEYS', 'JWT_SECRET', 'REVALIDATE_SECRET']);
    expect(() => requireSecrets('production', env)).toThrow(/at least 32 bytes.*APP_KEYS, JWT_SECRET, REVALIDATE_SECRET/);
    try {
      requireSecrets('production', env);
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
    // Bytes, not characters: 11 three-byte characters are 33 bytes.
    expect(shortSecrets({ ...complete, ENCRYPTION_KEY: '€'.repeat(11) })).toEqual([]);
    // Secrets the CMS only uses when set are checked only when set.
    expect(shortSecrets(complete)).toEqual([]);
    expect(() => requireSecrets('production', { ...complete, ADMIN_SETUP_TOKEN: 'guessable' })).toThrow(/ADMIN_SETUP_TOKEN/);
  });

  it('lets short secrets through outside production (local runs and tests)', () => {
    expect(() => requireSecrets('development', { ...complete, JWT_SECRET: 'short' })).not.toThrow();
    expect(() => requireSecrets('test', { ...complete, APP_KEYS: 'a,b' })).not.toThrow();
  });
});
