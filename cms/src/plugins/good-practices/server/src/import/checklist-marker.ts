/**
 * Reading the state marker in front of a checklist item.
 *
 * SPRING pages mark a met item with ✓ and an unmet one with a dash, but the
 * dash is typed inconsistently (en dash, minus sign, hyphen) and some unmet
 * items carry no marker at all. Markers we expect are read silently; other
 * markers are accepted but flagged as unusual so an editor can check them.
 */
import type { AssessmentState } from './types';

export type MarkerKind = 'check' | 'dash' | 'unusual' | 'none';

export interface ChecklistMarker {
  state: AssessmentState;
  kind: MarkerKind;
  /** The marker character(s) as found, '' when unmarked. */
  marker: string;
  /** Item text without the marker. */
  text: string;
}

// ✓ is what the site uses; the others are read as "met" but reported.
const CHECK_MARKS = new Set(['\u2713']);
const UNUSUAL_CHECK_MARKS = new Set(['\u2714', '\u2705', '\u2611', '\u221A']);
// En dash, minus sign and hyphen-minus all occur on the site for "not met".
const DASH_MARKS = new Set(['\u2013', '\u2212', '-']);
const UNUSUAL_DASH_MARKS = new Set(['\u2010', '\u2011', '\u2012', '\u2014', '\u2015', '\uFE58', '\uFE63', '\uFF0D', '\u2717', '\u2718', '\u00D7', '\u2715', '\u2716', '\u274C']);

export function readChecklistMarker(line: string): ChecklistMarker {
  const match = /^(\S)[\s\u00A0]*(.*)$/su.exec(line);
  const first = match?.[1] ?? '';
  const rest = (match?.[2] ?? '').trim();
  // A marker is a single symbol followed by the item text; "-based" or "–2" are not markers.
  if (match !== null && rest !== '' && line.length > first.length && /\s/u.test(line.charAt(first.length))) {
    if (CHECK_MARKS.has(first)) return { state: 'met', kind: 'check', marker: first, text: rest };
    if (UNUSUAL_CHECK_MARKS.has(first)) return { state: 'met', kind: 'unusual', marker: first, text: rest };
    if (DASH_MARKS.has(first)) return { state: 'not-met', kind: 'dash', marker: first, text: rest };
    if (UNUSUAL_DASH_MARKS.has(first)) return { state: 'not-met', kind: 'unusual', marker: first, text: rest };
  }
  // Symbols glued to the text ("✓Adopt …") are still markers.
  if (CHECK_MARKS.has(first) || UNUSUAL_CHECK_MARKS.has(first)) {
    return { state: 'met', kind: CHECK_MARKS.has(first) ? 'check' : 'unusual', marker: first, text: line.slice(first.length).trim() };
  }
  return { state: 'not-met', kind: 'none', marker: '', text: line.trim() };
}

/** True when the line starts with something we read as a checklist marker. */
export function hasChecklistMarker(line: string): boolean {
  return readChecklistMarker(line).kind !== 'none';
}
