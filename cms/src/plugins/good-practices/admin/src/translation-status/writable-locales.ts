/**
 * The locales the signed-in admin may write the plugin's content in, read from their admin
 * permissions (Content Manager create/update on the plugin's types, `properties.locales`). The
 * translation status itself is open to every admin; this only decides which locale the page
 * opens with and which ones it marks as read-only, so that a translator lands on their language.
 */
import { uids } from '../../../contract/plugin-id';

interface PermissionLike {
  action: string;
  subject?: string | null;
  properties?: { locales?: unknown } | null;
}

const WRITE_ACTIONS = new Set(['plugin::content-manager.explorer.create', 'plugin::content-manager.explorer.update']);
const PLUGIN_TYPES: ReadonlySet<string> = new Set(Object.values(uids));

/** Codes of the locales with a write permission on at least one plugin type. */
export function writableLocales(permissions: readonly PermissionLike[]): Set<string> {
  const locales = new Set<string>();
  for (const permission of permissions) {
    if (!WRITE_ACTIONS.has(permission.action) || !permission.subject || !PLUGIN_TYPES.has(permission.subject)) continue;
    const granted = permission.properties?.locales;
    if (!Array.isArray(granted)) continue;
    for (const code of granted) if (typeof code === 'string') locales.add(code);
  }
  return locales;
}

/** The locale to show first: the one asked for, else the first the admin may write, else the first. */
export function initialLocale(available: readonly string[], writable: ReadonlySet<string>, asked: string | undefined): string | undefined {
  if (asked && available.includes(asked)) return asked;
  return available.find((code) => writable.has(code)) ?? available[0];
}
