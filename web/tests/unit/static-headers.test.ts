import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/lib/security';
import { headersFile, parseHeadersFile, staticSecurityHeaders } from '../../src/lib/static-headers';
import { parseRedirectsFile, redirectsFile } from '../../src/lib/static-redirects';

const CMS = 'https://cms.example.org';

/** The add_header lines of an nginx configuration: name → value (quotes removed). */
function nginxHeaders(conf: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const match of conf.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"(?:\s+always)?\s*;/gm)) headers[match[1]!] = match[2]!;
  return headers;
}

describe('security headers of static hosting', () => {
  it('static hosting sends the headers of server mode, with only WebAssembly compilation (the search) and the CMS in connect-src (the status page) added', () => {
    for (const cms of [CMS, undefined]) {
      const server = securityHeaders(cms);
      const hosted = staticSecurityHeaders(cms);
      expect({ ...hosted, 'Content-Security-Policy': server['Content-Security-Policy'] }).toEqual(server);
      const expected = server['Content-Security-Policy']!
        .replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval';")
        .replace("connect-src 'self';", cms ? `connect-src 'self' ${cms};` : "connect-src 'self';");
      expect(hosted['Content-Security-Policy']).toBe(expected);
      expect(server['Content-Security-Policy']).not.toContain('wasm');
      expect(server['Content-Security-Policy']).toContain("connect-src 'self';");
    }
  });

  it('the generated _headers gives every path exactly the headers of static hosting', () => {
    const file = headersFile(CMS);
    expect(file).toMatch(/^\/\*$/m);
    expect(parseHeadersFile(file)).toEqual(staticSecurityHeaders(CMS));
    expect(parseHeadersFile(headersFile(undefined))).toEqual(staticSecurityHeaders(undefined));
  });

  it('the nginx example sends exactly the headers of static hosting (for its example CMS origin), always', () => {
    const conf = readFileSync(new URL('../../deploy/nginx.conf.example', import.meta.url), 'utf8');
    expect(nginxHeaders(conf)).toEqual(staticSecurityHeaders(CMS));
    const addHeaders = conf.split('\n').filter((line) => /^\s*add_header\b/.test(line));
    expect(addHeaders.every((line) => /\balways;\s*$/.test(line))).toBe(true);
  });
});

describe('the status page of a proposal on a static host', () => {
  const TOKEN = 'A'.repeat(21) + '_-' + 'z'.repeat(20);

  it('the generated _redirects serves every locale\'s status addresses by its one page, the address kept (200)', () => {
    const file = redirectsFile(['en', 'ar', 'pt-BR']);
    expect(file).toContain('/ar/submit/status/* /ar/submit/status/ 200');
    expect(parseRedirectsFile(file)).toEqual([
      { from: '/en/submit/status/', to: '/en/submit/status/' },
      { from: '/ar/submit/status/', to: '/ar/submit/status/' },
      { from: '/pt-BR/submit/status/', to: '/pt-BR/submit/status/' },
    ]);
  });

  it('the nginx example serves a status address by its locale\'s status page, and nothing else by it', () => {
    const conf = readFileSync(new URL('../../deploy/nginx.conf.example', import.meta.url), 'utf8');
    const rule = /location ~ (\S+) \{\s*try_files (\S+) =404;/.exec(conf);
    expect(rule, 'a regex location with try_files').not.toBeNull();
    const pattern = new RegExp(rule![1]!);
    const target = (path: string) => {
      const match = pattern.exec(path);
      return match ? rule![2]!.replace('$1', match[1]!) : null;
    };
    expect(target(`/ar/submit/status/${TOKEN}/`)).toBe('/ar/submit/status/index.html');
    expect(target(`/en/submit/status/${TOKEN}`)).toBe('/en/submit/status/index.html');
    expect(target('/en/submit/status/')).toBeNull();
    expect(target(`/en/submit/status/${TOKEN}/more/`)).toBeNull();
    expect(target(`/en/practices/${TOKEN}/`)).toBeNull();
  });
});
