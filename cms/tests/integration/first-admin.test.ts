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
    cms = await startStrapi({ env: { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } });
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

  it('is refused in production when ADMIN_PASSWORD breaks the admin password rules, saying which', async () => {
    const { adminPasswordProblems, ensureFirstAdmin } = await import('../../src/bootstrap/first-admin.ts');
    expect(adminPasswordProblems('Generated-Passw0rd-For-Test')).toEqual([]);
    expect(adminPasswordProblems('admin')).toEqual(['at least 8 characters', 'an uppercase letter', 'a digit']);
    expect(adminPasswordProblems('ALLCAPS123')).toEqual(['a lowercase letter']);
    expect(adminPasswordProblems(`Aa1${'é'.repeat(35)}`)).toEqual(['at most 72 bytes']);
    // Only when it would be used: with an admin in place, a leftover value is ignored.
    const weak = { NODE_ENV: 'production', ADMIN_EMAIL: 'weak@example.org', ADMIN_PASSWORD: 'admin' };
    await ensureFirstAdmin(cms.strapi, weak);
    await cms.strapi.db.query('admin::user').deleteMany({});
    await expect(ensureFirstAdmin(cms.strapi, weak)).rejects.toThrow(/ADMIN_PASSWORD.*at least 8 characters, an uppercase letter, a digit/);
    expect(await cms.strapi.db.query('admin::user').count()).toBe(0);
    // Outside production (tests, a developer's own choice) the rules are Strapi's business.
    await ensureFirstAdmin(cms.strapi, { ...weak, NODE_ENV: 'development' });
    expect(await cms.strapi.db.query('admin::user').count()).toBe(1);
  });
});
