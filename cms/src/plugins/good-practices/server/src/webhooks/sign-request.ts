/**
 * The signature the site verifies (web/src/lib/revalidation/webhook.ts): `x-gp-timestamp` = Unix seconds,
 * `x-gp-signature` = hex HMAC-SHA256 of `${timestamp}.${body}` keyed with REVALIDATE_SECRET.
 * The timestamp lets the site refuse stale and replayed calls. Strapi's own webhooks send
 * static headers only, hence this sender.
 */
import { createHmac } from 'node:crypto';

export interface SignedHeaders {
  'x-gp-timestamp': string;
  'x-gp-signature': string;
}

export function signBody(secret: string, body: string, now: number = Date.now()): SignedHeaders {
  const timestamp = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return { 'x-gp-timestamp': timestamp, 'x-gp-signature': signature };
}
