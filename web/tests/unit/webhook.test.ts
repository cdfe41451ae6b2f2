import { describe, expect, it } from 'vitest';
import { tagsForChange } from '../../src/lib/cms/tags';
import { MAX_SKEW_SECONDS, revalidatePayload, revalidationSignature as sign } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import { WebhookVerifier } from '../../src/lib/webhook';

const SECRET = 'test-secret';
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const body = JSON.stringify({ model: 'practice', entry: { slug: 'migracode', documentId: 'abc', locale: 'en' } });
const ts = (offsetSeconds = 0) => String(Math.floor(NOW / 1000) + offsetSeconds);

/** A verifier in a process started an hour before NOW. */
function verifier(now = NOW) {
  return new WebhookVerifier({ secret: SECRET, now: () => now, notBefore: NOW - 3600_000 });
}

describe('webhook signature verifier', () => {
  it('accepts a valid signature (hex or sha256= prefixed)', () => {
    const v = verifier();
    expect(v.verify(ts(), sign(SECRET, ts(), body), body)).toEqual({ ok: true });
    expect(v.verify(ts(1), `sha256=${sign(SECRET, ts(1), body)}`, body)).toEqual({ ok: true });
  });

  it('rejects a bad signature: wrong secret, tampered body, tampered timestamp, garbage', () => {
    const v = verifier();
    expect(v.verify(ts(), sign('other', ts(), body), body)).toMatchObject({ ok: false, status: 401, reason: 'bad-signature' });
    expect(v.verify(ts(), sign(SECRET, ts(), body), body.replace('migracode', 'other'))).toMatchObject({ reason: 'bad-signature' });
    expect(v.verify(ts(2), sign(SECRET, ts(), body), body)).toMatchObject({ reason: 'bad-signature' });
    expect(v.verify(ts(), 'not-hex', body)).toMatchObject({ reason: 'bad-signature' });
    expect(v.verify(ts(), sign(SECRET, ts(), body).slice(0, 63), body)).toMatchObject({ reason: 'bad-signature' });
  });

  it('rejects a stale timestamp (more than five minutes either way)', () => {
    const v = verifier();
    const old = ts(-MAX_SKEW_SECONDS - 1);
    expect(v.verify(old, sign(SECRET, old, body), body)).toMatchObject({ ok: false, status: 401, reason: 'stale' });
    const future = ts(MAX_SKEW_SECONDS + 1);
    expect(v.verify(future, sign(SECRET, future, body), body)).toMatchObject({ reason: 'stale' });
    const edge = ts(-MAX_SKEW_SECONDS + 1);
    expect(v.verify(edge, sign(SECRET, edge, body), body)).toEqual({ ok: true });
  });

  it('rejects a replay of an accepted call', () => {
    const v = verifier();
    const signature = sign(SECRET, ts(), body);
    expect(v.verify(ts(), signature, body)).toEqual({ ok: true });
    expect(v.verify(ts(), signature, body)).toMatchObject({ ok: false, status: 409, reason: 'replay' });
    expect(v.verify(ts(), signature.toUpperCase(), body)).toMatchObject({ reason: 'replay' });
    // The same body signed at another second is a new call.
    expect(v.verify(ts(1), sign(SECRET, ts(1), body), body)).toEqual({ ok: true });
  });

  it('forgets signatures once their timestamp is out of the window (memory stays bounded)', () => {
    let now = NOW;
    const v = new WebhookVerifier({ secret: SECRET, now: () => now, maxSeen: 3 });
    for (let i = 0; i < 10; i++) expect(v.verify(ts(i), sign(SECRET, ts(i), body), body)).toEqual({ ok: true });
    now = NOW + (MAX_SKEW_SECONDS + 30) * 1000;
    const later = String(Math.floor(now / 1000));
    expect(v.verify(later, sign(SECRET, later, body), body)).toEqual({ ok: true });
  });

  it('refuses calls signed before the process started: its replay memory is empty after a restart', () => {
    const started = NOW - 60_000;
    const v = new WebhookVerifier({ secret: SECRET, now: () => NOW, notBefore: started });
    // Fresh (within five minutes) but signed before the start: a capture replayed after a restart.
    const captured = ts(-61);
    expect(v.verify(captured, sign(SECRET, captured, body), body)).toMatchObject({ ok: false, status: 401, reason: 'before-start' });
    // Whole seconds: a call signed in the second the process started is accepted.
    const startSecond = String(Math.floor(started / 1000));
    expect(v.verify(startSecond, sign(SECRET, startSecond, body), body)).toEqual({ ok: true });
    expect(v.verify(ts(), sign(SECRET, ts(), body), body)).toEqual({ ok: true });
  });

  it('takes "now" as the start when none is given', () => {
    const v = new WebhookVerifier({ secret: SECRET, now: () => NOW });
    expect(v.verify(ts(-1), sign(SECRET, ts(-1), body), body)).toMatchObject({ reason: 'before-start' });
    expect(v.verify(ts(), sign(SECRET, ts(), body), body)).toEqual({ ok: true });
  });

  it('rejects missing headers, a malformed timestamp, and everything when no secret is set', () => {
    const v = verifier();
    expect(v.verify(null, 'x', body)).toMatchObject({ status: 400, reason: 'missing-headers' });
    expect(v.verify(ts(), null, body)).toMatchObject({ status: 400, reason: 'missing-headers' });
    expect(v.verify('12.5', sign(SECRET, '12.5', body), body)).toMatchObject({ status: 400, reason: 'bad-timestamp' });
    const none = new WebhookVerifier({ secret: '', now: () => NOW });
    expect(none.verify(ts(), sign('', ts(), body), body)).toMatchObject({ status: 503, reason: 'not-configured' });
  });
});

describe('revalidation tags', () => {
  it('invalidates the changed practice, its translations (documentId) and the lists', () => {
    const payload = revalidatePayload.parse(JSON.parse(body));
    expect(tagsForChange(payload).sort()).toEqual(['practice-doc:abc', 'practice:migracode', 'practices']);
  });

  it('understands Strapi UIDs and falls back to broad tags', () => {
    expect(tagsForChange({ uid: 'plugin::good-practices.tool', entry: { slug: 'naric' } })).toEqual(['tools', 'tool:naric']);
    expect(tagsForChange({ model: 'practice' })).toEqual(['practices', 'practice-pages']);
    expect(tagsForChange({ model: 'site' })).toEqual(['site']);
    expect(tagsForChange({ model: 'whatever' })).toEqual(['site']);
    expect(tagsForChange({ model: 'integration-area' })).toEqual(['taxonomy']);
  });

  it('takes the CMS notifier\'s body for a locale, which has no documentId (null), and refreshes every page', () => {
    const payload = revalidatePayload.parse({ event: 'locale.create', model: 'locale', entry: { documentId: null, slug: null, locale: 'pt-BR' } });
    expect(tagsForChange(payload)).toEqual(['site']);
    const practice = revalidatePayload.parse({ event: 'entry.publish', model: 'practice', entry: { documentId: null, slug: 'x', locale: 'en' } });
    expect(tagsForChange(practice).sort()).toEqual(['practice:x', 'practices']);
  });
});
