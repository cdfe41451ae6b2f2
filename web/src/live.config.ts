/**
 * Live collections (server mode): read from the CMS on request, through the same CMS client as
 * the build-time collections. Each entry carries cache tags for Astro's route cache.
 */
import { defineLiveCollection } from 'astro:content';
import { liveLoaders } from './lib/cms/loaders/live';

export const collections = {
  liveLocales: defineLiveCollection({ loader: liveLoaders.locales }),
  liveSite: defineLiveCollection({ loader: liveLoaders.site }),
  liveFramework: defineLiveCollection({ loader: liveLoaders.framework }),
  liveTaxonomies: defineLiveCollection({ loader: liveLoaders.taxonomies }),
  livePractices: defineLiveCollection({ loader: liveLoaders.practices }),
  livePracticeSummaries: defineLiveCollection({ loader: liveLoaders.practiceSummaries }),
  livePracticeDetails: defineLiveCollection({ loader: liveLoaders.practiceDetails }),
  livePracticeSearch: defineLiveCollection({ loader: liveLoaders.practiceSearch }),
  liveInsights: defineLiveCollection({ loader: liveLoaders.insights }),
  liveTools: defineLiveCollection({ loader: liveLoaders.tools }),
  liveToolSummaries: defineLiveCollection({ loader: liveLoaders.toolSummaries }),
};
