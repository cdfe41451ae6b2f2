/**
 * TRUST_PROXY: whether the CMS runs behind reverse proxies it trusts to set X-Forwarded-For,
 * -Proto and -Host. Off (the default), those headers are ignored: every client could forge them.
 * On, Koa takes the client address from X-Forwarded-For — the last `maxIpsCount` entries, those
 * appended by our own proxies, never what the client sent in front of them — so per-client rate
 * limits (admin login, password reset) apply per client instead of to the proxy as a whole, and
 * `https` seen by the proxy makes the admin's cookies secure.
 *
 *   unset, "", "false", "0"  off
 *   "true"                   one proxy (e.g. nginx, Caddy, Traefik in front of the CMS)
 *   N (a positive integer)   N proxies in a row (e.g. a CDN, then a load balancer)
 */
export interface TrustedProxy {
  koa: boolean;
  maxIpsCount?: number;
}

export function trustedProxy(value: string | undefined): TrustedProxy {
  const setting = value?.trim().toLowerCase() ?? '';
  if (setting === '' || setting === 'false' || setting === '0') return { koa: false };
  if (setting === 'true') return { koa: true, maxIpsCount: 1 };
  if (/^[1-9]\d*$/.test(setting)) return { koa: true, maxIpsCount: Number(setting) };
  throw new Error(`TRUST_PROXY must be "false", "true" (one reverse proxy) or the number of trusted proxies, not ${JSON.stringify(value)}.`);
}
