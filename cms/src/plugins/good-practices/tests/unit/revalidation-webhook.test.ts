/**
 * The revalidation webhook's protocol (contract/revalidation-webhook.ts), which the plugin's
 * notifier and the site's route both take from the contract. The wire format is pinned here
 * against node:crypto directly: a change of it would otherwise go unnoticed, both sides
 * changing together while a deployed peer of the old version stops understanding them.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isFreshRevalidation,
  MAX_SKEW_SECONDS,
  readRevalidationTimestamp,
  revalidatePayload,
  type RevalidationBody,
  revalidationSignature,
  signRevalidation,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifiedRevalidationSignature,
} from '../../contract/revalidation-webhook';
import { revalidationBody } from '../../server/src/webhooks/revalidation-body';

const SECRET = 'a shared secret';
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const body = JSON.stringify({ event: 'entry.publish', model: 'practice', entry: { documentId: 'abc', slug: 'migracode', locale: 'en' } } satisfies RevalidationBody);

describe('revalidation webhook signature', () => {
  it('is the hex HMAC-SHA256 of "timestamp.body" in x-gp-timestamp / x-gp-signature', () => {
    const headers = signRevalidation(SECRET, body, NOW + 999);
    const timestamp = String(NOW / 1000);
    expect(Object.keys(headers).sort()).toEqual(['x-gp-signature', 'x-gp-timestamp']);
    expect([TIMESTAMP_HEADER, SIGNATURE_HEADER]).toEqual(['x-gp-timestamp', 'x-gp-signature']);
    expect(headers[TIMESTAMP_HEADER]).toBe(timestamp);
    expect(headers[SIGNATURE_HEADER]).toBe(createHmac('sha256', SECRET).update(`${timestamp}.${body}`, 'utf8').digest('hex'));
    expect(revalidationSignature(SECRET, timestamp, body)).toBe(headers[SIGNATURE_HEADER]);
  });

  it('verifies what it signs, hex or sha256= prefixed, in any case, giving the normal form', () => {
    const headers = signRevalidation(SECRET, body, NOW);
    const timestamp = headers[TIMESTAMP_HEADER];
    const signature = headers[SIGNATURE_HEADER];
    expect(verifiedRevalidationSignature(SECRET, timestamp, signature, body)).toBe(signature);
    expect(verifiedRevalidationSignature(SECRET, timestamp, `sha256=${signature}`, body)).toBe(signature);
    expect(verifiedRevalidationSignature(SECRET, ` ${timestamp} `, ` SHA256=${signature.toUpperCase()} `, body)).toBe(signature);
  });

  it('refuses a tampered body or timestamp, another secret, and what is not a signature', () => {
    const headers = signRevalidation(SECRET, body, NOW);
    const timestamp = headers[TIMESTAMP_HEADER];
    const signature = headers[SIGNATURE_HEADER];
    expect(verifiedRevalidationSignature(SECRET, timestamp, signature, body.replace('migracode', 'migracodf'))).toBeUndefined();
    expect(verifiedRevalidationSignature(SECRET, timestamp, signature, `${body} `)).toBeUndefined();
    expect(verifiedRevalidationSignature(SECRET, String(Number(timestamp) + 1), signature, body)).toBeUndefined();
    expect(verifiedRevalidationSignature('another secret', timestamp, signature, body)).toBeUndefined();
    expect(verifiedRevalidationSignature(SECRET, timestamp, signature.slice(0, 63), body)).toBeUndefined();
    expect(verifiedRevalidationSignature(SECRET, timestamp, `${signature}00`, body)).toBeUndefined();
    expect(verifiedRevalidationSignature(SECRET, timestamp, 'not hex', body)).toBeUndefined();
    expect(verifiedRevalidationSignature(SECRET, timestamp, '', body)).toBeUndefined();
  });

  it('reads the timestamp as whole Unix seconds and keeps calls within five minutes either way', () => {
    expect(readRevalidationTimestamp(' 1768478400 ')).toBe(1768478400);
    for (const bad of ['', '12.5', '-1', '1e9', '0x10', '1234567890123', 'now']) expect(readRevalidationTimestamp(bad)).toBeUndefined();
    const seconds = NOW / 1000;
    expect(MAX_SKEW_SECONDS).toBe(300);
    expect(isFreshRevalidation(seconds - MAX_SKEW_SECONDS, NOW)).toBe(true);
    expect(isFreshRevalidation(seconds + MAX_SKEW_SECONDS, NOW)).toBe(true);
    expect(isFreshRevalidation(seconds - MAX_SKEW_SECONDS - 1, NOW)).toBe(false);
    expect(isFreshRevalidation(seconds + MAX_SKEW_SECONDS + 1, NOW)).toBe(false);
  });
});

describe('revalidation webhook body', () => {
  it('accepts every body the plugin sends: entries, and locales without a documentId', () => {
    const sent = [
      revalidationBody('entry.publish', { model: 'practice', uid: 'plugin::good-practices.practice', entry: { documentId: 'abc', slug: 'migracode', locale: 'en', publishedAt: null } }),
      revalidationBody('entry.update', { uid: 'plugin::good-practices.site', entry: { documentId: 'def', locale: 'cs', publishedAt: '2026-01-01T00:00:00.000Z' } }),
    ];
    const locale: RevalidationBody = { event: 'locale.create', model: 'locale', entry: { documentId: null, slug: null, locale: 'pt-BR' } };
    for (const one of [...sent, locale]) {
      expect(one).toBeDefined();
      expect(revalidatePayload.parse(JSON.parse(JSON.stringify(one)))).toEqual(one);
    }
  });

  it("accepts Strapi's own webhook shape (uid, extra entry fields kept)", () => {
    const strapi = { event: 'entry.publish', uid: 'plugin::good-practices.tool', entry: { id: 7, documentId: 'x', slug: 'naric', locale: 'en', name: 'NARIC' } };
    expect(revalidatePayload.parse(strapi)).toEqual(strapi);
  });

  it('refuses bodies that are not a revalidation payload', () => {
    for (const bad of [null, 'practice', 42, [], { model: 7 }, { event: true }, { uid: ['x'] }, { model: 'practice', entry: 'abc' }, { model: 'practice', entry: { slug: 12 } }, { model: 'tool', entry: { documentId: {} } }, { model: 'site', entry: { locale: ['en'] } }]) {
      expect(revalidatePayload.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
