/**
 * Interpreting the raw metadata block: dates to ISO, country to alpha-2,
 * free text kept verbatim. Every value that is missing, empty, imprecise or
 * could not be interpreted is reported; nothing is guessed silently.
 */
import { resolveCountry } from './country-code';
import { METADATA_LABELS } from './page-header';
import type { MetadataField, PageHeader, RawMetadataValue } from './page-header';
import { parsePageDate } from './parse-date';
import type { Report } from './report';
import type { PracticeDraft } from './types';

export type PracticeMetadata = Pick<PracticeDraft, MetadataField>;

const DATE_FIELDS = new Set<MetadataField>(['projectStart', 'projectEnd', 'validationDate']);

function labelOf(field: MetadataField): string {
  return METADATA_LABELS.find((entry) => entry.field === field)?.label ?? field;
}

/** Multi-paragraph values (objectives, inspiration) keep their paragraphs as Markdown. */
function joinValue(raw: RawMetadataValue): string | null {
  const value = raw.lines.map((line) => line.text).join('\n\n').trim();
  return value === '' ? null : value;
}

function readDate(raw: RawMetadataValue, field: MetadataField, report: Report): string | null {
  const text = joinValue(raw);
  if (text === null) return null;
  const date = parsePageDate(text);
  const line = raw.lines[0]?.line ?? raw.line;
  if (date === null) {
    report.warn(line, 'date-unrecognised', `${labelOf(field)} "${text}" is not a recognised date; left empty.`);
    return null;
  }
  if (date.precision !== 'day') {
    report.warn(line, 'date-imprecise', `${labelOf(field)} "${text}" only gives the ${date.precision}; stored as ${date.iso}.`);
  }
  if (date.assumedDayFirst) {
    report.warn(line, 'date-ambiguous', `${labelOf(field)} "${text}" read day-first as ${date.iso}.`);
  }
  return date.iso;
}

function readCountry(text: string, line: number, report: Report, source: string): string | null {
  const country = resolveCountry(text);
  if (country === null) {
    report.warn(line, 'country-unrecognised', `${source} "${text}" is not a recognised country name or ISO 3166-1 alpha-2 code; left empty.`);
    return null;
  }
  if (!country.exact) {
    report.warn(line, 'country-approximate', `${source} "${text}" matched ${country.code} only approximately.`);
  }
  return country.code;
}

export function readPracticeMetadata(header: PageHeader, optionCountry: string | undefined, report: Report): PracticeMetadata {
  const metadata: PracticeMetadata = {
    country: null,
    projectStart: null,
    projectEnd: null,
    validationDate: null,
    contactDetails: null,
    website: null,
    funding: null,
    objectives: null,
    inspiration: null,
  };

  if (!header.hasMetadataBlock) {
    report.warn(0, 'metadata-absent', 'The page has no metadata block (COUNTRY, PROJECT STARTS, …); all metadata fields are empty.');
  }

  for (const { field, label } of METADATA_LABELS) {
    const raw = header.metadata[field];
    if (raw === undefined) {
      if (header.hasMetadataBlock) report.warn(0, 'metadata-missing', `Metadata label ${label} is missing from the metadata block.`);
      continue;
    }
    const text = joinValue(raw);
    if (text === null) {
      report.warn(raw.line, 'metadata-empty', `Metadata ${label} has no value.`);
      continue;
    }
    if (field === 'country') metadata.country = readCountry(text, raw.lines[0]?.line ?? raw.line, report, label);
    else if (DATE_FIELDS.has(field)) metadata[field] = readDate(raw, field, report);
    else metadata[field] = text;
  }

  // The caller's country (e.g. from the listing page) fills a gap but never overrides the page.
  if (optionCountry !== undefined && optionCountry.trim() !== '') {
    const fromOption = readCountry(optionCountry, 0, report, 'options.country');
    if (metadata.country === null) {
      metadata.country = fromOption;
    } else if (fromOption !== null && fromOption !== metadata.country) {
      report.warn(header.metadata.country?.line ?? 0, 'country-mismatch', `Page country ${metadata.country} differs from options.country ${fromOption}; the page value is kept.`);
    }
  }
  return metadata;
}
