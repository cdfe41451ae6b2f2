/**
 * End-to-end tests against a running site and the REAL CMS (the lead's harness boots the CMS
 * with demo content and the site). Inputs, all required (the secret in server mode only):
 *   SITE_URL           base URL of the site under test (e.g. http://127.0.0.1:4321)
 *   CMS_URL            base URL of the CMS the site reads (e.g. http://127.0.0.1:1337)
 *   SITE_MODE          static | server — how the site under test was built
 *   REVALIDATE_SECRET  the site's webhook secret, for the webhook checks (server mode only)
 * Run: npm run test:e2e -w web
 * Missing inputs fail the run (never a silent skip).
 */
import { describe } from 'vitest';
import { parseSiteMode } from '../../src/lib/mode';
import { defineSiteSuite } from './suite';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} must be set for the e2e tests (see tests/e2e/site.test.ts)`);
  return value;
}

const mode = parseSiteMode(required('SITE_MODE'));
const target = {
  siteUrl: required('SITE_URL'),
  cmsUrl: required('CMS_URL'),
  revalidateSecret: mode === 'server' ? required('REVALIDATE_SECRET') : undefined,
};

describe(`site at ${target.siteUrl} (${mode}) against the CMS at ${target.cmsUrl}`, () => {
  defineSiteSuite(mode, () => target);
});
