/**
 * Behind a reverse proxy every request comes from the proxy's address, so per-client limits
 * (the admin login's 5 tries per 5 minutes per e-mail and address) would be shared by everyone.
 * With TRUST_PROXY the client is the address the proxy appended to X-Forwarded-For; without
 * it, the header is ignored (anyone can send it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type RunningStrapi } from '../harness/strapi.ts';

/** Admin login attempts with a wrong password from the "client" named in X-Forwarded-For. */
async function failedLogins(cms: RunningStrapi, email: string, forwardedFor: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password: 'Wrong-Passw0rd-1' }),
    });
    statuses.push(response.status);
  }
  return statuses;
}

describe('with TRUST_PROXY=true', () => {
  let cms: RunningStrapi;
  beforeAll(async () => {
    cms = await startStrapi({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('rate-limits each client, as named by the proxy, separately', async () => {
    const email = 'per-client@example.org';
    expect(await failedLogins(cms, email, '203.0.113.7', 6)).toEqual([400, 400, 400, 400, 400, 429]);
    // Another client behind the same proxy is not locked out by the first one.
    expect(await failedLogins(cms, email, '203.0.113.8', 1)).toEqual([400]);
    // A client cannot escape its limit by sending its own X-Forwarded-For: the proxy appends the
    // real address, and only that last entry is trusted.
    expect(await failedLogins(cms, email, '198.51.100.1, 203.0.113.7', 1)).toEqual([429]);
  });
});

describe('without TRUST_PROXY', () => {
  let cms: RunningStrapi;
  beforeAll(async () => {
    cms = await startStrapi({ env: { TRUST_PROXY: '' } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('ignores X-Forwarded-For: changing it does not reset the limit', async () => {
    // Another e-mail: koa2-ratelimit's memory store is shared by every Strapi in this process.
    const email = 'one-client@example.org';
    expect(await failedLogins(cms, email, '203.0.113.7', 5)).toEqual([400, 400, 400, 400, 400]);
    expect(await failedLogins(cms, email, '203.0.113.8', 1)).toEqual([429]);
  });
});
