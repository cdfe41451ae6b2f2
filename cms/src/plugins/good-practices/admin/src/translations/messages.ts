/**
 * The plugin's UI texts. en.json is the source: its keys are the message ids (prefixed with the
 * plugin id, as Strapi merges every plugin's translations into one dictionary) and its texts the
 * default messages, so a key that does not exist is a type error and a missing translation
 * falls back to English.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import en from './en.json';

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number>;

export function message(key: MessageKey): { id: string; defaultMessage: string } {
  return { id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] };
}

/** Prefixes a translation file's keys with the plugin id, as Strapi expects. */
export function prefixed(translations: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(translations).map(([key, text]) => [`${PLUGIN_ID}.${key}`, text]));
}

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** `text('assessment.state.met')`, in the admin user's interface language. */
export function useText(): Translate {
  const { formatMessage } = useIntl();
  return React.useCallback((key, values) => formatMessage(message(key), values), [formatMessage]);
}
