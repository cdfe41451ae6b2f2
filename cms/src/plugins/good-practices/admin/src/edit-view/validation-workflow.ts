/**
 * The validation workflow of a practice as the editor sees it: submitted, in review, validated,
 * each step reached by one named action. The server's invariants give a validated practice a
 * validation date when it has none; the controls set today's date themselves so that the editor
 * sees it before saving, and reopening clears it (a date on a practice that is not validated
 * would be shown to visitors as a validation that no longer holds).
 */
export const VALIDATION_STEPS = ['submitted', 'in-review', 'validated'] as const;
export type ValidationStatus = (typeof VALIDATION_STEPS)[number];

export type WorkflowAction = 'submit' | 'startReview' | 'validate' | 'reopen';

export interface WorkflowValues {
  validationStatus: ValidationStatus | null;
  validationDate: string | null;
}

export function readStatus(value: unknown): ValidationStatus | null {
  return (VALIDATION_STEPS as readonly unknown[]).includes(value) ? (value as ValidationStatus) : null;
}

/** The actions offered at a step (null: the practice was never submitted). */
export function actionsAt(status: ValidationStatus | null): WorkflowAction[] {
  switch (status) {
    case null:
      return ['submit'];
    case 'submitted':
      return ['startReview'];
    case 'in-review':
      return ['validate'];
    case 'validated':
      return ['reopen'];
  }
}

/** The form values after an action; `today` as YYYY-MM-DD. */
export function applyAction(action: WorkflowAction, current: WorkflowValues, today: string): WorkflowValues {
  switch (action) {
    case 'submit':
      return { validationStatus: 'submitted', validationDate: null };
    case 'startReview':
      return { validationStatus: 'in-review', validationDate: null };
    case 'validate':
      return { validationStatus: 'validated', validationDate: current.validationStatus === 'validated' && current.validationDate ? current.validationDate : today };
    case 'reopen':
      return { validationStatus: 'in-review', validationDate: null };
  }
}

/** Where a status sits among the steps (-1: not submitted). */
export function stepIndex(status: ValidationStatus | null): number {
  return status === null ? -1 : VALIDATION_STEPS.indexOf(status);
}

/** Today's date in the editor's time zone, as a date field stores it. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
