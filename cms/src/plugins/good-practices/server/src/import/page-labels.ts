/**
 * Fixed labels of a SPRING practice page (section headings, not content).
 * Compared on normalised text so that case, a trailing colon or a stray
 * space do not matter.
 */
import { normaliseText } from '../framework/framework';

const CRITERIA_HEADING = 'good practice criteria';
const CHECKLIST_LABEL = 'good practice checklist';
const TOOLS_LABEL = 'inspiring tools';

export function isCriteriaHeading(text: string): boolean {
  return normaliseText(text) === CRITERIA_HEADING;
}

export function isChecklistLabel(text: string): boolean {
  return normaliseText(text) === CHECKLIST_LABEL;
}

/**
 * "Inspiring tools:" may carry its first tool on the same line
 * ("Inspiring tools: Support portal."). Returns null when the line is not the
 * label, otherwise the text after the label ('' when there is none).
 */
export function matchToolsLabel(text: string): string | null {
  const match = /^\s*inspiring\s+tools?\s*(?::\s*(.*))?$/iu.exec(text);
  if (match === null) return normaliseText(text) === TOOLS_LABEL ? '' : null;
  return (match[1] ?? '').trim();
}
