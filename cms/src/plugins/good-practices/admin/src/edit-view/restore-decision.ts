/**
 * When to give the editor's edits back after a save (upstream strapi/strapi#22646).
 *
 * Strapi 5.54's content manager updates its cached document optimistically with the submitted
 * values, and undoes that update when the server refuses the save (then refetches it); the edit
 * view's form treats each cache change as new initial values and replaces what the editor typed
 * with them. The form holds its values in one object: while the editor edits, the values are a
 * different object from the initial values; a re-initialisation makes them the very same object
 * (after a successful save too, where Strapi resets the form to the values it just saved, i.e.
 * the editor's own object).
 *
 * So: a submission that ends with the form not holding the editor's last values was refused;
 * from then on, until the form is in sync with those values again, every re-initialisation to
 * other values (the undo, the refetch, in whatever order they come) is answered by handing the
 * editor's values back. A new submission starts over.
 */
export interface KeepEditsState {
  /** The editor's last own values (undefined before any edit). */
  lastEdited: unknown;
  /** A refused submission left edits to protect. */
  armed: boolean;
  wasSubmitting: boolean;
}

export interface FormSnapshot {
  values: unknown;
  initialValues: unknown;
  isSubmitting: boolean;
}

export interface KeepEditsStep {
  state: KeepEditsState;
  /** Values to put back into the form now. */
  restore?: unknown;
  /** The refused submission is over and the form is in sync with the server (hide the note). */
  settled: boolean;
}

export const INITIAL_KEEP_EDITS: KeepEditsState = { lastEdited: undefined, armed: false, wasSubmitting: false };

export function nextKeepEdits(state: KeepEditsState, form: FormSnapshot): KeepEditsStep {
  const reinitialised = form.values === form.initialValues;
  let { lastEdited, armed } = state;
  let restore: unknown;
  let settled = false;

  if (form.isSubmitting && !state.wasSubmitting) armed = false;
  if (!form.isSubmitting && state.wasSubmitting) armed = lastEdited !== undefined && form.values !== lastEdited;

  if (armed && !form.isSubmitting && reinitialised && form.values !== lastEdited) {
    restore = lastEdited;
  } else if (reinitialised && form.values === lastEdited && !form.isSubmitting) {
    // Saved: the form was reset to the very values the editor submitted.
    armed = false;
    settled = true;
  }
  if (!reinitialised) lastEdited = form.values;
  if (reinitialised && !armed && !form.isSubmitting && form.values !== lastEdited) settled = true;

  return { state: { lastEdited, armed, wasSubmitting: form.isSubmitting }, restore, settled };
}
