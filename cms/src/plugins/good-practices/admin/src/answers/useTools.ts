import { isFetchError } from '@strapi/strapi/admin';
import * as React from 'react';
import { describeFailure } from '../framework/load-framework';
import { loadTools, type Tool } from './load-tools';

/** A tool as the picker offers it: in the edited locale, or only in the default locale. */
export interface ToolChoice extends Tool {
  /** Set when the tool has no version in the edited locale (the public site shows this one). */
  shownInLocale: string | null;
}

export type ToolsState =
  | { status: 'loading' }
  | { status: 'forbidden' }
  | { status: 'failed'; reason: string }
  | { status: 'ready'; tools: ReadonlyMap<string, ToolChoice> };

/**
 * Tools of the locale being edited, then those that exist only in the default locale (a cited
 * tool not translated yet is shown in the default locale on the public site).
 */
export function useTools(locale: string | null, defaultLocale: string | null): ToolsState {
  const [state, setState] = React.useState<ToolsState>({ status: 'loading' });

  React.useEffect(() => {
    if (locale === null) return undefined;
    let current = true;
    setState({ status: 'loading' });
    const fallback = defaultLocale !== null && defaultLocale !== locale ? loadTools(defaultLocale) : Promise.resolve([]);
    Promise.all([loadTools(locale), fallback]).then(
      ([own, ofDefault]) => {
        if (!current) return;
        const tools = new Map<string, ToolChoice>();
        for (const tool of own) tools.set(tool.documentId, { ...tool, shownInLocale: null });
        for (const tool of ofDefault) {
          if (!tools.has(tool.documentId)) tools.set(tool.documentId, { ...tool, shownInLocale: defaultLocale });
        }
        setState({ status: 'ready', tools });
      },
      (error: unknown) => {
        if (!current) return;
        setState(isFetchError(error) && error.status === 403 ? { status: 'forbidden' } : { status: 'failed', reason: describeFailure(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [locale, defaultLocale]);

  return state;
}
