/**
 * The XLIFF import writes through the document service, which knows nothing of admin
 * permissions: the import itself checks that the signed-in admin may write each field of each
 * entry in the target locale (content manager create/update, with the locale and field
 * restrictions of their roles), so that a translator imports only into their locales and fields.
 * Server code without an admin (scripts) passes no ability and is trusted.
 */
import type { Core } from '@strapi/strapi';
import type { TranslatableType } from '../translation/translatable-types';

/** The part of Strapi's admin ability (CASL) the checks use. */
export interface AdminAbility {
  can(action: string, subject?: unknown, field?: string): boolean;
}

interface PermissionService {
  createPermissionsManager(options: { ability: AdminAbility; model: string }): { toSubject(target: Record<string, unknown>): unknown };
}

/** An entry as a subject of the ability (so that conditions such as the locale apply to it). */
export function asSubject(strapi: Core.Strapi, ability: AdminAbility, uid: string, target: Record<string, unknown>): unknown {
  return (strapi.service('admin::permission') as unknown as PermissionService).createPermissionsManager({ ability, model: uid }).toSubject(target);
}

export interface WritePermission {
  /** Why the write is not allowed, or undefined when it is. */
  refusal(type: TranslatableType, locale: string, existing: Record<string, unknown> | undefined, fields: readonly string[]): string | undefined;
}

const CREATE = 'plugin::content-manager.explorer.create';
const UPDATE = 'plugin::content-manager.explorer.update';

export function permissionOf(strapi: Core.Strapi, ability: AdminAbility | undefined): WritePermission {
  return {
    refusal(type, locale, existing, fields) {
      if (!ability) return undefined;
      const action = existing ? UPDATE : CREATE;
      const subject = asSubject(strapi, ability, type.uid, { ...(existing ?? {}), locale });
      if (!ability.can(action, subject)) {
        return `you may not ${existing ? 'edit' : 'create'} ${type.kind} translations in ${locale}.`;
      }
      const refused = fields.filter((field) => !ability.can(action, subject, field));
      return refused.length > 0 ? `you may not edit ${refused.join(', ')} of ${type.kind} entries in ${locale}.` : undefined;
    },
  };
}
