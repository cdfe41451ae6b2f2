import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, unavailablePage } from '../../src/lib/security';

describe('security headers', () => {
  it('forbids inline script and allows framing only by the site and the CMS', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:1337/admin');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'self' http://127.0.0.1:1337");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy(undefined).endsWith("frame-ancestors 'self'")).toBe(true);
  });
  it('sets nosniff and a referrer policy', () => {
    const headers = securityHeaders(undefined);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
  it('answers a plain 503 with Retry-After, in the URL locale, without details', async () => {
    const response = unavailablePage('/ar/practices/x/');
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('30');
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).not.toMatch(/at |Error|stack/);
    expect(unavailablePage('/<script>/').headers.get('Content-Type')).toContain('text/html');
    expect(await unavailablePage('/<script>/').text()).toContain('lang="en"');
  });
});
