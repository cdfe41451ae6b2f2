/**
 * Rendering mode of this build: `static` prerenders every page from the build-time content
 * collections; `server` renders on request from the live collections (@astrojs/node).
 *
 * astro.config.mjs reads `SITE_MODE` and exposes it to the code as `import.meta.env.SITE_MODE`
 * (a build-time constant, so the unused branch is dropped from the bundle).
 */
export type SiteMode = 'static' | 'server';

export function parseSiteMode(value: string | undefined): SiteMode {
  const mode = (value ?? 'static').trim() || 'static';
  if (mode !== 'static' && mode !== 'server') {
    throw new Error(`SITE_MODE must be "static" or "server", not ${JSON.stringify(value)}`);
  }
  return mode;
}

// A member of Vite's env object, not optional chaining: see lib/markdown/pool.ts.
export const SITE_MODE: SiteMode = parseSiteMode(import.meta.env.SITE_MODE ?? process.env.SITE_MODE);
export const isServerMode = SITE_MODE === 'server';
export const isStaticMode = SITE_MODE === 'static';
