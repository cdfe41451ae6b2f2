/**
 * Gives the editor's edits back when a save is refused (see restore-decision.ts for why Strapi
 * loses them). Runs inside the edit view's form; returns whether edits were just handed back, so
 * that the panel can say so.
 */
import { useForm } from '@strapi/strapi/admin';
import * as React from 'react';
import { valuesToRestore } from './restore-decision';

/** `enabled` false: watch nothing (hooks must run on every edit view, the panel only acts on some). */
export function useKeepEditsOnRefusal(enabled: boolean): { restored: boolean } {
  const values = useForm('GoodPracticesKeepEdits', (form) => form.values);
  const initialValues = useForm('GoodPracticesKeepEdits', (form) => form.initialValues);
  const isSubmitting = useForm('GoodPracticesKeepEdits', (form) => form.isSubmitting);
  const setValues = useForm('GoodPracticesKeepEdits', (form) => form.setValues);
  const lastEdited = React.useRef<unknown>(undefined);
  const wasSubmitting = React.useRef(false);
  const [restored, setRestored] = React.useState(false);

  React.useEffect(() => {
    if (!enabled) return;
    if (wasSubmitting.current && !isSubmitting) {
      const toRestore = valuesToRestore(lastEdited.current, { values, initialValues });
      if (toRestore !== undefined) {
        setValues(toRestore as typeof values);
        setRestored(true);
      }
      lastEdited.current = undefined;
    }
    wasSubmitting.current = isSubmitting;
    // The editor's own values: a different object from the initial ones (see restore-decision.ts);
    // recorded during a submission too, where Strapi blurs the focused input to flush it.
    if (values !== initialValues) lastEdited.current = values;
  }, [enabled, values, initialValues, isSubmitting, setValues]);

  React.useEffect(() => {
    // Once the editor saves successfully (the form is in sync with the server again), the note goes.
    if (restored && values === initialValues) setRestored(false);
  }, [restored, values, initialValues]);

  return { restored };
}
