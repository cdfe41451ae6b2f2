/**
 * Creates the Editor and Translator admin roles at boot, each only when no role has its code:
 * an existing role is never touched, so what an administrator changes later (permissions,
 * locales, name) survives every boot.
 *
 * The Translator's locales are TRANSLATOR_LOCALES (codes that are configured) or, by default,
 * every locale except the default one. With no such locale yet (a fresh installation, before
 * locales are added) the role is not created: a role without a language to translate would stay
 * useless, and "only if absent" would never fix it. It is created at the first boot that has one.
 * Locales added later reach the roles where they reach every language (follow-new-locales.ts).
 * Permissions a newer version of the plugin gives its roles reach existing roles once, through
 * upgrade-roles.ts (e.g. publishing the framework and the taxonomy terms).
 */
import type { Core } from '@strapi/strapi';
import { listConfiguredLocales } from '../locales/configured-locales';
import { editorPermissions, type RolePermission, translatorPermissions } from './editorial-permissions';
import { EDITOR_ROLE, TRANSLATOR_ROLE } from './role-codes';
import { upgradeEditorialRoles } from './upgrade-roles';
import type { RolesOptions } from '../../../contract/services';

interface RoleService {
  findOne(where: Record<string, unknown>): Promise<{ id: number } | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: RolePermission[]): Promise<unknown>;
}

type RoleSpec = { code: string; name: string; description: string };

async function createRole(strapi: Core.Strapi, spec: RoleSpec, permissions: () => Promise<RolePermission[]>): Promise<boolean> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  if (await roles.findOne({ code: spec.code })) return false;
  if (await roles.findOne({ name: spec.name })) {
    strapi.log.warn(`[good-practices] an admin role named “${spec.name}” exists with another code: the ${spec.code} role was not created.`);
    return false;
  }
  // One transaction: a role must never exist without its permissions, "only if absent" would keep it so.
  await strapi.db.transaction(async () => {
    const role = await roles.create({ name: spec.name, code: spec.code, description: spec.description });
    await roles.assignPermissions(role.id, await permissions());
  });
  return true;
}

export async function ensureEditorialRoles(strapi: Core.Strapi, options: RolesOptions = {}): Promise<string[]> {
  const locales = await listConfiguredLocales(strapi);
  const all = locales.map((locale) => locale.code);
  const created: string[] = [];

  if (await createRole(strapi, EDITOR_ROLE, () => editorPermissions(strapi, all))) created.push(EDITOR_ROLE.name);

  const requested = options.translatorLocales;
  const unknown = (requested ?? []).filter((code) => !all.includes(code));
  const translatorLocales = requested ? requested.filter((code) => all.includes(code)) : locales.filter((locale) => !locale.isDefault).map((locale) => locale.code);
  const translatorExists = Boolean(await (strapi.service('admin::role') as unknown as RoleService).findOne({ code: TRANSLATOR_ROLE.code }));
  if (!translatorExists) {
    if (unknown.length > 0) strapi.log.warn(`[good-practices] TRANSLATOR_LOCALES names locales that are not configured: ${unknown.join(', ')} (ignored).`);
    if (translatorLocales.length === 0) {
      strapi.log.info('[good-practices] no locale to translate into yet: the Translator role will be created at a boot that has one.');
    } else if (await createRole(strapi, TRANSLATOR_ROLE, () => translatorPermissions(strapi, all, translatorLocales))) {
      created.push(`${TRANSLATOR_ROLE.name} (${translatorLocales.join(', ')})`);
    }
  }
  if (created.length > 0) strapi.log.info(`[good-practices] created the admin roles ${created.join(' and ')}.`);
  const upgraded = await upgradeEditorialRoles(strapi);
  if (upgraded.length > 0) strapi.log.info(`[good-practices] brought the existing editor role to the permissions of this version (${upgraded.join(', ')}).`);
  return created;
}
