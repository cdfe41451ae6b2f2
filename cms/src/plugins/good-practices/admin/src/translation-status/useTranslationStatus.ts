import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import type { TranslationStatusResponse } from '../../../contract/admin-api';
import { describeFailure } from '../framework/load-framework';
import { PLUGIN_ID } from '../pluginId';

export type StatusState =
  | { status: 'loading' }
  | { status: 'failed'; reason: string }
  | { status: 'ready'; data: TranslationStatusResponse['data']; refreshing: boolean };

/**
 * The translation status of every locale (GET /good-practices/translation-status), read once when
 * the page opens and again on `reload()` (after an import, or "Try again"). While a reload runs
 * the previous status stays on screen, marked as refreshing.
 */
export function useTranslationStatus(): { state: StatusState; reload: () => void } {
  const { get } = useFetchClient();
  const [attempt, setAttempt] = React.useState(0);
  const [state, setState] = React.useState<StatusState>({ status: 'loading' });

  React.useEffect(() => {
    let current = true;
    setState((previous) => (previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    get<TranslationStatusResponse>(`/${PLUGIN_ID}/translation-status`).then(
      ({ data }) => {
        if (current) setState({ status: 'ready', data: data.data, refreshing: false });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', reason: describeFailure(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [get, attempt]);

  const reload = React.useCallback(() => setAttempt((count) => count + 1), []);
  return { state, reload };
}
