/**
 * The project has no end-user accounts: Strapi's users-permissions routes (sign-up, login,
 * password reset, OAuth connect, user CRUD) do not exist, and the admin's own login and
 * password reset do not tell whether an e-mail has an account. Booted as in production.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type RunningStrapi } from '../harness/strapi.ts';

const require = createRequire(import.meta.url);
// The bcryptjs that Strapi's admin authentication service loaded (one module instance).
const bcrypt = require(require.resolve('bcryptjs', { paths: [path.dirname(require.resolve('@strapi/admin/package.json'))] })) as {
  compare: (password: string, hash: string) => Promise<boolean>;
};

describe('accounts surface (NODE_ENV=production)', () => {
  let cms: RunningStrapi;
  const email = 'editor.in.chief@example.org';
  const password = 'Chief-Passw0rd-For-Test';

  beforeAll(async () => {
    cms = await startStrapi({ env: { NODE_ENV: 'production', ADMIN_EMAIL: email, ADMIN_PASSWORD: password } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${cms.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  describe('public sign-up and end-user login are closed', () => {
    /**
     * Closed = answered like a route that never existed: Strapi answers an unknown path with 404
     * to GET and 405 (Allow: HEAD, GET, from its static-file route) to other methods.
     */
    async function expectNoSuchRoute(method: string, route: string): Promise<void> {
      const call = (target: string) =>
        fetch(`${cms.url}${target}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      const [response, nonexistent] = await Promise.all([call(route), call('/api/no-such-route-ever')]);
      expect(response.status, `${method} ${route}`).toBe(method === 'GET' ? 404 : 405);
      expect(response.status, `${method} ${route}`).toBe(nonexistent.status);
      expect(await response.text(), `${method} ${route}`).toBe(await nonexistent.text());
    }

    it('has no sign-up, and creates no account', async () => {
      const response = await post('/api/auth/local/register', { username: 'stranger', email: 'stranger@example.org', password: 'Stranger-Passw0rd' });
      expect(response.status).toBe(405);
      expect(await response.text()).not.toContain('jwt');
      await expectNoSuchRoute('POST', '/api/auth/local/register');
    });

    it('has no end-user login (it answered 500)', async () => {
      await expectNoSuchRoute('POST', '/api/auth/local');
    });

    it('has none of the other users-permissions routes', async () => {
      const routes: [string, string][] = [
        ['POST', '/api/auth/forgot-password'],
        ['POST', '/api/auth/reset-password'],
        ['POST', '/api/auth/send-email-confirmation'],
        ['GET', '/api/auth/email-confirmation'],
        ['POST', '/api/auth/refresh'],
        ['GET', '/api/connect/github'],
        ['GET', '/api/connect/github/callback'],
        ['GET', '/api/users'],
        ['GET', '/api/users/me'],
        ['GET', '/api/users/count'],
        ['POST', '/api/users'],
        ['GET', '/api/users-permissions/roles'],
        ['GET', '/api/users-permissions/permissions'],
      ];
      for (const [method, route] of routes) await expectNoSuchRoute(method, route);
      expect(cms.strapi.plugin('users-permissions')).toBeUndefined();
    });

    it('still serves the public API and the admin login', async () => {
      expect((await fetch(`${cms.url}/api/good-practices/locales`)).status).toBe(200);
      expect((await post('/admin/login', { email, password })).status).toBe(200);
    });
  });

  describe('the admin login does not tell which e-mails exist', () => {
    /** Calls of bcrypt's compare made while one login request is answered. */
    async function login(body: { email: string; password: string }): Promise<{ status: number; body: string; compares: number }> {
      const original = bcrypt.compare;
      let compares = 0;
      bcrypt.compare = (...args) => {
        compares += 1;
        return original(...args);
      };
      try {
        const response = await post('/admin/login', body);
        return { status: response.status, body: await response.text(), compares };
      } finally {
        bcrypt.compare = original;
      }
    }

    it('compares a password hash for an unknown e-mail too, and answers alike', async () => {
      const unknown = await login({ email: 'nobody.here@example.org', password });
      const wrongPassword = await login({ email, password: `${password}x` });
      expect(wrongPassword.status).toBe(400);
      expect(wrongPassword.compares).toBe(1);
      expect(unknown.status).toBe(400);
      expect(unknown.body).toBe(wrongPassword.body);
      // Without this, an unknown e-mail is answered without any bcrypt work: measurably faster.
      expect(unknown.compares).toBe(1);
    });

    it('compares a hash for an invited admin who has no password yet', async () => {
      const editorRole = (await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } })) as { id: number };
      const invited = 'invited.editor@example.org';
      await cms.strapi.service('admin::user').create({ email: invited, firstname: 'Invited', lastname: 'Editor', roles: [editorRole.id] });
      const attempt = await login({ email: invited, password });
      expect(attempt.status).toBe(400);
      expect(attempt.compares).toBe(1);
    });

    it('still logs the real admin in', async () => {
      const ok = await login({ email, password });
      expect(ok.status).toBe(200);
      expect(ok.compares).toBe(1);
    });
  });

  it('answers a password-reset request alike for known and unknown e-mails', async () => {
    // The reset e-mail is sent after the answer (no mail server here: it fails and Strapi logs it).
    // Watched, not replaced, so the file does not stop Strapi while that send is still pending:
    // its failure would then be logged through a Strapi already gone (an unhandled rejection).
    const mail = cms.strapi.plugin('email').service('email') as { sendTemplatedEmail: (...args: unknown[]) => Promise<unknown> };
    const send = mail.sendTemplatedEmail;
    const sending: Promise<unknown>[] = [];
    mail.sendTemplatedEmail = (...args: unknown[]) => {
      const sent = send.apply(mail, args);
      sending.push(sent);
      return sent;
    };
    try {
      const known = await post('/admin/forgot-password', { email });
      const unknown = await post('/admin/forgot-password', { email: 'nobody.here@example.org' });
      expect(known.status).toBe(204);
      expect(unknown.status).toBe(204);
      expect(await unknown.text()).toBe(await known.text());
    } finally {
      await Promise.allSettled(sending);
      mail.sendTemplatedEmail = send;
    }
  }, 60_000);
});
