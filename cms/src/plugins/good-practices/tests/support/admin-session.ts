/**
 * An editor in the admin panel: a super admin created for the test, logged in through the real
 * /admin/login endpoint, writing through the content manager's HTTP API (the path the admin UI
 * uses), so that invariants are proven on that path too.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { type JsonResponse, sendJson } from './http';

interface AdminUserService {
  create(user: Record<string, unknown>): Promise<{ id: number }>;
}
interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: number }>;
}

export interface StrapiErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: { errors?: { path: string[]; message: string }[] } };
}

export interface ContentManager {
  create(uid: string, locale: string, data: Record<string, unknown>): Promise<JsonResponse>;
  update(uid: string, documentId: string, locale: string, data: Record<string, unknown>): Promise<JsonResponse>;
  publish(uid: string, documentId: string, locale: string, data: Record<string, unknown>): Promise<JsonResponse>;
}

export async function loginAsEditor(strapi: Core.Strapi, url: string): Promise<ContentManager> {
  const email = `editor-${randomBytes(4).toString('hex')}@example.org`;
  const password = `Editor-${randomBytes(6).toString('hex')}-9`;
  const superAdmin = await (strapi.service('admin::role') as unknown as AdminRoleService).getSuperAdmin();
  await (strapi.service('admin::user') as unknown as AdminUserService).create({
    email,
    firstname: 'Test',
    lastname: 'Editor',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const login = await sendJson<{ data: { token: string } }>('POST', `${url}/admin/login`, { email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const headers = { authorization: `Bearer ${login.body.data.token}` };
  const base = `${url}/content-manager/collection-types`;

  return {
    create: (uid, locale, data) => sendJson('POST', `${base}/${uid}?locale=${locale}`, { ...data, locale }, headers),
    update: (uid, documentId, locale, data) => sendJson('PUT', `${base}/${uid}/${documentId}?locale=${locale}`, { ...data, locale }, headers),
    publish: (uid, documentId, locale, data) =>
      sendJson('POST', `${base}/${uid}/${documentId}/actions/publish?locale=${locale}`, { ...data, locale }, headers),
  };
}
