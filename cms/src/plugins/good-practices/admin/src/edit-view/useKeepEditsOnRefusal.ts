/**
 * Gives the editor's edits back when a save is refused (see restore-decision.ts for why Strapi
 * loses them). Runs inside the edit view's form; returns whether edits were handed back since
 * the last submission, so that the panel can say so.
 */
import { useForm } from '@strapi/strapi/admin';
import * as React from 'react';
import { INITIAL_KEEP_EDITS, type KeepEditsState, nextKeepEdits } from './restore-decision';

/**
 * `enabled` false: watch nothing (hooks run on every edit view, the panel only acts on some).
 * `scope` names the document, locale and tab: the watch starts over when it changes.
 */
export function useKeepEditsOnRefusal(enabled: boolean, scope: string): { restored: boolean } {
  const values = useForm('GoodPracticesKeepEdits', (form) => form.values);
  const initialValues = useForm('GoodPracticesKeepEdits', (form) => form.initialValues);
  const isSubmitting = useForm('GoodPracticesKeepEdits', (form) => form.isSubmitting);
  const setValues = useForm('GoodPracticesKeepEdits', (form) => form.setValues);
  const state = React.useRef<KeepEditsState>(INITIAL_KEEP_EDITS);
  const [restored, setRestored] = React.useState(false);

  React.useEffect(() => {
    state.current = INITIAL_KEEP_EDITS;
    setRestored(false);
  }, [scope]);

  React.useEffect(() => {
    if (!enabled) return;
    const step = nextKeepEdits(state.current, { values, initialValues, isSubmitting });
    state.current = step.state;
    if (step.restore !== undefined) {
      setValues(step.restore as typeof values);
      setRestored(true);
    } else if (step.settled || isSubmitting) {
      setRestored(false);
    }
  }, [enabled, values, initialValues, isSubmitting, setValues]);

  return { restored };
}
