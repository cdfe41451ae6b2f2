import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/lib/security';
import { headersFile, parseHeadersFile } from '../../src/lib/static-headers';

const CMS = 'https://cms.example.org';

/** The add_header lines of an nginx configuration: name → value (quotes removed). */
function nginxHeaders(conf: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const match of conf.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"(?:\s+always)?\s*;/gm)) headers[match[1]!] = match[2]!;
  return headers;
}

describe('security headers of static hosting', () => {
  it('the generated _headers gives every path exactly the headers of server mode', () => {
    const file = headersFile(CMS);
    expect(file).toMatch(/^\/\*$/m);
    expect(parseHeadersFile(file)).toEqual(securityHeaders(CMS));
    expect(parseHeadersFile(headersFile(undefined))).toEqual(securityHeaders(undefined));
  });

  it('the nginx example sends exactly the headers of server mode (for its example CMS origin), always', () => {
    const conf = readFileSync(new URL('../../deploy/nginx.conf.example', import.meta.url), 'utf8');
    expect(nginxHeaders(conf)).toEqual(securityHeaders(CMS));
    const addHeaders = conf.split('\n').filter((line) => /^\s*add_header\b/.test(line));
    expect(addHeaders.every((line) => /\balways;\s*$/.test(line))).toBe(true);
  });
});
