import { describe, expect, it } from 'vitest';
import { missingSecrets, requireSecrets } from '../../src/secrets.ts';

describe('CMS secrets', () => {
  const complete = { APP_KEYS: 'a,b', API_TOKEN_SALT: 's', ADMIN_JWT_SECRET: 's', TRANSFER_TOKEN_SALT: 's', JWT_SECRET: 's', ENCRYPTION_KEY: 's' };

  it('treats missing and placeholder values as missing', () => {
    expect(missingSecrets({ ...complete, JWT_SECRET: 'tobemodified', ENCRYPTION_KEY: '' })).toEqual(['JWT_SECRET', 'ENCRYPTION_KEY']);
    expect(missingSecrets(complete)).toEqual([]);
  });

  it('refuses to start in production without them, naming each', () => {
    expect(() => requireSecrets('production', { ...complete, APP_KEYS: undefined })).toThrow(/production: APP_KEYS/);
    expect(() => requireSecrets('production', complete)).not.toThrow();
  });
});
