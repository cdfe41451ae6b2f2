/**
 * The admin permissions of the plugin's roles, built from Strapi's registered actions so that
 * each permission is one Strapi accepts (publish only exists for draft & publish types, `fields`
 * and `locales` only where the action has them):
 *
 * - Editor: read, update, delete and publish every plugin content type (all have draft & publish,
 *   the framework and the taxonomy terms included), all fields, all locales; create practices,
 *   tools and the site, but not criteria framework entries nor taxonomy terms: those are the
 *   administrators' (the relation pickers of the practice form then offer no "create" either, so
 *   an editor cannot invent a term while filling a practice in); the media library (as Strapi's
 *   own Editor role).
 * - Translator: read every plugin content type (all fields, all locales); create and update in
 *   the assigned locales only, and only the localized fields that carry text (`fields` lists
 *   without the assessment, the shared facts, relations and media). "Create" is needed to add a
 *   locale version of an existing entry; creating new entries is refused by the translator guard.
 *   No delete, no publish.
 */
import type { Core } from '@strapi/strapi';
import { criteriaFrameworkTypes, uids } from '../plugin-id';

export interface RolePermission {
  action: string;
  subject?: string;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

interface RegisteredAction {
  actionId: string;
  subjects?: string[];
}

interface PermissionServices {
  actionProvider: {
    get(actionId: string): RegisteredAction | undefined;
    appliesToProperty(property: string, actionId: string, subject?: string): Promise<boolean>;
  };
}

interface ContentTypeService {
  getNestedFields(model: unknown, options: { components: unknown }): string[];
}

interface AttributeShape {
  type?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

const CM = 'plugin::content-manager.explorer';
const PLUGIN_TYPES: readonly string[] = Object.values(uids);

/** The criteria framework and the taxonomies: only administrators create their entries. */
export const ADMIN_CREATED_TYPES: readonly string[] = criteriaFrameworkTypes;

export const MEDIA_LIBRARY_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

/** Localized attributes a translator writes: texts, slugs, links, answers, labels — not relations or media. */
export function translatableFields(strapi: Core.Strapi, uid: string): string[] {
  const attributes = strapi.contentType(uid as 'plugin::good-practices.practice').attributes as Record<string, AttributeShape>;
  return Object.entries(attributes)
    .filter(([, attribute]) => attribute.type === 'uid' || attribute.pluginOptions?.i18n?.localized === true)
    .filter(([, attribute]) => !['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type ?? ''))
    .map(([name]) => name);
}

async function contentTypePermissions(
  strapi: Core.Strapi,
  actions: readonly string[],
  properties: (action: string, uid: string) => { fields?: string[]; locales?: string[] },
  granted: (action: string, uid: string) => boolean = () => true,
): Promise<RolePermission[]> {
  const { actionProvider } = strapi.service('admin::permission') as unknown as PermissionServices;
  const permissions: RolePermission[] = [];
  for (const action of actions) {
    const actionId = `${CM}.${action}`;
    const registered = actionProvider.get(actionId);
    for (const uid of PLUGIN_TYPES) {
      if (!registered?.subjects?.includes(uid) || !granted(action, uid)) continue;
      const wanted = properties(action, uid);
      const applied: RolePermission['properties'] = {};
      if (wanted.fields && (await actionProvider.appliesToProperty('fields', actionId, uid))) applied.fields = wanted.fields;
      if (wanted.locales && (await actionProvider.appliesToProperty('locales', actionId, uid))) applied.locales = wanted.locales;
      permissions.push({ action: actionId, subject: uid, properties: applied, conditions: [] });
    }
  }
  return permissions;
}

function allFields(strapi: Core.Strapi, uid: string): string[] {
  const service = strapi.service('admin::content-type') as unknown as ContentTypeService;
  return service.getNestedFields(strapi.contentType(uid as 'plugin::good-practices.practice'), { components: strapi.components });
}

export async function editorPermissions(strapi: Core.Strapi, locales: string[]): Promise<RolePermission[]> {
  const contentTypes = await contentTypePermissions(
    strapi,
    ['create', 'read', 'update', 'delete', 'publish'],
    (_action, uid) => ({ fields: allFields(strapi, uid), locales }),
    (action, uid) => !(action === 'create' && ADMIN_CREATED_TYPES.includes(uid)),
  );
  return [...contentTypes, ...MEDIA_LIBRARY_ACTIONS.map((action) => ({ action, conditions: [] }))];
}

export async function translatorPermissions(strapi: Core.Strapi, allLocales: string[], translatorLocales: string[]): Promise<RolePermission[]> {
  return contentTypePermissions(strapi, ['read', 'create', 'update'], (action, uid) =>
    action === 'read' ? { fields: allFields(strapi, uid), locales: allLocales } : { fields: translatableFields(strapi, uid), locales: translatorLocales },
  );
}
