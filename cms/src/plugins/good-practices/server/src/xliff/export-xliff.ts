/**
 * XLIFF export: one XLIFF **1.2** file (OASIS XLIFF 1.2, the version every CAT tool reads —
 * OmegaT, Trados, memoQ, Weblate…) per target locale and selection, written by the `xliff`
 * package (jsToXliff12), never by hand.
 *
 * - source language = the default locale, source text = its latest version (drafts included);
 * - target language = the requested locale, target text = that locale's current text where
 *   there is one (no <target> where there is none, so tools show the unit as untranslated);
 * - one trans-unit per segment (translatable-types.ts), id per unit-id.ts, with
 *   xml:space="preserve" (Markdown's line breaks and indentation are meaningful) and a note
 *   saying what the text is;
 * - every text without the characters XML 1.0 forbids (xml-text.ts), or the file would not parse.
 */
import type { Core } from '@strapi/strapi';
import jsToXliff12, { type XliffUnitInput } from 'xliff/jsToXliff12';
import { loadEntries, type EntryRow } from '../translation/entry-rows';
import { answerKeyOf, labelKeyOf } from '../translation/segments';
import { type TranslatableType, type TranslationArea, typesOfAreas } from '../translation/translatable-types';
import { unitId } from './unit-id';
import { xmlText } from './xml-text';

/** The single <file original="…"> of our exports. */
export const XLIFF_FILE_NAME = 'good-practices';

export interface XliffExportRequest {
  sourceLocale: string;
  targetLocale: string;
  areas: readonly TranslationArea[];
  /** Types, and fields of a type (a segment path), the requesting admin may read in both locales (translation/read-permission.ts); absent = all. */
  readable?: (type: TranslatableType, segmentPath?: string) => boolean;
}

const KIND_NAMES: Record<string, string> = {
  practice: 'Practice',
  tool: 'Inspiring tool',
  group: 'Criteria group',
  question: 'Criteria question',
  item: 'Checklist item',
  'integration-area': 'Integration area',
  'target-group': 'Target group',
  site: 'Site texts',
};

function describe(type: TranslatableType, entry: EntryRow, path: string): string {
  const what = answerKeyOf(path) ? `answer to question ${answerKeyOf(path)}` : labelKeyOf(path) ? `interface label ${labelKeyOf(path)}` : `field ${path}`;
  const name = type.identity === 'single' ? '' : ` “${entry.label.length > 80 ? `${entry.label.slice(0, 77)}…` : entry.label}”`;
  const markdownHint = path === 'slug' ? ' (URL part: lowercase letters, digits and hyphens only)' : '';
  return `${KIND_NAMES[type.kind]}${name}: ${what}${markdownHint}`;
}

/** Orders framework entries like the framework (keys sort in framework order), others by label. */
function ordered(type: TranslatableType, entries: Map<string, EntryRow>, locale: string): EntryRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...entries.values()].sort((a, b) =>
    type.identity === 'key' ? collator.compare(a.entryId, b.entryId) : collator.compare(a.label, b.label) || a.entryId.localeCompare(b.entryId),
  );
}

export async function exportXliff(strapi: Core.Strapi, request: XliffExportRequest): Promise<{ xml: string; units: number }> {
  const units: Record<string, XliffUnitInput> = {};
  const readable = request.readable ?? (() => true);
  for (const type of typesOfAreas(request.areas).filter((candidate) => readable(candidate))) {
    const [sources, targets] = await Promise.all([loadEntries(strapi, type, request.sourceLocale), loadEntries(strapi, type, request.targetLocale)]);
    for (const entry of ordered(type, sources, request.sourceLocale)) {
      const translated = new Map((targets.get(entry.entryId)?.segments ?? []).map((segment) => [segment.path, segment.text]));
      // The notes name the entry by its title only for admins who may read the title.
      const named = readable(type, type.labelField) ? entry : { ...entry, label: entry.entryId };
      for (const segment of entry.segments) {
        if (!readable(type, segment.path)) continue;
        const target = translated.get(segment.path);
        units[unitId(type.kind, entry.entryId, segment)] = {
          source: xmlText(segment.text),
          ...(target !== undefined ? { target: xmlText(target) } : {}),
          note: xmlText(describe(type, named, segment.path)),
          additionalAttributes: { 'xml:space': 'preserve' },
        };
      }
    }
  }
  const xml = await jsToXliff12({
    sourceLanguage: request.sourceLocale,
    targetLanguage: request.targetLocale,
    resources: { [XLIFF_FILE_NAME]: units },
  });
  // No XML declaration: the package writes none, and without one XML is UTF-8 by definition.
  return { xml, units: Object.keys(units).length };
}
