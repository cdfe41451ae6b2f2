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
  // Strapi checks its password rules only in its own forms; a deployment must not create a
  // super admin with `admin` as password because that is what the environment said.
  const problems = adminPasswordProblems(password);
  if (env.NODE_ENV === 'production' && problems.length > 0) {
    throw new Error(`ADMIN_PASSWORD must have ${problems.join(', ')} (the rules of Strapi's admin passwords); the first admin was not created.`);
  }

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

/** What `password` lacks by Strapi 5.54's rules for admin passwords (admin validation/common-validators). */
export function adminPasswordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('at least 8 characters');
  if (Buffer.byteLength(password, 'utf8') > 72) problems.push('at most 72 bytes');
  if (!/[a-z]/.test(password)) problems.push('a lowercase letter');
  if (!/[A-Z]/.test(password)) problems.push('an uppercase letter');
  if (!/\d/.test(password)) problems.push('a digit');
  return problems;
}
