import { describe, expect, it } from 'vitest';
import { trustedProxy } from '../../src/trusted-proxy.ts';

describe('TRUST_PROXY', () => {
  it('is off unless set: X-Forwarded-* headers are then ignored', () => {
    for (const value of [undefined, '', ' ', 'false', '0', 'FALSE']) expect(trustedProxy(value), String(value)).toEqual({ koa: false });
  });

  it('trusts one reverse proxy with true, or the number of proxies given', () => {
    expect(trustedProxy('true')).toEqual({ koa: true, maxIpsCount: 1 });
    expect(trustedProxy(' TRUE ')).toEqual({ koa: true, maxIpsCount: 1 });
    expect(trustedProxy('2')).toEqual({ koa: true, maxIpsCount: 2 });
  });

  it('refuses anything else rather than guess', () => {
    for (const value of ['yes', 'on', '-1', '1.5', '10.0.0.0/8', 'loopback']) expect(() => trustedProxy(value), value).toThrow(/TRUST_PROXY/);
  });
});
