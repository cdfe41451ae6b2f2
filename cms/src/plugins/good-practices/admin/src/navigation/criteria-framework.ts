/**
 * Where editors and translators land, and what only administrators see in the Content Manager:
 * the criteria framework and the taxonomies (contract/plugin-id.ts `criteriaFrameworkTypes`),
 * whose entries only administrators create (server/src/access/editorial-permissions.ts). Who is an
 * administrator is read from the permissions Strapi already loaded for the panel: whoever may
 * create framework entries. Hiding links is presentation only; the server's permissions decide.
 */
import { criteriaFrameworkTypes, uids } from '../../../contract/plugin-id';

export interface AdminPermission {
  action: string;
  subject?: string | null;
}

const READ = 'plugin::content-manager.explorer.read';
const CREATE = 'plugin::content-manager.explorer.create';

/** The practices' list in the Content Manager (relative to the admin's base path). */
export const PRACTICES_PATH = `/content-manager/collection-types/${uids.practice}`;

/** The administrators' "Criteria framework" page. */
export const CRITERIA_FRAMEWORK_PATH = 'criteria-framework';

/** Who sees the "Criteria framework" menu entry: whoever may create one of its entries. */
export const criteriaFrameworkPermissions = criteriaFrameworkTypes.map((subject) => ({ action: CREATE, subject }));

export function createsCriteriaFramework(permissions: readonly AdminPermission[]): boolean {
  return permissions.some((permission) => permission.action === CREATE && criteriaFrameworkTypes.some((uid) => uid === permission.subject));
}

export function readsPractices(permissions: readonly AdminPermission[]): boolean {
  return permissions.some((permission) => permission.action === READ && permission.subject === uids.practice);
}

/**
 * The Content Manager's menu of collection types without the framework's types, for a user who
 * does not administer the framework. Unknown permissions (not loaded yet) leave the menu whole.
 */
export function withoutCriteriaFrameworkLinks<Link extends { uid: string }>(links: Link[], permissions: readonly AdminPermission[] | undefined): Link[] {
  if (!permissions || createsCriteriaFramework(permissions)) return links;
  return links.filter((link) => !criteriaFrameworkTypes.some((uid) => uid === link.uid));
}
