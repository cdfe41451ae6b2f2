/**
 * The values a practice shares across its languages: every attribute the schema marks as not
 * localized (country, project dates, validation status and date, website, cover image,
 * assessment). Unpublished means unpublished for them too:
 *
 * - a draft write keeps them in agreement among the *drafts* of every locale and never touches a
 *   published version (Strapi's i18n only syncs versions of the same status, on some paths only,
 *   and our former propagation wrote into published versions: an edit went live unpublished);
 * - a publish copies them from the version just published into every published locale, in the
 *   publish's transaction, and the site is told about each other locale whose public page
 *   changed (Strapi announces only the locale it published).
 *
 * Relations (integration areas, target groups) are localized in Strapi's sense; they are shared
 * as sets of term documents by shared-terms.ts, with the same rules.
 * Rows are written with `db.query` (no document-service middleware, so nothing recurses) and fire
 * the database lifecycles, which bump the read caches (read-model/content-generation.ts).
 * `updatedAt` is left alone on purpose: the content manager tells "modified" from "published" by
 * comparing the draft's and the published version's `updatedAt`, and a locale's unpublished text
 * edits must not look published because another locale was.
 */
import type { Core } from '@strapi/strapi';
import { changesSharedValue, type SharedAttribute } from '../access/shared-values';
import { isPlainObject } from '../domain/json-values';
import { uids } from '../plugin-id';

interface AttributeShape {
  type?: string;
  multiple?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

export interface SharedFields {
  /** Scalar and JSON attributes, compared in canonical form. */
  scalars: SharedAttribute[];
  /** Single media attributes (the cover image), compared by file id. */
  media: string[];
}

/** What one version holds of the shared values: scalars as stored, media as file ids. */
export type SharedValues = Record<string, unknown>;

export interface VersionRow extends SharedValues {
  id: number;
  locale: string;
  publishedAt: string | Date | null;
}

export function sharedFields(strapi: Core.Strapi): SharedFields {
  const attributes = strapi.contentType(uids.practice).attributes as Record<string, AttributeShape>;
  const shared = Object.entries(attributes).filter(([, attribute]) => attribute.pluginOptions?.i18n?.localized === false);
  return {
    scalars: shared
      .filter(([, attribute]) => !['media', 'relation', 'component', 'dynamiczone'].includes(attribute.type ?? ''))
      .map(([name, attribute]) => ({ name, type: attribute.type ?? 'string' })),
    media: shared.filter(([, attribute]) => attribute.type === 'media').map(([name, attribute]) => {
      // The model has none; copying a gallery would need the files' order too.
      if (attribute.multiple === true) throw new Error(`Shared multiple media (${name}) are not supported by the practice's shared values.`);
      return name;
    }),
  };
}

const fileId = (value: unknown): number | null => (isPlainObject(value) && typeof value.id === 'number' ? value.id : null);

/** Every version of the practice matching `where`, with its shared values. */
export async function loadSharedVersions(strapi: Core.Strapi, where: Record<string, unknown>): Promise<VersionRow[]> {
  const fields = sharedFields(strapi);
  const rows = (await strapi.db.query(uids.practice).findMany({
    where,
    select: ['id', 'locale', 'publishedAt', ...fields.scalars.map((attribute) => attribute.name)],
    populate: Object.fromEntries(fields.media.map((name) => [name, { select: ['id'] }])),
  })) as Record<string, unknown>[];
  return rows.map((row) => ({ ...row, ...Object.fromEntries(fields.media.map((name) => [name, fileId(row[name])])) }) as VersionRow);
}

export function sharedValuesOf(strapi: Core.Strapi, row: SharedValues): SharedValues {
  const fields = sharedFields(strapi);
  return Object.fromEntries([...fields.scalars.map((attribute) => attribute.name), ...fields.media].map((name) => [name, row[name] ?? null]));
}

/** The fields of `row` that differ from `values`, with the values to write. */
function differences(fields: SharedFields, row: SharedValues, values: SharedValues): SharedValues {
  const changed: SharedValues = {};
  for (const attribute of fields.scalars) {
    if (attribute.name in values && changesSharedValue(attribute, values[attribute.name], row[attribute.name])) changed[attribute.name] = values[attribute.name] ?? null;
  }
  for (const name of fields.media) {
    if (name in values && (values[name] ?? null) !== (row[name] ?? null)) changed[name] = values[name] ?? null;
  }
  return changed;
}

/**
 * Writes `values` into the versions of the document of one status (drafts or published) that
 * differ; returns how many it changed.
 */
export async function writeSharedValues(strapi: Core.Strapi, documentId: string, status: 'draft' | 'published', values: SharedValues): Promise<number> {
  const fields = sharedFields(strapi);
  const versions = await loadSharedVersions(strapi, { documentId, publishedAt: status === 'draft' ? null : { $notNull: true } });
  let written = 0;
  for (const version of versions) {
    const data = differences(fields, version, values);
    if (Object.keys(data).length === 0) continue;
    await strapi.db.query(uids.practice).update({ where: { id: version.id }, data });
    written += 1;
  }
  return written;
}

/**
 * Tells the site (and anything else listening to Strapi's entry events, such as webhooks) that
 * these published versions changed, once the transaction commits: the same `entry.update` event
 * Strapi emits for a version it writes itself.
 */
export function announcePublishedChanges(strapi: Core.Strapi, versions: readonly { id: number }[]): Promise<void> {
  if (versions.length === 0) return Promise.resolve();
  const model = strapi.contentType(uids.practice);
  return strapi.db.transaction(({ onCommit }) => {
    onCommit(async () => {
      for (const version of versions) {
        try {
          const entry = await strapi.db.query(uids.practice).findOne({ where: { id: version.id } });
          if (entry) await strapi.eventHub.emit('entry.update', { model: model.modelName, uid: model.uid, entry });
        } catch (error) {
          strapi.log.warn(`[good-practices] could not announce the change of practice version ${version.id}: ${(error as Error).message}`);
        }
      }
    });
  });
}

/**
 * Gives every published locale of the document `values` and announces the versions whose shared
 * values differ from what they held in `before` (taken before the publish: i18n may already have
 * copied some during it). Versions the publish itself created are Strapi's to announce.
 */
export async function publishSharedValues(
  strapi: Core.Strapi,
  documentId: string,
  values: SharedValues,
  before: readonly VersionRow[],
  /** Versions changed otherwise by the publish (their terms, shared-terms.ts), announced too. */
  alsoChanged: readonly number[] = [],
): Promise<void> {
  await writeSharedValues(strapi, documentId, 'published', values);
  if (before.length === 0) return;
  const fields = sharedFields(strapi);
  const after = await loadSharedVersions(strapi, { id: { $in: before.map((version) => version.id) } });
  const changed = after.filter((version) => {
    const old = before.find((candidate) => candidate.id === version.id);
    return old !== undefined && (alsoChanged.includes(version.id) || Object.keys(differences(fields, old, sharedValuesOf(strapi, version))).length > 0);
  });
  await announcePublishedChanges(strapi, changed);
}
