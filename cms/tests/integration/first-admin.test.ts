/**
 * `npm start` hands the generated ADMIN_EMAIL / ADMIN_PASSWORD to the CMS, which creates the
 * first admin from them — once, and never over an existing admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type RunningStrapi } from '../harness/strapi.ts';

describe('first admin from the environment', () => {
  let cms: RunningStrapi;
  const email = 'first.admin@example.org';
  const password = 'Generated-Passw0rd-For-Test';

  beforeAll(async () => {
    cms = await startStrapi({ database: 'sqlite', env: { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('exists and can log in to the admin API with that password', async () => {
    const init = (await (await fetch(`${cms.url}/admin/init`)).json()) as { data: { hasAdmin: boolean } };
    expect(init.data.hasAdmin).toBe(true);
    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const wrong = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: `${password}x` }),
    });
    expect(wrong.status).toBe(400);
  });

  it('is not created again, nor changed, when an admin exists', async () => {
    const { ensureFirstAdmin } = await import('../../src/bootstrap/first-admin.ts');
    await ensureFirstAdmin(cms.strapi, { ADMIN_EMAIL: 'someone.else@example.org', ADMIN_PASSWORD: 'Another-Passw0rd' });
    const admins = (await cms.strapi.db.query('admin::user').findMany({ select: ['email'] })) as { email: string }[];
    expect(admins.map((admin) => admin.email)).toEqual([email]);
  });
});
