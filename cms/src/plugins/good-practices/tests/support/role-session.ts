/**
 * An admin user of a given role, logged in through the real /admin/login, with the content
 * manager's HTTP API (the path the admin UI uses) and the plugin's admin routes. A test that
 * claims to be an editor logs in with `loginAsEditor` (the plugin's Good-practice editor role and
 * nothing else); `loginAsSuperAdmin` is for tests that need every right.
 */
import type { Core } from '@strapi/strapi';
import { adminRoleId, createAdminUser, EDITOR_ROLE_CODE, SUPER_ADMIN_ROLE_CODE } from '../../../../../tests/harness/admin-users';
import { type JsonResponse, sendJson } from './http';

export interface StrapiErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: { errors?: { path: string[]; message: string }[] } };
}

export interface AdminSession {
  headers: Record<string, string>;
  /** GET/POST/PUT/DELETE with JSON, relative to the CMS origin. */
  json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: unknown): Promise<JsonResponse>;
  update(uid: string, documentId: string, locale: string, data: Record<string, unknown>): Promise<JsonResponse>;
  create(uid: string, locale: string, data: Record<string, unknown>): Promise<JsonResponse>;
  /** `data`: the values the edit view sends with its Publish button (it saves and publishes). */
  publish(uid: string, documentId: string, locale: string, data?: Record<string, unknown>): Promise<JsonResponse>;
  remove(uid: string, documentId: string, locale: string): Promise<JsonResponse>;
}

export const roleId = adminRoleId;

export async function loginWithRole(strapi: Core.Strapi, url: string, code: string): Promise<AdminSession> {
  const { email, password } = await createAdminUser(strapi, code, { firstname: 'Test', lastname: code });
  const login = await sendJson<{ data: { token: string } }>('POST', `${url}/admin/login`, { email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return sessionWithToken(url, login.body.data.token);
}

/** A user whose only role is the plugin's Good-practice editor. */
export const loginAsEditor = (strapi: Core.Strapi, url: string): Promise<AdminSession> => loginWithRole(strapi, url, EDITOR_ROLE_CODE);

/** Strapi's super admin: every right, for tests about what only an administrator does. */
export const loginAsSuperAdmin = (strapi: Core.Strapi, url: string): Promise<AdminSession> => loginWithRole(strapi, url, SUPER_ADMIN_ROLE_CODE);

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
    publish: (uid, documentId, locale, data = {}) => sendJson('POST', `${base}/${uid}/${documentId}/actions/publish?locale=${locale}`, { ...data, locale }, headers),
    remove: (uid, documentId, locale) => sendJson('DELETE', `${base}/${uid}/${documentId}?locale=${locale}`, undefined, headers),
  };
}
