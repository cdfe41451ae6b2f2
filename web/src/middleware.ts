/**
 * Server-mode middleware: a CMS failure while rendering becomes a plain 503 (the route cache
 * then serves the last good copy of the page if it has one), and every response gets the
 * security headers. In static mode it does nothing: a CMS failure must fail the build.
 */
import { defineMiddleware } from 'astro:middleware';
import { cmsUrlFromEnv, findCmsError, uploadsUrlFromEnv } from './lib/cms/client';
import { isServerMode } from './lib/mode';
import { applySecurityHeaders, unavailablePage } from './lib/security';

export const onRequest = defineMiddleware(async (context, next) => {
  if (!isServerMode) return next();
  const cmsUrl = cmsUrlFromEnv();
  let response: Response;
  try {
    response = await next();
  } catch (error) {
    const cmsError = findCmsError(error);
    if (!cmsError && !isLiveCollectionFailure(error)) throw error;
    console.error(`[cms] ${context.url.pathname}: ${cmsError?.message ?? (error as Error).message}`);
    response = unavailablePage(context.url.pathname);
  }
  if (!response.headers.has('Cache-Control') && (response.headers.get('Content-Type') ?? '').startsWith('text/html')) {
    // Browsers revalidate every time, so a publish shows at once; the route cache answers fast.
    response.headers.set('Cache-Control', 'no-cache');
  }
  return applySecurityHeaders(response, cmsUrl, uploadsUrlFromEnv());
});

function isLiveCollectionFailure(error: unknown): boolean {
  return error instanceof Error && /^LiveCollection/.test(error.name);
}
