/**
 * A practice's assessment: checklist item key -> state. A fact about the practice, stored in the
 * non-localized custom field `assessment`, identical in every locale and version. Items that are
 * absent are "not assessed".
 */
import { checklistState, type ChecklistState } from '../../../contract';
import { isPlainObject, safeJson } from './json-values';

export type Assessment = Record<string, ChecklistState>;

/** The contract's states as a Set: readAssessment runs per practice on list and detail reads. */
const CHECKLIST_STATES: ReadonlySet<unknown> = new Set<string>(checklistState.options);

export function isChecklistState(value: unknown): value is ChecklistState {
  return CHECKLIST_STATES.has(value);
}

/**
 * Reads a stored assessment leniently: the database is trusted but old rows may hold anything,
 * and reading must never fail a public request. Invalid entries are skipped.
 */
export function readAssessment(value: unknown): Assessment {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  if (!isPlainObject(parsed)) return {};
  const assessment: Assessment = {};
  for (const [key, state] of Object.entries(parsed)) {
    if (isChecklistState(state)) assessment[key] = state;
  }
  return assessment;
}

/**
 * readAssessment of a stored value, kept per value object: for rows of the read caches, which are
 * shared and never changed. After a write the rows of the practices not written are kept
 * (read-model/practice-list-index.ts) and every locale's index and list summaries are made again
 * from them, so the same stored assessments would be read again many times per write.
 */
const storedAssessments = new WeakMap<object, Assessment>();

export function storedAssessment(value: unknown): Assessment {
  if (typeof value !== 'object' || value === null) return readAssessment(value);
  let assessment = storedAssessments.get(value);
  if (!assessment) {
    assessment = readAssessment(value);
    storedAssessments.set(value, assessment);
  }
  return assessment;
}

export function stateOf(assessment: Assessment, itemKey: string): ChecklistState {
  return assessment[itemKey] ?? 'not-assessed';
}
