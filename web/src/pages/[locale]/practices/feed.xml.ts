/**
 * The saved-search feed of the unfiltered list, and in server mode of any filters in the query
 * (`/en/practices/feed.xml?q=…`): see lib/site/list-feed.ts. A route of its own: the rest
 * parameter of [...facet]/feed.xml.ts would leave this path to [slug].astro on request.
 */
import type { APIRoute } from 'astro';
import { localePaths } from '../../../lib/data/static-paths';
import { listFeed } from '../../../lib/site/list-feed';

export const getStaticPaths = localePaths;

export const GET: APIRoute = (context) => listFeed(context, undefined);
