/**
 * Without TRUST_PROXY the CMS is reached directly: X-Forwarded-For is anyone's to write, so the
 * submissions' rate limit counts the connection's address, whatever the header says. Its own file:
 * one Strapi per test file (the harness's Strapi is a global).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionPaths } from '../../contract/submissions';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

describe('without TRUST_PROXY', () => {
  let direct: RunningStrapi;
  beforeAll(async () => {
    direct = await bootStrapi({ env: { TRUST_PROXY: '', SITE_URL: 'https://site.example.org', SUBMISSIONS_PER_CLIENT: '2' } });
  });
  afterAll(async () => {
    await direct?.stop();
  });

  it('counts every post of the connection’s address, whatever X-Forwarded-For says (limit configured to 2)', async () => {
    const statuses: number[] = [];
    for (const forwarded of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      const response = await fetch(`${direct.url}${submissionPaths.submit}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
        body: JSON.stringify({ title: '' }),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 429]);
  });
});
