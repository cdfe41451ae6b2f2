/**
 * The real Strapi admin panel for browser tests: its build, an editor's account and the login.
 *
 * - The admin panel is a Vite build (`strapi build` into cms/dist/build) that the in-process CMS
 *   serves when booted with `serveAdminPanel: true`. `ensureAdminPanelBuilt` is the build step of
 *   `npm start` / `npm test` (scripts/lib/builds.ts): skipped when its inputs are unchanged, so a
 *   test file run on its own never drives a stale admin.
 * - The editor is an ordinary admin user whose only role is the plugin's Good-practice editor
 *   (created by the plugin's bootstrap), not a super admin; the translator one whose only role is
 *   the plugin's Translator. Both made by the harness's admin-users.ts.
 */
import type { Core } from '@strapi/strapi';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { type AdminAccount, createAdminUser, EDITOR_ROLE_CODE, TRANSLATOR_ROLE_CODE } from '../../../cms/tests/harness/admin-users.ts';
import { buildCms } from '../../../scripts/lib/builds.ts';
import { withBuildLock } from './build-lock.ts';
import { closeBrowser, openPage, type BrowserSession } from './browser.ts';

export type { AdminAccount };

/**
 * Builds the admin panel (and the CMS server code) unless the last build is still current.
 * `strapi build` empties cms/dist/build first, so two test files that find it stale at once
 * must not both build: the second waits for the lock, then finds the build current.
 */
export async function ensureAdminPanelBuilt(): Promise<void> {
  await withBuildLock('admin-panel-build', buildCms);
}

/** An active admin user whose only role is the plugin's Good-practice editor, with a random password. */
export function createEditor(strapi: Core.Strapi): Promise<AdminAccount> {
  return createAdminUser(strapi, EDITOR_ROLE_CODE, { firstname: 'Edna', lastname: 'Editor' });
}

/**
 * An active admin user whose only role is the plugin's Translator, writing `locales`. The plugin
 * creates that role at boot only when a locale to translate into exists; content seeded after the
 * boot (the demo content) adds its locales later, so the role is made here as the next boot would.
 */
export async function createTranslator(strapi: Core.Strapi, locales: string[]): Promise<AdminAccount> {
  const deployment = strapi.plugin('good-practices').service('deployment') as { ensureRoles(options: { translatorLocales: string[] }): Promise<string[]> };
  await deployment.ensureRoles({ translatorLocales: locales });
  return createAdminUser(strapi, TRANSLATOR_ROLE_CODE, { firstname: 'Tereza', lastname: 'Translator' });
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

/** A page of the shared browser on a wide screen (1440 × 1000), logged into the admin panel as `account`. */
export async function openAdminPage(cmsUrl: string, account: AdminAccount, options: BrowserContextOptions = {}): Promise<BrowserSession> {
  const session = await openPage({ viewport: { width: 1440, height: 1000 }, ...options });
  await logIn(session.page, cmsUrl, account);
  return session;
}

/** Ends what an admin-panel test file opened: its page, the shared browser, its CMS. */
export async function closeAdminTest(session: BrowserSession | undefined, cms: { stop(): Promise<void> } | undefined): Promise<void> {
  await session?.close();
  await closeBrowser();
  await cms?.stop();
}

/** The Content Manager's edit view of one document in one locale. */
export function editViewUrl(cmsUrl: string, uid: string, documentId: string, locale: string): string {
  return `${cmsUrl}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;
}
