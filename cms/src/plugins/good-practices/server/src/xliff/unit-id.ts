/**
 * Unit ids of the XLIFF files: stable and readable, so that a translator's tool can match a unit
 * with its earlier translation (translation memory) and a person can tell what a unit is:
 *
 *   practice/<documentId>/title            tool/<documentId>/description
 *   practice/<documentId>/answers/<questionKey>/body
 *   group/<key>/title   question/<key>/text   item/<key>/text
 *   integration-area/<key>/name   target-group/<key>/name
 *   site/siteName   site/labels/<labelKey>
 *
 * XLIFF 1.2's trans-unit id is a free string (xsd:string), so the slashes are valid.
 */
import type { Segment } from '../translation/segments';
import type { EntryKind } from '../translation/translatable-types';

export interface UnitAddress {
  kind: string;
  /** documentId, key, or 'site'. */
  entryId: string;
  /** Segment path inside the entry. */
  path: string;
}

export function unitId(kind: EntryKind, entryId: string, segment: Pick<Segment, 'path'>): string {
  return kind === 'site' ? `site/${segment.path}` : `${kind}/${entryId}/${segment.path}`;
}

/** The parts of a unit id, or undefined when it has too few. The kind is not checked here. */
export function parseUnitId(id: string): UnitAddress | undefined {
  const parts = id.split('/');
  if (parts[0] === 'site') return parts.length >= 2 && parts[1] !== '' ? { kind: 'site', entryId: 'site', path: parts.slice(1).join('/') } : undefined;
  if (parts.length < 3 || parts[1] === '' || parts[2] === '') return undefined;
  return { kind: parts[0], entryId: parts[1], path: parts.slice(2).join('/') };
}
