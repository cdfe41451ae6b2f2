/**
 * The value of the `assessment` field: `{ [checklistItemKey]: 'met' | 'not-met' | 'not-assessed' }`,
 * an absent key meaning "not assessed". Pure functions, so that what the input writes is easy to
 * reason about:
 * - a change touches one key and copies every other entry as it is (entries of items no longer in
 *   the framework, even unreadable ones, are never dropped: the server keeps them only if they
 *   come back unchanged);
 * - "not assessed" removes the key; an assessment left empty is written as null.
 */
import type { ChecklistState } from '../../../contract';
import { activeItemsOfGroup, type EditorFramework, type GroupNode } from '../framework/types';

export type { ChecklistState };
export const CHECKLIST_STATES: readonly ChecklistState[] = ['met', 'not-met', 'not-assessed'];

/** The stored entries as they are, values not checked. */
export type StoredAssessment = Readonly<Record<string, unknown>>;

export function isChecklistState(value: unknown): value is ChecklistState {
  return typeof value === 'string' && (CHECKLIST_STATES as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the field's value leniently (it may be null, or a JSON string from an older editor). */
export function readAssessment(value: unknown): StoredAssessment {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      return {};
    }
  }
  return isPlainObject(parsed) ? parsed : {};
}

export function stateOf(assessment: StoredAssessment, itemKey: string): ChecklistState {
  const state = assessment[itemKey];
  return isChecklistState(state) ? state : 'not-assessed';
}

export function withState(assessment: StoredAssessment, itemKey: string, state: ChecklistState): Record<string, unknown> | null {
  const next: Record<string, unknown> = { ...assessment };
  if (state === 'not-assessed') delete next[itemKey];
  else next[itemKey] = state;
  return Object.keys(next).length > 0 ? next : null;
}

export interface GroupSummaryCounts {
  met: number;
  notMet: number;
  notAssessed: number;
  /** Active checklist items of the group. */
  total: number;
}

export function summariseGroup(group: GroupNode, assessment: StoredAssessment): GroupSummaryCounts {
  const counts: GroupSummaryCounts = { met: 0, notMet: 0, notAssessed: 0, total: 0 };
  for (const item of activeItemsOfGroup(group)) {
    counts.total += 1;
    const state = stateOf(assessment, item.key);
    if (state === 'met') counts.met += 1;
    else if (state === 'not-met') counts.notMet += 1;
    else counts.notAssessed += 1;
  }
  return counts;
}

export interface OutdatedAssessmentEntry {
  key: string;
  /** The stored value, as it is. */
  value: unknown;
  /** The item's text when it is still in the framework but retired. */
  retiredText: string | null;
}

/** Stored entries that no active checklist item of the framework offers any more. */
export function outdatedEntries(assessment: StoredAssessment, framework: EditorFramework): OutdatedAssessmentEntry[] {
  const active = new Set<string>();
  const retired = new Map<string, string>();
  for (const group of framework.groups) {
    for (const question of group.questions) {
      for (const item of question.items) {
        if (item.retired) retired.set(item.key, item.text);
        else active.add(item.key);
      }
    }
  }
  return Object.entries(assessment)
    .filter(([key]) => !active.has(key))
    .map(([key, value]) => ({ key, value, retiredText: retired.get(key) ?? null }));
}
