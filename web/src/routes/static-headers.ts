/**
 * GET /_headers, prerendered into `dist/_headers` by the static build only (astro.config.mjs):
 * the security headers of server mode for static hosts that read that file.
 */
import type { APIRoute } from 'astro';
import { cmsUrlFromEnv, uploadsUrlFromEnv } from '../lib/cms/client';
import { headersFile } from '../lib/static-headers';

export const prerender = true;

export const GET: APIRoute = () => new Response(headersFile(cmsUrlFromEnv(), uploadsUrlFromEnv()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
