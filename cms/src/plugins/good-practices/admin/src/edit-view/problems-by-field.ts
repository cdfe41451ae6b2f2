/**
 * The server's problems grouped per field, in the order the fields appear in the edit view, so
 * that the panel lists them top to bottom as the editor meets them.
 */
import type { PracticeCheckProblem } from '../../../contract/admin-api';
import { CHECKED_FIELDS } from './checked-values';

export interface FieldProblems {
  field: string;
  messages: string[];
}

export function problemsByField(problems: readonly PracticeCheckProblem[]): FieldProblems[] {
  const byField = new Map<string, string[]>();
  for (const problem of problems) byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem.message]);
  const rank = (field: string): number => {
    const index = (CHECKED_FIELDS as readonly string[]).indexOf(field);
    return index === -1 ? CHECKED_FIELDS.length : index;
  };
  return [...byField].map(([field, messages]) => ({ field, messages })).sort((a, b) => rank(a.field) - rank(b.field));
}
