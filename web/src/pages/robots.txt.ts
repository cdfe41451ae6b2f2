import type { APIRoute } from 'astro';
import { originOf } from '../lib/data/page-context';

export const GET: APIRoute = (context) =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${new URL('/sitemap.xml', originOf(context)).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
