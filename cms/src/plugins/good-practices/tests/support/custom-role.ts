/**
 * An administrator's own role, made the way an administrator makes it: over the admin API as a
 * super admin (POST /admin/roles, PUT /admin/roles/:id/permissions), a user invited with it
 * (POST /admin/users) who registers with the invitation (POST /admin/register) and logs in
 * through the real /admin/login. For permission-boundary tests of roles other than the plugin's.
 */
import { randomBytes } from 'node:crypto';
import { type JsonResponse, sendJson } from './http';
import { type AdminSession, sessionWithToken } from './role-session';

export interface RolePermissionInput {
  action: string;
  subject: string | null;
  properties?: { fields?: string[]; locales?: string[] };
}

function expectStatus(response: JsonResponse, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Creates the role with exactly these permissions (none: an empty list) and logs in a new member. */
export async function loginWithCustomRole(url: string, superAdmin: AdminSession, permissions: readonly RolePermissionInput[]): Promise<AdminSession> {
  const suffix = randomBytes(4).toString('hex');
  const role = await superAdmin.json('POST', '/admin/roles', { name: `Custom ${suffix}`, description: 'made by a test' });
  expectStatus(role, 201, 'role creation');
  const roleId = (role.body as { data: { id: number } }).data.id;
  const assigned = await superAdmin.json('PUT', `/admin/roles/${roleId}/permissions`, {
    permissions: permissions.map((permission) => ({ properties: {}, conditions: [], ...permission })),
  });
  expectStatus(assigned, 200, 'role permissions');

  const email = `custom-${suffix}@example.org`;
  const invited = await superAdmin.json('POST', '/admin/users', { firstname: 'Custom', lastname: suffix, email, roles: [roleId] });
  expectStatus(invited, 201, 'user invitation');
  const registrationToken = (invited.body as { data: { registrationToken: string } }).data.registrationToken;
  const password = `Custom-${randomBytes(6).toString('hex')}-9A`;
  expectStatus(await sendJson('POST', `${url}/admin/register`, { registrationToken, userInfo: { firstname: 'Custom', lastname: suffix, password } }), 200, 'registration');

  const login = await sendJson<{ data: { token: string } }>('POST', `${url}/admin/login`, { email, password });
  expectStatus(login, 200, 'login');
  return sessionWithToken(url, login.body.data.token);
}
