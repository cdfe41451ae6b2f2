/**
 * When to give the editor's edits back after a save (upstream strapi/strapi#22646).
 *
 * Strapi 5.54's content manager updates its cached document optimistically with the submitted
 * values, and undoes that update when the server refuses the save; the edit view's form treats
 * each cache change as new initial values and replaces what the editor typed with them. The form
 * holds its values in one object: while the editor edits, the values are a different object from
 * the initial values; a re-initialisation makes them the very same object (after a successful
 * save too, where Strapi resets the form to the values it just saved, i.e. the editor's object).
 *
 * So: when a submission has just ended and the form was re-initialised to values that are not
 * the editor's last ones, the save did not take them, and they are handed back.
 */
export interface FormSnapshot {
  values: unknown;
  initialValues: unknown;
}

/** The values to put back into the form, or undefined when nothing was lost. */
export function valuesToRestore(lastEdited: unknown, afterSubmit: FormSnapshot): unknown {
  if (lastEdited === undefined) return undefined;
  const reinitialised = afterSubmit.values === afterSubmit.initialValues;
  return reinitialised && afterSubmit.values !== lastEdited ? lastEdited : undefined;
}
