/**
 * In production, while no admin exists, `POST /admin/register-admin` (which makes its caller
 * super admin) needs the setup token in the X-Admin-Setup-Token header: ADMIN_SETUP_TOKEN, or
 * one generated at boot and printed once to the CMS log. Without it, the first stranger to
 * reach a fresh deployment would own it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type RunningStrapi } from '../harness/strapi.ts';

const HEADER = 'X-Admin-Setup-Token';
const firstAdmin = { firstname: 'Ada', lastname: 'Admin', email: 'ada.admin@example.org', password: 'Ada-Passw0rd-For-Test' };

function registerAdmin(cms: RunningStrapi, headers: Record<string, string> = {}, route = '/admin/register-admin', body: unknown = firstAdmin): Promise<Response> {
  return fetch(`${cms.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function admins(cms: RunningStrapi): Promise<string[]> {
  const rows = (await cms.strapi.db.query('admin::user').findMany({ select: ['email'] })) as { email: string }[];
  return rows.map((row) => row.email);
}

describe('first admin registration in production, with ADMIN_SETUP_TOKEN', () => {
  let cms: RunningStrapi;
  const token = 'a-setup-token-of-the-operator-0123456789';

  beforeAll(async () => {
    cms = await startStrapi({ env: { NODE_ENV: 'production', ADMIN_SETUP_TOKEN: token } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('tells the admin panel that there is no admin yet', async () => {
    const init = (await (await fetch(`${cms.url}/admin/init`)).json()) as { data: { hasAdmin: boolean } };
    expect(init.data.hasAdmin).toBe(false);
  });

  it('refuses registration without the token, naming the header, and creates nobody', async () => {
    const response = await registerAdmin(cms);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain(HEADER);
    expect(await admins(cms)).toEqual([]);
  });

  it('refuses a wrong token, one of another length, and the right one in another header', async () => {
    const attempts: Record<string, string>[] = [{ [HEADER]: `${token.slice(0, -1)}x` }, { [HEADER]: 'short' }, { [HEADER]: `${token}${token}` }, { 'X-Setup-Token': token }, { Authorization: `Bearer ${token}` }];
    for (const headers of attempts) {
      expect((await registerAdmin(cms, headers)).status, JSON.stringify(headers)).toBe(403);
    }
    expect(await admins(cms)).toEqual([]);
  });

  it('also guards the route as the router matches it (case, trailing slash)', async () => {
    for (const route of ['/admin/register-admin/', '/Admin/Register-Admin', '/admin/register-admin?x=1']) {
      expect((await registerAdmin(cms, {}, route)).status, route).toBe(403);
    }
    expect(await admins(cms)).toEqual([]);
  });

  it('creates the first admin with the right token', async () => {
    const response = await registerAdmin(cms, { [HEADER]: token });
    expect(response.status).toBe(200);
    expect(await admins(cms)).toEqual([firstAdmin.email]);
  });

  it('leaves the refusal of a second super admin to Strapi once an admin exists', async () => {
    const response = await registerAdmin(cms, { [HEADER]: token }, '/admin/register-admin', { ...firstAdmin, email: 'second@example.org' });
    expect(response.status).toBe(400);
    expect(await admins(cms)).toEqual([firstAdmin.email]);
  });
});

describe('first admin registration in production, without ADMIN_SETUP_TOKEN', () => {
  let cms: RunningStrapi;
  let log = '';

  beforeAll(async () => {
    // The token is printed by Strapi's logger during boot: winston's console transport writes to
    // console._stdout (vitest's own stream inside a test worker) or process.stdout.
    const streams = [process.stdout, (console as unknown as { _stdout?: NodeJS.WriteStream })._stdout].filter(
      (stream, index, all): stream is NodeJS.WriteStream => !!stream && all.indexOf(stream) === index,
    );
    const originals = streams.map((stream) => stream.write);
    streams.forEach((stream, index) => {
      const write = originals[index]!;
      stream.write = function capture(this: NodeJS.WriteStream, chunk: string | Uint8Array, ...rest: unknown[]) {
        log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof stream.write;
    });
    try {
      cms = await startStrapi({ env: { NODE_ENV: 'production', ADMIN_SETUP_TOKEN: '' } });
    } finally {
      streams.forEach((stream, index) => {
        stream.write = originals[index]!;
      });
    }
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('prints a generated token once in the log, and accepts only that one', async () => {
    const printed = [...log.matchAll(new RegExp(`${HEADER}: ([A-Za-z0-9_-]{43})`, 'g'))].map((match) => match[1]!);
    expect(printed).toHaveLength(1);
    expect((await registerAdmin(cms)).status).toBe(403);
    expect((await registerAdmin(cms, { [HEADER]: 'x'.repeat(43) })).status).toBe(403);
    expect(await admins(cms)).toEqual([]);
    expect((await registerAdmin(cms, { [HEADER]: printed[0]! })).status).toBe(200);
    expect(await admins(cms)).toEqual([firstAdmin.email]);
  });
});
