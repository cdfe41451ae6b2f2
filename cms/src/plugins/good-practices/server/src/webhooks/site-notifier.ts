/**
 * Tells the public site when published content changes, so that a publish shows on the next page
 * view (server mode) or triggers a rebuild (static mode):
 *
 * - revalidation (SITE_REVALIDATE_URL + REVALIDATE_SECRET): a POST of the body of
 *   revalidation-body.ts per changed entry, to the site's /api/revalidate, signed as the
 *   contract says (contract/revalidation-webhook.ts);
 * - rebuild (SITE_REBUILD_HOOK_URL, optional): a plain POST without body to a build hook (e.g. a
 *   CI or hosting "deploy hook"), at most one per `rebuildDebounceMs`, since a build redoes
 *   every page whatever changed.
 *
 * Subscribed to Strapi's event hub (entry.*), which fires after the write's transaction has
 * committed, on every path (admin, API, import, scripts). Sending never delays nor fails the
 * editor's write: it runs on a timer, each request is limited to `timeoutMs` (2 s), a failed
 * request is retried once and then logged. Identical bodies within `coalesceMs` are sent once
 * (publishing one practice emits an event per locale version, deleting one per version).
 * `flush()` sends what is waiting at once and resolves when every request has ended: a
 * short-lived process (the import command) calls it before it exits. Strapi emits entry events
 * after the commit without awaiting them (it first reads the entry back), so flush() first
 * waits until no event has come for `quietMs` since the call or the last event.
 *
 * Locales are not entries: i18n's locales service writes them without entry.* events. A locale
 * added, renamed or deleted in Settings, or another default locale, changes every page of the
 * site (the language switcher, the new locale's own pages, fallbacks, x-default), so the same
 * notification goes out for it (`model: "locale"`), from the query engine's lifecycles (locale
 * rows, and the core store row where i18n keeps the default), on a timer that fires after the
 * write has committed.
 */
import type { Core } from '@strapi/strapi';
import { type RevalidationBody, signRevalidation } from '../../../contract/revalidation-webhook';
import type { SiteNotifierOptions } from '../../../contract/services';
import { CONTENT_EVENTS, type EntryEvent, revalidationBody } from './revalidation-body';
import { isPlainObject } from '../domain/json-values';

/** The core store row of i18n's default locale (`strapi.store({ type: 'plugin', name: 'i18n' })`, key `default_locale`). */
const DEFAULT_LOCALE_STORE_KEY = 'plugin_i18n_default_locale';

export interface SiteNotifier {
  stop(): void;
  /** Sends the waiting notifications now; resolves once every request has succeeded or failed (logged). */
  flush(options?: { quietMs?: number }): Promise<void>;
}

function httpUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} is not a URL: “${value}”.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${variable} must be an http(s) URL: “${value}”.`);
  return url.toString();
}

const later = (ms: number, run: () => void): NodeJS.Timeout => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return timer;
};

export function startSiteNotifier(strapi: Core.Strapi, options: SiteNotifierOptions): SiteNotifier | undefined {
  const timeoutMs = options.timeoutMs ?? 2000;
  const coalesceMs = options.coalesceMs ?? 100;
  const rebuildDebounceMs = options.rebuildDebounceMs ?? 5000;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  let revalidateUrl = options.revalidateUrl?.trim() ? httpUrl('SITE_REVALIDATE_URL', options.revalidateUrl.trim()) : undefined;
  const rebuildUrl = options.rebuildHookUrl?.trim() ? httpUrl('SITE_REBUILD_HOOK_URL', options.rebuildHookUrl.trim()) : undefined;
  const secret = options.secret?.trim() ? options.secret : undefined;
  if (revalidateUrl && !secret) {
    strapi.log.warn('[good-practices] SITE_REVALIDATE_URL is set but REVALIDATE_SECRET is not: the site will not be told about publications.');
    revalidateUrl = undefined;
  }
  if (!revalidateUrl && !rebuildUrl) return undefined;

  /** One POST with retry; resolves whatever happens. */
  const post = async (what: string, url: string, init: () => RequestInit): Promise<void> => {
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      try {
        const response = await fetch(url, { ...init(), signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return;
        // 409: the site already took this very call (a replay of an identical body in the same second).
        if (response.status === 409) return;
        if (response.status < 500 || attempt === 2) {
          strapi.log.warn(`[good-practices] ${what}: the site answered ${response.status} (${url}).`);
          return;
        }
      } catch (error) {
        if (attempt === 2) {
          strapi.log.warn(`[good-practices] ${what} failed: ${(error as Error).message} (${url}).`);
          return;
        }
      }
      await new Promise((resolve) => later(retryDelayMs, () => resolve(undefined)));
    }
  };

  const pending = new Map<string, { timer: NodeJS.Timeout; send: () => void }>();
  let lastEventAt = 0;
  let rebuildTimer: NodeJS.Timeout | undefined;
  let sendRebuild: (() => void) | undefined;
  const inFlight = new Set<Promise<void>>();
  const track = (request: Promise<void>): void => {
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  };

  const onEvent = (event: string, payload: EntryEvent): void => {
    lastEventAt = performance.now();
    const body = revalidationBody(event, payload);
    if (body) notify(body);
  };

  const notify = (body: RevalidationBody): void => {
    if (revalidateUrl && secret) {
      const url = revalidateUrl;
      const text = JSON.stringify(body);
      if (!pending.has(text)) {
        const send = () => {
          const waiting = pending.get(text);
          if (!waiting) return;
          clearTimeout(waiting.timer);
          pending.delete(text);
          track(
            post(`revalidation of ${body.model} ${body.entry.documentId ?? ''} (${body.event})`, url, () => ({
              method: 'POST',
              // Signed per attempt: a retry carries a fresh timestamp.
              headers: { 'content-type': 'application/json', ...signRevalidation(secret, text) },
              body: text,
            })),
          );
        };
        pending.set(text, { timer: later(coalesceMs, send), send });
      }
    }
    if (rebuildUrl && !rebuildTimer) {
      sendRebuild = () => {
        if (rebuildTimer) clearTimeout(rebuildTimer);
        rebuildTimer = undefined;
        sendRebuild = undefined;
        track(post('site rebuild hook', rebuildUrl, () => ({ method: 'POST' })));
      };
      rebuildTimer = later(rebuildDebounceMs, sendRebuild);
    }
  };

  const unsubscribe = CONTENT_EVENTS.map((event) =>
    strapi.eventHub.on(event, async (payload: EntryEvent) => {
      try {
        onEvent(event, payload);
      } catch (error) {
        strapi.log.warn(`[good-practices] site notification skipped: ${(error as Error).message}`);
      }
    }),
  );
  const localeChanged = (event: string) => (lifecycle: { result?: unknown }) => {
    try {
      const code = isPlainObject(lifecycle.result) && typeof lifecycle.result.code === 'string' ? lifecycle.result.code : null;
      notify({ event, model: 'locale', entry: { documentId: null, slug: null, locale: code } });
    } catch (error) {
      strapi.log.warn(`[good-practices] site notification skipped: ${(error as Error).message}`);
    }
  };
  const unsubscribeLocales = strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: localeChanged('locale.create'),
    afterUpdate: localeChanged('locale.update'),
    afterDelete: localeChanged('locale.delete'),
  });
  const defaultLocaleChanged = (lifecycle: { result?: unknown }) => {
    try {
      const row = isPlainObject(lifecycle.result) ? lifecycle.result : {};
      if (row.key !== DEFAULT_LOCALE_STORE_KEY) return;
      const code = typeof row.value === 'string' ? (JSON.parse(row.value) as unknown) : null;
      notify({ event: 'locale.default', model: 'locale', entry: { documentId: null, slug: null, locale: typeof code === 'string' ? code : null } });
    } catch (error) {
      strapi.log.warn(`[good-practices] site notification skipped: ${(error as Error).message}`);
    }
  };
  const unsubscribeDefaultLocale = strapi.db.lifecycles.subscribe({
    models: ['strapi::core-store'],
    afterCreate: defaultLocaleChanged,
    afterUpdate: defaultLocaleChanged,
  });
  strapi.log.info(
    `[good-practices] the site is told about publications${revalidateUrl ? ` (revalidation: ${revalidateUrl})` : ''}${rebuildUrl ? ` (rebuild hook: ${new URL(rebuildUrl).origin})` : ''}.`,
  );

  return {
    stop() {
      for (const off of unsubscribe) off();
      unsubscribeLocales();
      unsubscribeDefaultLocale();
      for (const waiting of pending.values()) clearTimeout(waiting.timer);
      pending.clear();
      if (rebuildTimer) clearTimeout(rebuildTimer);
      rebuildTimer = undefined;
      sendRebuild = undefined;
    },
    async flush({ quietMs = 500 } = {}) {
      // Quiet since the call too: the events of the last write may not have come yet.
      const calledAt = performance.now();
      for (;;) {
        const quietFor = performance.now() - Math.max(lastEventAt, calledAt);
        if (quietFor < quietMs) {
          await new Promise((resolve) => setTimeout(resolve, quietMs - quietFor));
          continue;
        }
        if (pending.size === 0 && !sendRebuild && inFlight.size === 0) return;
        for (const waiting of [...pending.values()]) waiting.send();
        sendRebuild?.();
        await Promise.all([...inFlight]);
      }
    },
  };
}
