/**
 * The real Strapi admin panel for browser tests: its build, an editor's account and the login.
 *
 * - The admin panel is a Vite build (`strapi build` into cms/dist/build) that the in-process CMS
 *   serves when booted with `serveAdminPanel: true`. `ensureAdminPanelBuilt` is the build step of
 *   `npm start` / `npm test` (scripts/lib/builds.ts): skipped when its inputs are unchanged, so a
 *   test file run on its own never drives a stale admin.
 * - The editor is an ordinary admin user with the plugin's `good-practices-editor` role (created
 *   by the plugin's bootstrap), made through Strapi's own admin services, not a super admin.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { buildCms } from '../../../scripts/lib/builds.ts';
import { ROOT } from '../../../scripts/lib/paths.ts';

export const EDITOR_ROLE_CODE = 'good-practices-editor';

export interface AdminAccount {
  email: string;
  password: string;
}

const BUILD_LOCK = path.join(ROOT, '.tmp', 'admin-panel-build.lock');

function lockHolderAlive(): boolean {
  try {
    process.kill(Number(readFileSync(path.join(BUILD_LOCK, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the admin panel (and the CMS server code) unless the last build is still current.
 * `strapi build` empties cms/dist/build first, so two test files that find it stale at once
 * (the CMS and web projects run side by side) must not both build: a lock directory makes the
 * second wait, then find the build current.
 */
export async function ensureAdminPanelBuilt(): Promise<void> {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(path.join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A holder that died (killed test run) leaves its lock behind; its pid file says so.
      if (existsSync(path.join(BUILD_LOCK, 'pid')) && !lockHolderAlive()) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    await buildCms();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

interface RoleService {
  findOne(where: Record<string, unknown>): Promise<{ id: number } | null>;
}

interface UserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

/** An active admin user whose only role is the plugin's Editor, with a random password. */
export async function createEditor(strapi: Core.Strapi): Promise<AdminAccount> {
  const role = await (strapi.service('admin::role') as unknown as RoleService).findOne({ code: EDITOR_ROLE_CODE });
  if (!role) throw new Error(`The admin role ${EDITOR_ROLE_CODE} does not exist: the plugin's bootstrap should have created it.`);
  const account = {
    email: `editor-${randomBytes(4).toString('hex')}@example.org`,
    // Strapi's rule: 8+ characters with a lower case letter, an upper case letter and a digit.
    password: `Ed1tor-${randomBytes(9).toString('base64url')}`,
  };
  await (strapi.service('admin::user') as unknown as UserService).create({
    ...account,
    firstname: 'Edna',
    lastname: 'Editor',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  return account;
}

/** Logs in through the admin's own login form and waits for the panel to be shown. */
export async function logIn(page: Page, cmsUrl: string, account: AdminAccount): Promise<void> {
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(account.password);
  await page.getByRole('button', { name: 'Login' }).click();
  // The panel's main navigation appears once the session is open.
  await page.getByRole('navigation', { name: 'Main' }).or(page.getByRole('link', { name: 'Content Manager' })).first().waitFor();
}

/** The Content Manager's edit view of one document in one locale. */
export function editViewUrl(cmsUrl: string, uid: string, documentId: string, locale: string): string {
  return `${cmsUrl}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;
}
