/**
 * Works out, without writing, what importing an XLIFF document would write: checks every unit
 * (known entry, localized text field, plain text, valid slug, the user's right to write it) and
 * turns the units whose target differs from the locale's current text into one write per entry.
 * Any problem anywhere means no write at all (import-problems.ts).
 *
 * Rules:
 * - a unit without a target, or with an empty one, is skipped (not translated yet; an import
 *   never blanks a translation);
 * - a target equal to the current text is left alone, so exporting and re-importing a file
 *   writes nothing;
 * - a unit of an entry with no version in the target locale creates that version (a draft) with
 *   the file's units; the texts a version cannot be created without (title/name…, slug) that the
 *   file does not translate are taken from the source and reported as untranslated
 *   (`PlannedWrite.untranslated`), and stamped so that the translation status lists them as
 *   still to translate (UNTRANSLATED_STAMP);
 * - a missing slug of a new version is derived from the translated title when the file
 *   translates it (a Czech title gives a Czech slug), otherwise it is the source's slug (taken
 *   from the source, so reported untranslated); either way made unique among the locale's slugs
 *   (domain/slug.ts), so the slug invariant never refuses it;
 * - the recorded source fingerprint of an imported text is the one of the source text *in the
 *   file*: a translation made from an older export shows as outdated at once.
 *
 * Linear in the size of the file: units, segments, answers and slugs are looked up in Maps and
 * Sets built once, and the loops over units give the event loop a turn every few milliseconds.
 */
import type { Core } from '@strapi/strapi';
import { readAnswers, type StoredAnswer } from '../domain/answers';
import { slugFor, uniqueSlug } from '../domain/slug';
import type { ConfiguredLocale } from '../locales/configured-locales';
import { type EntryRow, loadEntries } from '../translation/entry-rows';
import { answerKeyOf, labelKeyOf, readLabels } from '../translation/segments';
import { normaliseText, sourceHash } from '../translation/source-hash';
import { type TranslatableType, typeOfKind } from '../translation/translatable-types';
import { createSlicer } from './event-loop';
import { ImportProblems } from './import-problems';
import type { XliffDocument, XliffUnit } from './read-xliff';
import { parseUnitId } from './unit-id';
import type { WritePermission } from '../access/write-permission';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PlannedWrite {
  type: TranslatableType;
  entryId: string;
  /** The entry's title, name or text in the default locale (EntryRow.label), to name it in the outcome. */
  label: string;
  /** The document the locale version belongs to (the source's, when the version is new). */
  documentId: string;
  isNew: boolean;
  data: Record<string, unknown>;
  /** Segment path -> fingerprint of the file's source text (UNTRANSLATED_STAMP for a text taken from the source). */
  stamps: Record<string, string>;
  /** Required fields of a new version that the file does not translate: written with the source's text. */
  untranslated: string[];
}

/**
 * The stamp of a text copied from the source into a new version: never a fingerprint of any text,
 * so the translation status reports the segment as outdated (to translate) until a translation of
 * it is saved, which records a real fingerprint.
 */
export const UNTRANSLATED_STAMP = 'untranslated';

export interface ImportPlan {
  locale: string;
  writes: PlannedWrite[];
  unchanged: number;
  skipped: number;
  units: number;
}

/**
 * Texts equal once through XML: parsers turn CR LF into LF, and the package writes a literal
 * "&amp;" as "&amp;" (it avoids double escaping), which reads back as "&".
 */
function sameText(current: string | undefined, incoming: string): boolean {
  if (current === undefined) return false;
  const throughXml = (text: string) => text.replace(/\r\n?/g, '\n').replace(/&amp;/g, '&');
  return throughXml(current) === throughXml(incoming);
}

interface ChangedSegment {
  path: string;
  target: string;
  source: string;
}

interface EntryChanges {
  type: TranslatableType;
  source: EntryRow;
  translation: EntryRow | undefined;
  changes: ChangedSegment[];
}

const segmentIndex = new WeakMap<EntryRow, Map<string, string>>();

/** The text of an entry's segment at `path`, through a per-entry index built on first use. */
function segmentText(entry: EntryRow | undefined, path: string): string | undefined {
  if (!entry) return undefined;
  let index = segmentIndex.get(entry);
  if (!index) {
    index = new Map(entry.segments.map((segment) => [segment.path, segment.text]));
    segmentIndex.set(entry, index);
  }
  return index.get(path);
}

function describeField(strapi: Core.Strapi, type: TranslatableType, path: string): string {
  const field = path.split('/')[0];
  const attribute = (strapi.contentType(type.uid).attributes as Record<string, { pluginOptions?: { i18n?: { localized?: boolean } }; type?: string }>)[field];
  if (!attribute) return `${type.kind} has no field “${field}”.`;
  if (attribute.pluginOptions?.i18n?.localized !== true && attribute.type !== 'uid') {
    return `“${field}” is not a localized field: it is the same in every language and cannot be translated.`;
  }
  return `“${field}” is not a text translated through XLIFF (edit it in the admin).`;
}

function isTextPath(type: TranslatableType, path: string): boolean {
  if (type.textFields.includes(path)) return true;
  if (type.answers && answerKeyOf(path) !== undefined) return true;
  return type.labels && labelKeyOf(path) !== undefined;
}

/** The data of one entry's write: changed text fields, answers and labels merged into the current ones. */
function dataOf(entry: EntryChanges): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const current = entry.translation?.row ?? {};
  const answers: StoredAnswer[] | undefined = entry.type.answers ? readAnswers(current.answers) : undefined;
  const answerByKey = new Map((answers ?? []).map((answer) => [answer.questionKey, answer]));
  // A new answer cites the tools the source answer cites: citations are facts, not words.
  const sourceTools = new Map(entry.type.answers ? readAnswers(entry.source.row.answers).map((answer) => [answer.questionKey, answer.tools]) : []);
  const labels: Record<string, string> | undefined = entry.type.labels ? readLabels(current.labels) : undefined;
  let answersChanged = false;
  let labelsChanged = false;
  for (const change of entry.changes) {
    const questionKey = answerKeyOf(change.path);
    const labelKey = labelKeyOf(change.path);
    if (answers && questionKey !== undefined) {
      const existing = answerByKey.get(questionKey);
      if (existing) existing.body = change.target;
      else {
        const added = { questionKey, body: change.target, tools: [...(sourceTools.get(questionKey) ?? [])] };
        answers.push(added);
        answerByKey.set(questionKey, added);
      }
      answersChanged = true;
    } else if (labels && labelKey !== undefined) {
      labels[labelKey] = change.target;
      labelsChanged = true;
    } else {
      data[change.path] = change.target;
    }
  }
  if (answersChanged) data.answers = answers;
  if (labelsChanged) data.labels = labels;
  return data;
}

async function takenSlugs(strapi: Core.Strapi, type: TranslatableType, locale: string): Promise<Set<string>> {
  const rows = (await strapi.db.query(type.uid).findMany({ where: { locale }, select: ['slug'] })) as { slug: string | null }[];
  return new Set(rows.map((row) => row.slug).filter((slug): slug is string => Boolean(slug)));
}

export async function planImport(
  strapi: Core.Strapi,
  document: XliffDocument,
  locales: readonly ConfiguredLocale[],
  permission: WritePermission,
): Promise<ImportPlan> {
  const problems = new ImportProblems();
  const defaultLocale = locales.find((locale) => locale.isDefault)?.code ?? 'en';
  const sameCode = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

  // The file as a whole: its languages must be this CMS's source and one of its other locales.
  if (!sameCode(document.sourceLanguage, defaultLocale)) {
    problems.add('file', `the source language of the file is “${document.sourceLanguage}”, but translations are made from the default locale “${defaultLocale}”: export the file again from this CMS.`);
  }
  const target = locales.find((locale) => sameCode(locale.code, document.targetLanguage));
  if (!target) {
    problems.add('file', `the target language “${document.targetLanguage}” is not a locale of this CMS (locales: ${locales.map((locale) => locale.code).join(', ')}).`);
  } else if (target.isDefault) {
    problems.add('file', `the target language “${target.code}” is the default locale, the source of every translation.`);
  }
  problems.throwIfAny();
  const locale = target!.code;

  const slicer = createSlicer();
  // Every unit: address, field, entry, text.
  const addressed = new Map<TranslatableType, { unit: XliffUnit; entryId: string; path: string }[]>();
  for (const unit of document.units) {
    await slicer.pause();
    const address = parseUnitId(unit.id);
    const type = address ? typeOfKind(address.kind) : undefined;
    if (!address || !type) {
      problems.add(unit.id, `unknown unit id “${unit.id}” (expected e.g. practice/<documentId>/title, question/<key>/text, site/labels/<key>).`);
      continue;
    }
    if (!isTextPath(type, address.path)) {
      problems.add(unit.id, describeField(strapi, type, address.path));
      continue;
    }
    const ofType = addressed.get(type);
    if (ofType) ofType.push({ unit, entryId: address.entryId, path: address.path });
    else addressed.set(type, [{ unit, entryId: address.entryId, path: address.path }]);
  }

  const changesByEntry = new Map<string, EntryChanges>();
  let unchanged = 0;
  let skipped = 0;
  for (const [type, units] of addressed) {
    const [sources, translations] = await Promise.all([loadEntries(strapi, type, defaultLocale), loadEntries(strapi, type, locale)]);
    for (const { unit, entryId, path } of units) {
      await slicer.pause();
      const source = sources.get(entryId);
      if (!source) {
        problems.add(unit.id, `there is no ${type.kind} “${entryId}” in the default locale ${defaultLocale}.`);
        continue;
      }
      const sourceText = segmentText(source, path);
      if (sourceText === undefined) {
        problems.add(unit.id, `the ${type.kind} “${source.label}” has no text at “${path}” in ${defaultLocale} to translate.`);
        continue;
      }
      if (unit.source !== undefined && typeof unit.source !== 'string') {
        problems.add(unit.id, 'the source contains inline markup; texts are exchanged as plain text.');
        continue;
      }
      if (unit.target === undefined) {
        skipped += 1;
        continue;
      }
      if (typeof unit.target !== 'string') {
        problems.add(unit.id, 'the target contains inline markup (<g>, <x/>, <ph>…); write the translation as plain text.');
        continue;
      }
      if (unit.target.trim() === '') {
        skipped += 1;
        continue;
      }
      if (path === 'slug' && !SLUG.test(unit.target)) {
        problems.add(unit.id, `the slug “${unit.target}” may contain only lowercase letters, digits and single hyphens.`);
        continue;
      }
      const translation = translations.get(entryId);
      const current = segmentText(translation, path);
      if (sameText(current, unit.target)) {
        unchanged += 1;
        continue;
      }
      const key = `${type.kind}/${entryId}`;
      const entry = changesByEntry.get(key) ?? { type, source, translation, changes: [] };
      // Fingerprint of the text the translator saw; the current source when the file omits it.
      entry.changes.push({ path, target: unit.target, source: typeof unit.source === 'string' && normaliseText(unit.source) !== '' ? unit.source : sourceText });
      changesByEntry.set(key, entry);
    }
  }

  // Slugs taken in the locale, per type: loaded once, and each derived slug joins them, so that
  // two new versions with the same title get distinct slugs.
  const slugsTaken = new Map<TranslatableType, Set<string>>();
  const writes: PlannedWrite[] = [];
  for (const entry of changesByEntry.values()) {
    await slicer.pause();
    const { type, source, translation } = entry;
    const data = dataOf(entry);
    const isNew = translation === undefined;
    const untranslated: string[] = [];
    if (isNew) {
      for (const field of type.requiredForNewVersion) {
        if (data[field] !== undefined) continue;
        if (field === 'slug') {
          const title = data[type.labelField];
          const sourceSlug = segmentText(source, 'slug');
          const translatedTitle = typeof title === 'string' && !untranslated.includes(type.labelField);
          if (!translatedTitle) untranslated.push('slug');
          let taken = slugsTaken.get(type);
          if (!taken) {
            taken = await takenSlugs(strapi, type, locale);
            slugsTaken.set(type, taken);
          }
          const base = translatedTitle ? slugFor(title as string, type.kind) : sourceSlug && SLUG.test(sourceSlug) ? sourceSlug : slugFor(source.label, type.kind);
          const slug = uniqueSlug(base, taken);
          taken.add(slug);
          data.slug = slug;
          continue;
        }
        const sourceText = segmentText(source, field);
        if (sourceText === undefined || sourceText.trim() === '') {
          problems.add(`${type.kind}/${entry.source.entryId}`, `the ${type.kind} “${source.label}” has no ${locale} version yet and no “${field}” in ${defaultLocale} to start one from: the file must translate its “${field}”.`);
          continue;
        }
        data[field] = sourceText;
        untranslated.push(field);
      }
    }
    const refusal = permission.refusal(type, locale, isNew ? undefined : translation?.row, Object.keys(data));
    if (refusal) problems.add(`${type.kind}/${entry.source.entryId}`, refusal);
    writes.push({
      type,
      entryId: source.entryId,
      label: source.label,
      documentId: translation?.documentId ?? source.documentId,
      isNew,
      data,
      stamps: {
        ...Object.fromEntries(entry.changes.map((change) => [change.path, sourceHash(change.source)])),
        ...Object.fromEntries(untranslated.map((field) => [field, UNTRANSLATED_STAMP])),
      },
      untranslated,
    });
  }
  problems.throwIfAny();
  return { locale, writes, unchanged, skipped, units: document.units.length };
}
