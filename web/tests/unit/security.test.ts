import { describe, expect, it } from 'vitest';
import { uploadsUrlFromEnv } from '../../src/lib/cms/client';
import { contentSecurityPolicy, securityHeaders, unavailablePage } from '../../src/lib/security';
import { headersFile, parseHeadersFile } from '../../src/lib/static-headers';

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
  it('allows images from the upload storage when uploads live elsewhere (UPLOADS_URL: an S3 bucket)', () => {
    const imgSrc = (csp: string) => csp.split('; ').find((directive) => directive.startsWith('img-src '));
    expect(imgSrc(contentSecurityPolicy('https://cms.example.org'))).toBe("img-src 'self' data: https://cms.example.org");
    expect(imgSrc(contentSecurityPolicy('https://cms.example.org', { uploadsUrl: 'https://media.example.org/gp-uploads' }))).toBe(
      "img-src 'self' data: https://cms.example.org https://media.example.org",
    );
    // Images only: the storage may not frame the site nor be a script source.
    expect(contentSecurityPolicy('https://cms.example.org', { uploadsUrl: 'https://media.example.org' }).endsWith("frame-ancestors 'self' https://cms.example.org")).toBe(true);
    // The same origin named twice is named once.
    expect(imgSrc(contentSecurityPolicy('https://cms.example.org', { uploadsUrl: 'https://cms.example.org/uploads' }))).toBe("img-src 'self' data: https://cms.example.org");
    // A static build's _headers carries it too.
    expect(parseHeadersFile(headersFile('https://cms.example.org', 'https://media.example.org'))['Content-Security-Policy']).toContain(
      'img-src \'self\' data: https://cms.example.org https://media.example.org;',
    );
  });
  it('reads UPLOADS_URL, refusing what is not an http(s) URL', () => {
    expect(uploadsUrlFromEnv({})).toBeUndefined();
    expect(uploadsUrlFromEnv({ UPLOADS_URL: '  ' })).toBeUndefined();
    expect(uploadsUrlFromEnv({ UPLOADS_URL: 'http://127.0.0.1:9000/bucket' })).toBe('http://127.0.0.1:9000/bucket');
    expect(() => uploadsUrlFromEnv({ UPLOADS_URL: 'media.example.org' })).toThrow(/UPLOADS_URL must be an http\(s\) URL/);
    expect(() => uploadsUrlFromEnv({ UPLOADS_URL: 'ftp://media.example.org' })).toThrow(/UPLOADS_URL/);
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

describe('image URLs', () => {
  it('keeps an upload on the storage\'s public URL (S3) as it is, and puts the CMS before a local upload path', async () => {
    const { createCmsClient } = await import('../../src/lib/cms/client');
    const client = createCmsClient({ baseUrl: 'https://cms.example.org/' });
    expect(client.assetUrl('https://media.example.org/gp-uploads/cover_abc.png')).toBe('https://media.example.org/gp-uploads/cover_abc.png');
    expect(client.assetUrl('/uploads/cover_abc.png')).toBe('https://cms.example.org/uploads/cover_abc.png');
  });
});
