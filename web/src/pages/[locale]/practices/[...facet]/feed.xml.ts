/** The saved-search feed of a facet's list (`/en/practices/country/DE/feed.xml`): see lib/site/list-feed.ts. */
import type { APIRoute } from 'astro';
import { facetFeedPaths, listFeed } from '../../../../lib/site/list-feed';

export const getStaticPaths = facetFeedPaths;

export const GET: APIRoute = (context) => listFeed(context, context.params.facet);
