/**
 * The test harness sets an instance's configuration in process.env (Strapi reads it there) and
 * must put it back when the instance stops: a second boot in the same file, or the next test,
 * would otherwise run with the first one's database, secrets and webhook URLs.
 */
import { describe, expect, it } from 'vitest';
import { startStrapi } from '../harness/strapi.ts';

const PROBE = 'GP_HARNESS_ENV_PROBE';

describe('the harness environment', () => {
  it('is the instance’s while it runs and as it was once it stopped', async () => {
    const keys = [PROBE, 'DATABASE_CLIENT', 'DATABASE_FILENAME', 'DATABASE_URL', 'APP_KEYS', 'ENV_PATH', 'LOG_LEVEL'];
    const before = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
    expect(before[PROBE]).toBeUndefined();
    const cms = await startStrapi({ env: { [PROBE]: 'set for this instance' } });
    try {
      expect(process.env[PROBE]).toBe('set for this instance');
      expect(process.env.APP_KEYS).toBeTruthy();
      expect(process.env.APP_KEYS).not.toBe(before.APP_KEYS);
    } finally {
      await cms.stop();
    }
    expect(Object.fromEntries(keys.map((key) => [key, process.env[key]]))).toEqual(before);
    expect(PROBE in process.env).toBe(false);
  });
});
