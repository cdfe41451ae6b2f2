/**
 * Renames the CDN headers the cache provider passes on under private names (Astro deletes
 * `CDN-Cache-Control` and `Cache-Tag` from what a cache provider returns; see
 * src/lib/cdn/headers.ts) to their public names, as @astrojs/node writes the response head.
 * Installed on responses that go to Astro only when a CDN is configured (`CDN_PURGE_URL`).
 */
import type { ServerResponse } from 'node:http';
import { PRIVATE_CDN_HEADERS } from '../lib/cdn/headers';

type Headers = Record<string, number | string | string[] | undefined>;

function renamed(headers: Headers): Headers {
  let copy: Headers | undefined;
  for (const [internal, shown] of Object.entries(PRIVATE_CDN_HEADERS)) {
    const name = Object.keys(headers).find((key) => key.toLowerCase() === internal);
    if (name === undefined) continue;
    copy ??= { ...headers };
    copy[shown] = copy[name];
    delete copy[name];
  }
  return copy ?? headers;
}

/** Makes `res.writeHead` rename the private CDN headers (the object form @astrojs/node uses; headers set with setHeader too). */
export function exposeCdnHeaders(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    for (const [internal, shown] of Object.entries(PRIVATE_CDN_HEADERS)) {
      const value = res.getHeader(internal);
      if (value === undefined) continue;
      res.removeHeader(internal);
      res.setHeader(shown, value);
    }
    const last = args.length - 1;
    if (last >= 1 && args[last] !== null && typeof args[last] === 'object' && !Array.isArray(args[last])) args[last] = renamed(args[last] as Headers);
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}
