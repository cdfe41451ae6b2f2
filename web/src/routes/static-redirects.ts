/**
 * GET /_redirects, prerendered into `dist/_redirects` by the static build only (astro.config.mjs),
 * in the format of Netlify and Cloudflare Pages: every locale's private status addresses
 * (`/{l}/submit/status/{token}/`) served by that locale's one status page, whose script reads the
 * token (./submission-status-static.astro). A rewrite (200), not a redirect: the address, and so
 * the token, stay as they are. Hosts without `_redirects`: web/deploy/nginx.conf.example.
 */
import type { APIRoute } from 'astro';
import { getLocales } from '../lib/data';
import { redirectsFile } from '../lib/static-redirects';

export const prerender = true;

export const GET: APIRoute = async () => new Response(redirectsFile((await getLocales()).map((l) => l.code)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
