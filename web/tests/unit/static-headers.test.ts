import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/lib/security';
import { headersFile, parseHeadersFile, staticSecurityHeaders } from '../../src/lib/static-headers';

const CMS = 'https://cms.example.org';

/** The add_header lines of an nginx configuration: name → value (quotes removed). */
function nginxHeaders(conf: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const match of conf.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"(?:\s+always)?\s*;/gm)) headers[match[1]!] = match[2]!;
  return headers;
}

describe('security headers of static hosting', () => {
  it('static hosting sends the headers of server mode, with only WebAssembly compilation added for the search', () => {
    for (const cms of [CMS, undefined]) {
      const server = securityHeaders(cms);
      const hosted = staticSecurityHeaders(cms);
      expect({ ...hosted, 'Content-Security-Policy': server['Content-Security-Policy'] }).toEqual(server);
      expect(hosted['Content-Security-Policy']).toBe(server['Content-Security-Policy']!.replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval';"));
      expect(server['Content-Security-Policy']).not.toContain('wasm');
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
