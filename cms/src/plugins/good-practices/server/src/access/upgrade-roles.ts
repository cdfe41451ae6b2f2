/**
 * Permissions that a version of the plugin gives its roles and that roles created by an earlier
 * version lack, added once per database: ensure-roles.ts never touches an existing role, so
 * without this an upgraded installation would keep its old editor role.
 *
 * Each upgrade runs once (recorded in the plugin store), so that an administrator who removes a
 * permission afterwards is not overruled at the next boot.
 *
 * - `publish-framework-and-taxonomies`: the criteria framework and the taxonomy terms gained
 *   draft & publish; an editor role created before may update them but could not publish them
 *   (Strapi's `publish` action did not exist for them). The editor gets `publish` on every
 *   plugin type it may update, in the locales it may update. The translator gets nothing: the
 *   translator publishes nothing.
 * - `editor-creates-no-framework-or-terms`: editors no longer create criteria framework entries
 *   or taxonomy terms (editorial-permissions.ts); the editor role loses `create` on those types.
 *   The translator keeps it (it only adds locale versions of existing entries, translator-guard.ts).
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, uids } from '../plugin-id';
import { ADMIN_CREATED_TYPES } from './editorial-permissions';
import { EDITOR_ROLE } from './role-codes';

const CM = 'plugin::content-manager.explorer';
const STORE_KEY = 'role-upgrades';
const PLUGIN_TYPES: readonly string[] = Object.values(uids);

interface StoredPermission {
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] } | null;
}

interface RoleService {
  findOne(where: Record<string, unknown>): Promise<{ id: number } | null>;
  addPermissions(roleId: number, permissions: { action: string; subject: string; properties: { locales?: string[] }; conditions: string[] }[]): Promise<unknown>;
}

interface ActionProvider {
  get(actionId: string): { subjects?: string[] } | undefined;
}

async function addPublishToEditor(strapi: Core.Strapi): Promise<string[]> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const role = await roles.findOne({ code: EDITOR_ROLE.code });
  if (!role) return [];
  const permissions = (await strapi.db.query('admin::permission').findMany({
    where: { role: { id: role.id } },
    select: ['action', 'subject', 'properties'],
  })) as StoredPermission[];
  const publishable = (strapi.service('admin::permission') as unknown as { actionProvider: ActionProvider }).actionProvider.get(`${CM}.publish`)?.subjects ?? [];
  const missing = PLUGIN_TYPES.filter(
    (uid) =>
      publishable.includes(uid) &&
      permissions.some((permission) => permission.action === `${CM}.update` && permission.subject === uid) &&
      !permissions.some((permission) => permission.action === `${CM}.publish` && permission.subject === uid),
  );
  if (missing.length === 0) return [];
  await roles.addPermissions(
    role.id,
    missing.map((uid) => {
      const update = permissions.find((permission) => permission.action === `${CM}.update` && permission.subject === uid);
      const locales = update?.properties?.locales;
      return { action: `${CM}.publish`, subject: uid, properties: locales ? { locales } : {}, conditions: [] };
    }),
  );
  return missing;
}

async function removeTermCreationFromEditor(strapi: Core.Strapi): Promise<string[]> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const role = await roles.findOne({ code: EDITOR_ROLE.code });
  if (!role) return [];
  const creations = (await strapi.db.query('admin::permission').findMany({
    where: { role: { id: role.id }, action: `${CM}.create`, subject: { $in: [...ADMIN_CREATED_TYPES] } },
    select: ['id', 'subject'],
  })) as { id: number; subject: string }[];
  if (creations.length === 0) return [];
  await (strapi.service('admin::permission') as unknown as { deleteByIds(ids: number[]): Promise<unknown> }).deleteByIds(creations.map((row) => row.id));
  return creations.map((row) => row.subject);
}

const upgrades: readonly { id: string; run: (strapi: Core.Strapi) => Promise<string[]> }[] = [
  { id: 'publish-framework-and-taxonomies', run: addPublishToEditor },
  { id: 'editor-creates-no-framework-or-terms', run: removeTermCreationFromEditor },
];

/** Runs the upgrades this database has not had; returns what was added, for the boot log. */
export async function upgradeEditorialRoles(strapi: Core.Strapi): Promise<string[]> {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const stored = (await store.get({ key: STORE_KEY })) as unknown;
  const done = new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  const added: string[] = [];
  for (const upgrade of upgrades) {
    if (done.has(upgrade.id)) continue;
    await strapi.db.transaction(async () => {
      added.push(...(await upgrade.run(strapi)).map((uid) => `${upgrade.id}: ${uid}`));
      done.add(upgrade.id);
      await store.set({ key: STORE_KEY, value: [...done].sort() });
    });
  }
  return added;
}
