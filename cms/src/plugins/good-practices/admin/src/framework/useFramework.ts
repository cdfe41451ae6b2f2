import * as React from 'react';
import { describeFailure, loadFramework } from './load-framework';
import type { EditorFramework } from './types';

export type FrameworkState = { status: 'loading' } | { status: 'failed'; reason: string; retry: () => void } | { status: 'ready'; framework: EditorFramework };

/**
 * The criteria framework in the locale being edited (`undefined` = the default locale). Texts the
 * locale has not translated yet come in the default locale's words (the server falls back).
 */
export function useFramework(locale: string | undefined): FrameworkState {
  const [attempt, setAttempt] = React.useState(0);
  const [state, setState] = React.useState<FrameworkState>({ status: 'loading' });

  React.useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    loadFramework(locale).then(
      (framework) => {
        if (current) setState({ status: 'ready', framework });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', reason: describeFailure(error), retry: () => setAttempt((count) => count + 1) });
      },
    );
    return () => {
      current = false;
    };
  }, [locale, attempt]);

  return state;
}
