/**
 * Server-side limits of translators, a document-service middleware on the plugin's content
 * types, in addition to their admin permissions (which an administrator can edit, and which
 * Strapi does not check in one case). Translators are members of the Translator role who have
 * no editor or super admin role as well:
 *    - only the locales their role may create or update in (403). Strapi's content manager
 *      checks the locale when an existing locale version is edited, but not when a new locale
 *      version of a document is created (it checks `create` without the locale), so a
 *      translator of Czech could otherwise add German. (Other roles are left to Strapi: roles
 *      with conditions, such as Author's "is creator", cannot be checked without the entry.)
 *    - no delete, publish, unpublish or discard (403), even if their permissions are widened;
 *    - no new entries: they add locale versions of existing ones (403);
 *    - no change to a shared value (non-localized, or the practice's terms), the assessment first of all: the assessment
 *      is a fact about the practice, the same in every language (400 on the field, even if an
 *      administrator added the field to the role's permissions).
 * Writes without an admin behind them (scripts, bootstrap, content-API) are not concerned.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isPlainObject } from '../domain/json-values';
import { type DocumentContext, type Next, writtenData } from '../invariants/document-write';
import { loadTermVersions, sameTerms, TERM_RELATIONS, type TermRelation, termRelations, writesTerms } from '../invariants/shared-terms';
import { rejectWrite, type FieldProblem } from '../invariants/rejection';
import { writeLocale } from '../locales/configured-locales';
import { uids } from '../plugin-id';
import { SUPER_ADMIN_CODE, TRANSLATOR_ROLE, UNRESTRICTED_ROLE_CODES } from './role-codes';
import { asSubject } from './write-permission';
import { type RequestAdmin, requestAdmin } from './request-admin';
import { changesSharedValue, type SharedAttribute } from './shared-values';

const PLUGIN_TYPES: ReadonlySet<string> = new Set(Object.values(uids));
const WRITES = new Set(['create', 'update', 'clone']);
const EDITOR_ONLY = new Set(['delete', 'publish', 'unpublish', 'discardDraft']);
const CM = 'plugin::content-manager.explorer';

interface AttributeShape {
  type?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

/** Shared scalar and JSON attributes (media and relations are not compared). */
function sharedAttributes(strapi: Core.Strapi, uid: string): SharedAttribute[] {
  const attributes = strapi.contentType(uid as 'plugin::good-practices.practice').attributes as Record<string, AttributeShape>;
  return Object.entries(attributes)
    .filter(([, attribute]) => attribute.pluginOptions?.i18n?.localized === false && !['media', 'relation', 'component', 'dynamiczone'].includes(attribute.type ?? ''))
    .map(([name, attribute]) => ({ name, type: attribute.type ?? 'string' }));
}

export function isTranslatorOnly(admin: RequestAdmin): boolean {
  return admin.roleCodes.includes(TRANSLATOR_ROLE.code) && !admin.roleCodes.some((code) => UNRESTRICTED_ROLE_CODES.includes(code));
}

async function checkLocale(strapi: Core.Strapi, admin: RequestAdmin, context: DocumentContext): Promise<void> {
  const { ability } = admin;
  if (!ability) return;
  const locale = await writeLocale(strapi, context.params.locale);
  const subject = asSubject(strapi, ability, context.uid, { locale });
  if (!ability.can(`${CM}.update`, subject) && !ability.can(`${CM}.create`, subject)) {
    throw new errors.ForbiddenError(`You may not write content in the locale “${locale}”.`);
  }
}

/**
 * The shared values a write would change, as problems on their fields (translators only update
 * existing entries: they cannot create). Also what the edit view's save check
 * (controllers/admin-practice-check.ts) tells a translator before they save.
 */
export async function sharedValueProblems(strapi: Core.Strapi, uid: string, documentId: string | undefined, data: Record<string, unknown>): Promise<FieldProblem[]> {
  const termProblems = uid === uids.practice ? await sharedTermProblems(strapi, documentId, data) : [];
  const written = sharedAttributes(strapi, uid).filter((attribute) => data[attribute.name] !== undefined);
  if (written.length === 0) return termProblems;
  // Compared with a draft: a write changes the drafts' shared values (invariants/shared-values.ts),
  // which may differ from the published ones until the next publish.
  const find = (where: Record<string, unknown>) =>
    strapi.db.query(uid as 'plugin::good-practices.practice').findOne({ where, select: written.map((attribute) => attribute.name) }) as Promise<Record<string, unknown> | null>;
  const stored = documentId ? ((await find({ documentId, publishedAt: null })) ?? (await find({ documentId }))) : null;
  return [
    ...termProblems,
    ...written
    .filter((attribute) => !stored || changesSharedValue(attribute, data[attribute.name], stored[attribute.name]))
    .map((attribute) => ({
      field: attribute.name,
      message:
        attribute.name === 'assessment'
          ? 'Translators cannot change the assessment: it is a fact about the practice, the same in every language. Ask an editor.'
          : `Translators cannot change “${attribute.name}”: it is shared by every language. Ask an editor.`,
    })),
  ];
}

const TERM_LABELS: Record<TermRelation, string> = { integrationAreas: 'integration areas', targetGroups: 'target groups' };

/**
 * The practice's terms are shared too (invariants/shared-terms.ts): a translator's write may send
 * them (the content manager sends every relation), but not change the set of term documents the
 * drafts hold. What the write would leave is worked out from its form (a list, or
 * set/connect/disconnect of ids, documentIds or objects holding either).
 */
async function sharedTermProblems(strapi: Core.Strapi, documentId: string | undefined, data: Record<string, unknown>): Promise<FieldProblem[]> {
  const written = termRelations.filter((relation) => writesTerms(data, relation));
  if (written.length === 0) return [];
  const versions = documentId ? await loadTermVersions(strapi, { documentId, publishedAt: null }) : [];
  const problems: FieldProblem[] = [];
  for (const relation of written) {
    const stored = new Set(versions.flatMap((version) => version.sets[relation]));
    const after = await termsAfterWrite(strapi, relation, stored, data[relation]);
    if (!sameTerms([...stored], [...after])) {
      problems.push({ field: relation, message: `Translators cannot change the ${TERM_LABELS[relation]}: they are shared by every language. Ask an editor.` });
    }
  }
  return problems;
}

async function termsAfterWrite(strapi: Core.Strapi, relation: TermRelation, stored: ReadonlySet<string>, value: unknown): Promise<Set<string>> {
  const items = (list: unknown): unknown[] => (Array.isArray(list) ? list : []);
  const ref = (item: unknown): unknown => (isPlainObject(item) ? (item.documentId ?? item.id) : item);
  const lists = isPlainObject(value) ? { set: value.set, connect: items(value.connect), disconnect: items(value.disconnect) } : { set: value ?? [], connect: [], disconnect: [] };
  const ids = [...items(lists.set), ...lists.connect, ...lists.disconnect].map(ref).filter((id): id is number => typeof id === 'number');
  const byId = new Map(
    ids.length === 0
      ? []
      : ((await strapi.db.query(TERM_RELATIONS[relation]).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] })) as { id: number; documentId: string }[]).map((row) => [row.id, row.documentId]),
  );
  // An id that names no term counts as a change (Strapi refuses it anyway).
  const documentIdOf = (item: unknown): string => {
    const key = ref(item);
    return typeof key === 'number' ? (byId.get(key) ?? `#${key}`) : String(key);
  };
  const result = Array.isArray(lists.set) ? new Set(lists.set.map(documentIdOf)) : new Set(stored);
  for (const item of lists.connect) result.add(documentIdOf(item));
  for (const item of lists.disconnect) result.delete(documentIdOf(item));
  return result;
}

async function checkSharedValues(strapi: Core.Strapi, context: DocumentContext): Promise<void> {
  const problems = await sharedValueProblems(strapi, context.uid, context.params.documentId, writtenData(context.params));
  if (problems.length > 0) rejectWrite('entry', problems);
}

export function createTranslatorGuard(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware = async (context: DocumentContext, next: Next): Promise<unknown> => {
    if (!PLUGIN_TYPES.has(context.uid) || !(WRITES.has(context.action) || EDITOR_ONLY.has(context.action))) return next();
    const admin = requestAdmin(strapi);
    if (!admin || admin.roleCodes.includes(SUPER_ADMIN_CODE)) return next();

    if (isTranslatorOnly(admin)) {
      if (EDITOR_ONLY.has(context.action)) throw new errors.ForbiddenError('Translators cannot publish, unpublish or delete: ask an editor.');
      if (context.action !== 'update') throw new errors.ForbiddenError('Translators translate existing entries; an editor creates new ones.');
      await checkLocale(strapi, admin, context);
      await checkSharedValues(strapi, context);
    }
    return next();
  };
  return middleware as unknown as Modules.Documents.Middleware.Middleware;
}
