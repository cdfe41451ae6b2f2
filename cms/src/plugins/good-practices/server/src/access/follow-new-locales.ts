/**
 * A locale added after the plugin's roles were created (Settings → Internationalization) reaches
 * them where they reach every language: the Good-practice editor creates, edits, publishes and
 * deletes in every language, the Translator reads every language. A role's content-manager
 * permissions name their locales, and Strapi widens them for the super admin only; a fresh
 * installation creates the roles at its first boot, when English is often its only language, so
 * without this its editors would be refused every language added later until an administrator
 * edited the role.
 *
 * An administrator's choice stands: a permission that did not cover every other language (narrowed
 * on purpose) is left as it is, and so are the Translator's writes (its assigned languages).
 */
import type { Core } from '@strapi/strapi';
import { uids } from '../plugin-id';
import { EDITOR_ROLE, TRANSLATOR_ROLE } from './role-codes';

const CM = 'plugin::content-manager.explorer';
const PLUGIN_TYPES: readonly string[] = Object.values(uids);

/** Per role code: which of its content-manager actions reach a new locale. */
const FOLLOWING: Readonly<Record<string, (action: string) => boolean>> = {
  [EDITOR_ROLE.code]: () => true,
  [TRANSLATOR_ROLE.code]: (action) => action === `${CM}.read`,
};

interface PermissionRow {
  id: number;
  action: string;
  subject: string | null;
  properties: { locales?: unknown } | string | null;
}

function propertiesOf(row: PermissionRow): Record<string, unknown> {
  const properties = typeof row.properties === 'string' ? (JSON.parse(row.properties) as unknown) : row.properties;
  return properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {};
}

/** Gives `code` to the permissions that covered every other locale; returns how many it widened. */
export async function extendRolesToLocale(strapi: Core.Strapi, code: string): Promise<number> {
  const others = ((await strapi.db.query('plugin::i18n.locale').findMany({ select: ['code'] })) as { code: string }[])
    .map((locale) => locale.code)
    .filter((other) => other !== code);
  let widened = 0;
  for (const [roleCode, follows] of Object.entries(FOLLOWING)) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: roleCode }, select: ['id'] })) as { id: number } | null;
    if (!role) continue;
    const rows = (await strapi.db.query('admin::permission').findMany({
      where: { role: { id: role.id }, subject: { $in: PLUGIN_TYPES } },
      select: ['id', 'action', 'subject', 'properties'],
    })) as PermissionRow[];
    for (const row of rows) {
      if (!row.action.startsWith(`${CM}.`) || !follows(row.action)) continue;
      const properties = propertiesOf(row);
      const locales = properties.locales;
      // No `locales` property: the action is not per locale (or already reaches every one).
      if (!Array.isArray(locales) || locales.includes(code)) continue;
      if (!others.every((other) => locales.includes(other))) continue;
      await strapi.db.query('admin::permission').update({ where: { id: row.id }, data: { properties: { ...properties, locales: [...locales, code] } } });
      widened += 1;
    }
  }
  return widened;
}

/** From the plugin's bootstrap on: every locale created reaches the roles (see above). */
export function followNewLocales(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    async afterCreate(event: { result?: unknown }) {
      const code = (event.result as { code?: unknown } | undefined)?.code;
      if (typeof code !== 'string') return;
      const widened = await extendRolesToLocale(strapi, code);
      if (widened > 0) strapi.log.info(`[good-practices] the new locale ${code} reaches the editor and translator roles where they reach every language (${widened} permissions).`);
    },
  });
}
