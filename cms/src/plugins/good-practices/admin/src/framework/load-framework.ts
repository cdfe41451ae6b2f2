/**
 * Reads the criteria framework of a locale for the edit view.
 *
 * Source: the plugin's admin route GET /good-practices/framework (signed-in admins; retired items
 * included and flagged; says the default locale).
 *
 * Both inputs of a practice ask for the same framework: one request per locale is shared, and
 * kept for a minute so that switching between locales does not refetch; a failed request is
 * forgotten so that "Try again" asks again.
 */
import { getFetchClient, isFetchError } from '@strapi/strapi/admin';
import type { AdminFrameworkResponse } from '../../../contract/admin-api';
import { PLUGIN_ID } from '../pluginId';
import type { EditorFramework } from './types';

const KEEP_FOR_MS = 60_000;
const requests = new Map<string, { promise: Promise<EditorFramework>; at: number }>();

/** `locale` undefined = the default locale (the server resolves it). */
export function loadFramework(locale: string | undefined): Promise<EditorFramework> {
  const cacheKey = locale ?? '';
  const cached = requests.get(cacheKey);
  if (cached && Date.now() - cached.at < KEEP_FOR_MS) return cached.promise;
  const promise = fetchFramework(locale);
  requests.set(cacheKey, { promise, at: Date.now() });
  promise.catch(() => requests.delete(cacheKey));
  return promise;
}

async function fetchFramework(locale: string | undefined): Promise<EditorFramework> {
  const { get } = getFetchClient();
  const { data } = await get<AdminFrameworkResponse>(`/${PLUGIN_ID}/framework`, { params: locale ? { locale } : undefined });
  return { locale: data.data.locale, defaultLocale: data.data.defaultLocale, groups: data.data.groups };
}

/** A failed request in words an editor can pass on ("Forbidden", "Not Found", a network error…). */
export function describeFailure(error: unknown): string {
  if (isFetchError(error)) {
    const status = error.status ? ` (HTTP ${error.status})` : '';
    return `${error.message}${status}`;
  }
  return error instanceof Error ? error.message : String(error);
}
