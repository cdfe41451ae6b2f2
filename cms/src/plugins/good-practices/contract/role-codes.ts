/**
 * The plugin's admin roles. Identified by code (an admin may rename a role, never re-code it):
 * the bootstrap creates a role only when no role has its code, and the translator guard (and the
 * admin panel's edit view, which hides what a translator cannot change) recognises translators
 * by it. The names avoid Strapi's own "Editor" (code strapi-editor), which every installation has
 * and whose name is unique.
 */
export const EDITOR_ROLE = {
  code: 'good-practices-editor',
  name: 'Good-practice editor',
  description: 'Creates, edits, publishes and deletes practices, tools, the criteria framework, taxonomies and the site texts in every language; uses the media library.',
} as const;

export const TRANSLATOR_ROLE = {
  code: 'good-practices-translator',
  name: 'Translator',
  description: 'Reads everything and translates the texts of practices, tools, the framework, taxonomies and the site into the assigned languages; cannot publish, delete or change shared facts such as the assessment.',
} as const;

export const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** Roles whose members are never limited as translators, whatever other roles they have. */
export const UNRESTRICTED_ROLE_CODES: readonly string[] = [SUPER_ADMIN_CODE, EDITOR_ROLE.code, 'strapi-editor'];
