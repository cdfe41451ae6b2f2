/**
 * Admin users for tests, made through Strapi's own admin services: an active account with one
 * role (by its code) and a random password, ready to log in through the real /admin/login (over
 * HTTP, or the login form in Chromium). The one place every test suite makes its admin users, so
 * that a test claiming to be an editor is one: it names the role it logs in with.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { EDITOR_ROLE, SUPER_ADMIN_CODE, TRANSLATOR_ROLE } from '../../src/plugins/good-practices/server/src/access/role-codes.ts';

/** Role codes: Strapi's own super admin, and the two roles the plugin creates at boot. */
export const SUPER_ADMIN_ROLE_CODE = SUPER_ADMIN_CODE;
export const EDITOR_ROLE_CODE = EDITOR_ROLE.code;
export const TRANSLATOR_ROLE_CODE = TRANSLATOR_ROLE.code;

export interface AdminAccount {
  email: string;
  password: string;
}

interface RoleService {
  findOne(where: Record<string, unknown>): Promise<{ id: number } | null>;
}

interface UserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

export async function adminRoleId(strapi: Core.Strapi, code: string): Promise<number> {
  const role = await (strapi.service('admin::role') as unknown as RoleService).findOne({ code });
  if (!role) throw new Error(`There is no admin role with the code ${code} (the plugin's roles are created at boot; the Translator only once a locale to translate exists).`);
  return role.id;
}

/** An active admin user whose only role is `roleCode`. */
export async function createAdminUser(strapi: Core.Strapi, roleCode: string, name: { firstname: string; lastname: string }): Promise<AdminAccount> {
  const roleId = await adminRoleId(strapi, roleCode);
  const account = {
    email: `${roleCode.replace(/[^a-z]/g, '')}-${randomBytes(4).toString('hex')}@example.org`,
    // Strapi's rule: 8+ characters with a lower case letter, an upper case letter and a digit.
    password: `Pw-${randomBytes(9).toString('hex')}-A9`,
  };
  await (strapi.service('admin::user') as unknown as UserService).create({ ...account, ...name, isActive: true, registrationToken: null, roles: [roleId] });
  return account;
}
