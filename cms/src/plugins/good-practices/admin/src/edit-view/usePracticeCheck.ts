/**
 * Checks the practice form against the server's rules while the editor types: a short pause
 * after the last change of a checked field, one request at a time (a newer one aborts the older),
 * nothing sent when those fields did not change.
 */
import { useForm } from '@strapi/strapi/admin';
import * as React from 'react';
import { describeFailure } from '../framework/load-framework';
import { checkedValuesKey } from './checked-values';
import { checkPractice, type PracticeCheckProblem, type PracticeTranslationGaps } from './check-practice';

const PAUSE_MS = 400;

export type PracticeCheckState =
  | { kind: 'checking' }
  | { kind: 'checked'; problems: PracticeCheckProblem[]; translation: PracticeTranslationGaps | null }
  | { kind: 'failed'; reason: string };

export function usePracticeCheck(documentId: string | undefined, locale: string | undefined): { state: PracticeCheckState; retry: () => void } {
  const values = useForm('GoodPracticesCheck', (form) => form.values) as Record<string, unknown>;
  const key = checkedValuesKey(values);
  const valuesRef = React.useRef(values);
  valuesRef.current = values;
  const [state, setState] = React.useState<PracticeCheckState>({ kind: 'checking' });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    const controller = new AbortController();
    setState((previous) => (previous.kind === 'checked' ? previous : { kind: 'checking' }));
    const timer = setTimeout(() => {
      checkPractice({ documentId, locale, values: valuesRef.current }, controller.signal)
        .then((result) => setState({ kind: 'checked', ...result }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setState({ kind: 'failed', reason: describeFailure(error) });
        });
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, documentId, locale, attempt]);

  return { state, retry: () => setAttempt((count) => count + 1) };
}
