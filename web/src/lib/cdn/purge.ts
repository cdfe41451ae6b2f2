/**
 * The CDN purge hook: after each invalidation, the site tells the CDN in front of it which cache
 * tags changed, so that the CDN drops the pages carrying them (`Cache-Tag`, see web/README.md
 * "CDN").
 *
 * Generic HTTP, so that any CDN fits behind a small adapter (a Cloudflare Worker, a Fastly
 * compute service, a script of yours): `POST CDN_PURGE_URL` with the JSON `{ "tags": [...] }` and,
 * when `CDN_PURGE_TOKEN` is set, `Authorization: Bearer <token>`.
 *
 * The purge never decides the webhook's answer: the site's own caches are already invalidated
 * when it is sent, the CMS must not retry a publish because a CDN is slow, and a CDN that missed
 * a purge still drops the page when its `CDN-Cache-Control` max-age runs out. So it is sent
 * without being awaited by the webhook, within `CDN_PURGE_TIMEOUT_MS` (default 5 s), and every
 * failure (unreachable, timeout, non-2xx answer) is logged.
 *
 * With several instances, only the instance that received the webhook purges (the others learn
 * the change from the Redis bus and do not call this): one purge per invalidation.
 */

export interface CdnPurgeConfig {
  url: string;
  token: string | undefined;
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * The purge settings from the environment; undefined without `CDN_PURGE_URL`. A URL that is not
 * http(s) or a timeout that is not a positive integer is an error naming the variable (the server
 * stops at start, src/server/entry.ts, rather than failing every purge).
 */
export function cdnPurgeConfigFromEnv(env: Record<string, string | undefined> = process.env): CdnPurgeConfig | undefined {
  const raw = env.CDN_PURGE_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('CDN_PURGE_URL must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('CDN_PURGE_URL must be an absolute http(s) URL');
  const timeoutRaw = env.CDN_PURGE_TIMEOUT_MS?.trim();
  if (timeoutRaw && !/^[1-9]\d{0,6}$/.test(timeoutRaw)) throw new Error(`CDN_PURGE_TIMEOUT_MS must be a positive integer, not ${JSON.stringify(env.CDN_PURGE_TIMEOUT_MS)}`);
  return { url: url.href, token: env.CDN_PURGE_TOKEN?.trim() || undefined, timeoutMs: timeoutRaw ? Number(timeoutRaw) : DEFAULT_TIMEOUT_MS };
}

export type PurgeOutcome = { ok: true; status: number } | { ok: false; error: string };

/** Sends one purge of `tags`; resolves with the outcome (logged when it failed), never rejects. */
export async function purgeCdn(config: CdnPurgeConfig, tags: readonly string[], log: Pick<Console, 'warn'> = console): Promise<PurgeOutcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (config.token !== undefined) headers.authorization = `Bearer ${config.token}`;
  let outcome: PurgeOutcome;
  try {
    const response = await fetch(config.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(config.timeoutMs),
      redirect: 'error',
    });
    // The answer's body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    outcome = response.ok ? { ok: true, status: response.status } : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    outcome = { ok: false, error: name === 'TimeoutError' ? `no answer within ${config.timeoutMs} ms` : (error as Error).message };
  }
  // The URL may carry a key in its query: only its origin and path are logged.
  if (!outcome.ok) log.warn(`[cdn] purge of ${tags.length} tag(s) at ${new URL(config.url).origin}${new URL(config.url).pathname} failed: ${outcome.error}`);
  return outcome;
}
