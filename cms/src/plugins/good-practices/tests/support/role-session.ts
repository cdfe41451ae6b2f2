/**
 * An admin user of a given role (by role code), logged in through the real /admin/login, with
 * the content manager's HTTP API (the admin UI's path) and the plugin's admin routes. The
 * counterpart of admin-session.ts (super admin) for role-boundary tests.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { type JsonResponse, sendJson } from './http';

interface AdminUserService {
  create(user: Record<string, unknown>): Promise<{ id: number }>;
}
interface AdminRoleService {
  findOne(where: Record<string, unknown>): Promise<{ id: number } | null>;
}

export interface AdminSession {
  headers: Record<string, string>;
  /** GET/POST/PUT/DELETE with JSON, relative to the CMS origin. */
  json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: unknown): Promise<JsonResponse>;
  update(uid: string, documentId: string, locale: string, data: Record<string, unknown>): Promise<JsonResponse>;
  create(uid: string, locale: string, data: Record<string, unknown>): Promise<JsonResponse>;
  publish(uid: string, documentId: string, locale: string): Promise<JsonResponse>;
  remove(uid: string, documentId: string, locale: string): Promise<JsonResponse>;
}

export async function roleId(strapi: Core.Strapi, code: string): Promise<number> {
  const role = await (strapi.service('admin::role') as unknown as AdminRoleService).findOne({ code });
  if (!role) throw new Error(`no admin role with code ${code}`);
  return role.id;
}

export async function loginWithRole(strapi: Core.Strapi, url: string, code: string): Promise<AdminSession> {
  const email = `${code.replace(/[^a-z]/g, '')}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `Role-${randomBytes(6).toString('hex')}-9A`;
  await (strapi.service('admin::user') as unknown as AdminUserService).create({
    email,
    firstname: 'Test',
    lastname: code,
    password,
    isActive: true,
    registrationToken: null,
    roles: [await roleId(strapi, code)],
  });
  const login = await sendJson<{ data: { token: string } }>('POST', `${url}/admin/login`, { email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return sessionWithToken(url, login.body.data.token);
}

/** The content manager's HTTP API and the plugin's admin routes for an admin's access token. */
export function sessionWithToken(url: string, token: string): AdminSession {
  const headers = { authorization: `Bearer ${token}` };
  const base = `${url}/content-manager/collection-types`;

  const json = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: unknown): Promise<JsonResponse> => {
    if (method === 'GET') {
      const response = await fetch(`${url}${path}`, { headers: { accept: 'application/json', ...headers } });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    }
    return sendJson(method, `${url}${path}`, payload, headers);
  };

  return {
    headers,
    json,
    update: (uid, documentId, locale, data) => sendJson('PUT', `${base}/${uid}/${documentId}?locale=${locale}`, { ...data, locale }, headers),
    create: (uid, locale, data) => sendJson('POST', `${base}/${uid}?locale=${locale}`, { ...data, locale }, headers),
    publish: (uid, documentId, locale) => sendJson('POST', `${base}/${uid}/${documentId}/actions/publish?locale=${locale}`, { locale }, headers),
    remove: (uid, documentId, locale) => sendJson('DELETE', `${base}/${uid}/${documentId}?locale=${locale}`, undefined, headers),
  };
}
