/**
 * The field names of a self-assessment, in one place: the self-assessment form, its report (GET
 * query and POST body), the answers file, the report's "propose this practice" link and the
 * submission form (`/{locale}/submit/`) all read and write these names.
 *
 * - one field per checklist item, named by the item's key, valued `met`, `not-met` or
 *   `not-assessed` (the contract's checklistState; an absent item is not assessed);
 * - an optional note per question, named `note.<questionKey>`.
 *
 * Free of zod and of server imports: the static site's self-assessment script bundles it.
 */

/** The contract's checklistState values (a unit test keeps them equal). */
export const ASSESSMENT_STATES = ['met', 'not-met', 'not-assessed'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

/** Prefix of the note fields: `note.<questionKey>`. */
export const NOTE_PREFIX = 'note.';
/** Characters kept of a note (longer ones are cut, never refused: a note is a memo). */
export const MAX_NOTE_LENGTH = 2000;

export const noteField = (questionKey: string): string => `${NOTE_PREFIX}${questionKey}`;

export function isAssessmentState(value: unknown): value is AssessmentState {
  return typeof value === 'string' && (ASSESSMENT_STATES as readonly string[]).includes(value);
}

/** A visitor's self-assessment: a state per checklist item key, a note per question key. */
export interface Assessment {
  states: Record<string, AssessmentState>;
  notes: Record<string, string>;
}

/** The framework's keys the fields may name (anything else in a query or body is ignored). */
export interface FrameworkKeys {
  items: readonly string[];
  questions: readonly string[];
}

export interface ReadAssessment {
  assessment: Assessment;
  /** Item fields present with a value that is not a state (counted as not assessed). */
  invalid: string[];
}

/** The assessment in fields (a query string or a form body); the last value of a repeated field wins. */
export function readAssessmentFields(fields: { get(name: string): string | null; getAll(name: string): string[] }, keys: FrameworkKeys): ReadAssessment {
  const states: Record<string, AssessmentState> = {};
  const notes: Record<string, string> = {};
  const invalid: string[] = [];
  for (const key of keys.items) {
    const values = fields.getAll(key);
    if (values.length === 0) continue;
    const value = values[values.length - 1]!.trim();
    if (isAssessmentState(value)) states[key] = value;
    else invalid.push(key);
  }
  for (const key of keys.questions) {
    const values = fields.getAll(noteField(key));
    const note = values.length > 0 ? values[values.length - 1]!.trim().slice(0, MAX_NOTE_LENGTH) : '';
    if (note) notes[key] = note;
  }
  return { assessment: { states, notes }, invalid };
}

export const stateOf = (assessment: Assessment, itemKey: string): AssessmentState => assessment.states[itemKey] ?? 'not-assessed';

/**
 * The assessment as fields, in framework order (item fields, then notes), every item named (a
 * report link says "not assessed" explicitly): the query of the report, the form's pre-filling
 * and the submission form's pre-filling.
 */
export function assessmentFields(assessment: Assessment, keys: FrameworkKeys): URLSearchParams {
  const fields = new URLSearchParams();
  for (const key of keys.items) fields.append(key, stateOf(assessment, key));
  for (const key of keys.questions) {
    const note = assessment.notes[key];
    if (note) fields.append(noteField(key), note);
  }
  return fields;
}
