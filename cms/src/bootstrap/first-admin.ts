import type { Core } from '@strapi/strapi';

/**
 * Creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD when the database has no admin
 * yet, so a newcomer can log in right after `npm start` (which generates the password into the
 * git-ignored .env and prints it once). Never a fixed password in code; never touches an existing admin.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email || !password) return;

  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) {
    strapi.log.warn('No super admin role found; first admin not created.');
    return;
  }
  await users.create({
    email,
    firstname: env.ADMIN_FIRSTNAME?.trim() || 'Admin',
    lastname: env.ADMIN_LASTNAME?.trim() || '',
    password,
    registrationToken: null,
    isActive: true,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Created the first admin account ${email}.`);
}
