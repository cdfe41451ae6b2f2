/**
 * Whether a static build is incremental (issue 17.5): SITE_INCREMENTAL_BUILD, on unless
 * `false`/`0`/`no`/`off`. Off, a build starts from nothing: every practice is read from the CMS,
 * every page rendered and the search index built whole. Read by astro.config.mjs and by the
 * practices loader (lib/cms/loaders/practices-sync.ts).
 */
export function incrementalBuildFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(0|false|no|off)$/i.test((env.SITE_INCREMENTAL_BUILD ?? '').trim());
}
