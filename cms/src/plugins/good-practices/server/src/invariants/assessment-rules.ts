/**
 * Rules of a written assessment. Pure: the caller supplies the framework keys and what the
 * practice already stores.
 *
 * Changing the framework later (renaming, retiring or deleting an item) must not corrupt
 * existing assessments, so a key the practice already stores is kept as long as its value is
 * unchanged, even when the framework no longer has that item; only keys that a write introduces
 * (or changes) must be active items of the current framework.
 */
import type { Assessment } from '../domain/assessment';
import { isChecklistState } from '../domain/assessment';
import { isPlainObject } from '../domain/json-values';
import type { FrameworkKeys } from './framework-keys';
import type { FieldProblem } from './rejection';

const FIELD = 'assessment';
const STATES = 'met, not-met or not-assessed';

export interface AssessmentCheck {
  problems: FieldProblem[];
  /** Stored keys kept although the framework no longer offers them (to be reported). */
  keptOutdatedKeys: string[];
}

export function checkAssessment(value: unknown, stored: Assessment, keys: FrameworkKeys): AssessmentCheck {
  const problems: FieldProblem[] = [];
  const keptOutdatedKeys: string[] = [];
  if (value === null) return { problems, keptOutdatedKeys };
  if (!isPlainObject(value)) {
    problems.push({
      field: FIELD,
      message: `The assessment must be a list of checklist item keys, each with the state ${STATES}.`,
    });
    return { problems, keptOutdatedKeys };
  }

  for (const [key, state] of Object.entries(value)) {
    if (keys.activeItems.has(key)) {
      if (!isChecklistState(state)) {
        problems.push({ field: FIELD, message: `“${String(state)}” is not a valid state for checklist item “${key}”: use ${STATES}.` });
      }
      continue;
    }
    if (key in stored && stored[key] === state) {
      keptOutdatedKeys.push(key);
      continue;
    }
    if (keys.retiredItems.has(key)) {
      problems.push({
        field: FIELD,
        message: `Checklist item “${key}” has been retired from the criteria framework: a practice can keep the value it already has, but no new value can be set.`,
      });
    } else if (key in stored) {
      problems.push({
        field: FIELD,
        message: `Checklist item “${key}” no longer exists in the criteria framework: its stored value can be kept or removed, but not changed.`,
      });
    } else {
      problems.push({ field: FIELD, message: `There is no checklist item “${key}” in the criteria framework.` });
    }
  }
  return { problems, keptOutdatedKeys };
}
