/**
 * The page header: everything above the criteria, i.e. the practice title
 * and the metadata block (COUNTRY, PROJECT STARTS, … INSPIRATION).
 *
 * The block comes in three shapes: labels with values (on the label's line or
 * on the lines after it), labels without values, or no block at all. This
 * module only splits the header into raw values; metadata-values.ts
 * interprets them.
 */
import { normaliseText } from '../framework/framework';
import type { PageLine } from './page-lines';
import type { Report } from './report';

export type MetadataField =
  | 'country'
  | 'projectStart'
  | 'projectEnd'
  | 'validationDate'
  | 'contactDetails'
  | 'website'
  | 'funding'
  | 'objectives'
  | 'inspiration';

/** Page labels in page order. */
export const METADATA_LABELS: readonly { field: MetadataField; label: string; pattern: string }[] = [
  { field: 'country', label: 'COUNTRY', pattern: 'countr(?:y|ies)' },
  { field: 'projectStart', label: 'PROJECT STARTS', pattern: 'project\\s+starts?' },
  { field: 'projectEnd', label: 'PROJECT ENDS', pattern: 'project\\s+ends?' },
  { field: 'validationDate', label: 'VALIDATION DATE', pattern: 'validation\\s+date' },
  { field: 'contactDetails', label: 'CONTACT DETAILS', pattern: 'contact\\s+details' },
  { field: 'website', label: 'WEBSITE', pattern: 'website' },
  { field: 'funding', label: 'FUNDING', pattern: 'funding' },
  { field: 'objectives', label: 'OBJECTIVES', pattern: 'objectives?' },
  { field: 'inspiration', label: 'INSPIRATION', pattern: 'inspiration' },
];

export interface RawMetadataValue {
  /** Line of the label. */
  line: number;
  /** Value lines (the label line's remainder first, if any). */
  lines: PageLine[];
}

export interface PageHeader {
  title: PageLine | null;
  /** Fields whose label occurs on the page; absent label = absent key. */
  metadata: Partial<Record<MetadataField, RawMetadataValue>>;
  /** True when at least one metadata label was found. */
  hasMetadataBlock: boolean;
}

interface LabelMatch {
  field: MetadataField;
  value: string;
}

/**
 * A line is a label when it is only the label, the label plus a colon, or the
 * label in capitals followed by a value. Requiring capitals or a colon keeps
 * a title such as "Funding for newcomers" from being read as a label.
 */
function matchLabel(text: string): LabelMatch | null {
  for (const { field, pattern } of METADATA_LABELS) {
    const match = new RegExp(`^(${pattern})\\s*(:)?\\s*(.*)$`, 'isu').exec(text);
    if (match === null) continue;
    const [, label = '', colon, value = ''] = match;
    if (value === '' || colon !== undefined || label === label.toUpperCase()) {
      // "WEBSITEhttps://…" has no boundary; "Countryside" is not a label.
      if (value !== '' && colon === undefined && !/\s/u.test(text.charAt(label.length))) continue;
      return { field, value: value.trim() };
    }
  }
  return null;
}

export function isMetadataLabel(text: string): boolean {
  return matchLabel(text) !== null;
}

export function readPageHeader(lines: readonly PageLine[], report: Report): PageHeader {
  const metadata: Partial<Record<MetadataField, RawMetadataValue>> = {};
  let title: PageLine | null = null;
  let current: RawMetadataValue | null = null;
  let hasMetadataBlock = false;

  for (const line of lines) {
    const label = matchLabel(line.text);
    if (label !== null) {
      hasMetadataBlock = true;
      if (metadata[label.field] !== undefined) {
        report.warn(line.line, 'metadata-duplicate', `Metadata label ${line.text} repeated; its value is added to the first one.`);
        current = metadata[label.field] ?? null;
      } else {
        current = { line: line.line, lines: [] };
        metadata[label.field] = current;
      }
      if (label.value !== '' && current !== null) current.lines.push({ line: line.line, text: label.value });
      continue;
    }
    if (current !== null) {
      current.lines.push(line);
    } else if (title === null) {
      title = line;
    } else if (normaliseText(line.text) === normaliseText(title.text)) {
      report.warn(line.line, 'repeated-label', `Title repeated: "${line.text}".`);
    } else {
      report.warn(line.line, 'unmapped-text', `Text between title and metadata not mapped: "${line.text}"`);
    }
  }
  return { title, metadata, hasMetadataBlock };
}
