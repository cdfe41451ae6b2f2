/**
 * Which translations are missing, incomplete or outdated, per locale. The default locale is the
 * source of every translation (as in the XLIFF export); its latest versions (drafts included:
 * translators may translate before publication) are compared with each other locale's.
 *
 * Outdated = a translated segment whose source text no longer has the fingerprint recorded when
 * the translation was saved (see stamp-middleware.ts). A segment translated before fingerprints
 * were recorded falls back to comparing save times, the only evidence there is.
 *
 * Only what the admin may read is reported (read-permission.ts): the types they may read in the
 * default locale, in the target locales where they may read them too. An admin who may read none
 * of the translatable types in the default locale gets a 403.
 *
 * Two queries per content type and locale plus one for the stamps, whatever the content's size.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { listConfiguredLocales } from '../locales/configured-locales';
import { type EntryRow, loadEntries, publishedDocumentIds } from './entry-rows';
import { type ReadPermission, readEverything } from './read-permission';
import { sourceHash } from './source-hash';
import { createStampsStore, stampKey, type TranslationStamp } from './stamps-store';
import { translatableTypes, type TranslatableType, type TranslationArea, translationAreas } from './translatable-types';
import type {
  LocaleTranslationStatus,
  TranslationAreaStatus,
  TranslationEntryRef,
  TranslationEntryStatus,
  TranslationStatusResponse,
} from '../../../contract/admin-api';

interface SourceOfType {
  type: TranslatableType;
  entries: EntryRow[];
  published: Set<string>;
  /** Whether the admin may read the field that names entries (else they are named by id or key). */
  labelReadable: boolean;
}

function reference(source: SourceOfType, entry: EntryRow): TranslationEntryRef {
  const { type } = source;
  return {
    kind: type.kind,
    uid: type.uid,
    documentId: entry.documentId,
    key: type.identity === 'key' ? entry.entryId : null,
    label: !source.labelReadable ? entry.entryId : entry.label.length > 120 ? `${entry.label.slice(0, 117)}…` : entry.label,
    published: type.draftAndPublish ? source.published.has(entry.documentId) : null,
  };
}

/** Compares one translated entry with its source. */
export function compareEntry(source: EntryRow, translation: EntryRow, stamp: TranslationStamp | undefined) {
  const translated = new Set(translation.segments.map((segment) => segment.path));
  const untranslated: string[] = [];
  const outdated: string[] = [];
  let byTime = false;
  const olderThanSource = source.updatedAt !== null && translation.updatedAt !== null && translation.updatedAt < source.updatedAt;
  for (const segment of source.segments) {
    if (!translated.has(segment.path)) {
      untranslated.push(segment.path);
      continue;
    }
    const recorded = stamp?.hashes[segment.path];
    if (recorded !== undefined) {
      if (recorded !== sourceHash(segment.text)) outdated.push(segment.path);
    } else if (olderThanSource) {
      outdated.push(segment.path);
      byTime = true;
    }
  }
  return { untranslated, outdated, basis: byTime ? ('updatedAt' as const) : ('fingerprint' as const) };
}

const emptyArea = (): TranslationAreaStatus => ({ total: 0, missing: [], outdated: [], incomplete: [] });

export async function translationStatus(strapi: Core.Strapi, permission: ReadPermission = readEverything): Promise<TranslationStatusResponse> {
  const locales = await listConfiguredLocales(strapi);
  const defaultLocale = locales.find((locale) => locale.isDefault)?.code ?? locales[0]?.code ?? 'en';
  const readableSources = translatableTypes.filter((type) => permission.mayRead(type, defaultLocale));
  if (readableSources.length === 0) throw new errors.ForbiddenError(`You may not read any translatable content in ${defaultLocale}, the source of every translation.`);
  const targets = locales.filter((locale) => locale.code !== defaultLocale && readableSources.some((type) => permission.mayRead(type, locale.code)));

  const sources: SourceOfType[] = await Promise.all(
    readableSources.map(async (type) => {
      const [entries, published] = await Promise.all([loadEntries(strapi, type, defaultLocale), publishedDocumentIds(strapi, type, defaultLocale)]);
      const collator = new Intl.Collator(defaultLocale, { sensitivity: 'base', numeric: true });
      const labelReadable = permission.mayRead(type, defaultLocale, type.labelField);
      const shown = (entry: EntryRow) => (labelReadable ? entry.label : entry.entryId);
      return { type, published, labelReadable, entries: [...entries.values()].sort((a, b) => collator.compare(shown(a), shown(b))) };
    }),
  );
  const stamps = await createStampsStore(strapi).all();

  const statuses: LocaleTranslationStatus[] = [];
  for (const target of targets) {
    const areas = Object.fromEntries(translationAreas.map((area) => [area, emptyArea()])) as Record<TranslationArea, TranslationAreaStatus>;
    for (const source of sources) {
      if (!permission.mayRead(source.type, target.code)) continue;
      const area = areas[source.type.area];
      const translations = await loadEntries(strapi, source.type, target.code);
      for (const entry of source.entries) {
        area.total += 1;
        const translation = translations.get(entry.entryId);
        if (!translation) {
          area.missing.push(reference(source, entry));
          continue;
        }
        const comparison = compareEntry(entry, translation, stamps.get(stampKey(source.type.kind, entry.entryId, target.code)));
        const status = (fields: string[]): TranslationEntryStatus => ({ ...reference(source, entry), translationDocumentId: translation.documentId, fields });
        if (comparison.outdated.length > 0) area.outdated.push({ ...status(comparison.outdated), basis: comparison.basis });
        if (comparison.untranslated.length > 0) area.incomplete.push(status(comparison.untranslated));
      }
    }
    statuses.push({ locale: target.code, name: target.name, areas });
  }
  return { data: { defaultLocale, locales: statuses } };
}
