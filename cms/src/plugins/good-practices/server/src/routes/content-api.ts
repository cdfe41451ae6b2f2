/**
 * Public, read-only routes, served under /api/good-practices (Strapi prefixes content-api routes
 * of a plugin with its name). `auth: false`: published content is public; the services only
 * ever read published versions. Paths match the contract's `apiPaths`.
 */
const publicRoute = (path: string, action: string) => ({
  method: 'GET' as const,
  path,
  handler: `public-api.${action}`,
  // read-generation: one lookup of the stored content generation per request, seen by every cache
  // of the read side (read-model/request-generation.ts).
  config: { auth: false as const, policies: [], middlewares: ['plugin::good-practices.read-generation'] },
});

export default {
  type: 'content-api',
  routes: [
    publicRoute('/locales', 'locales'),
    publicRoute('/practices', 'practices'),
    publicRoute('/practices/:slug', 'practice'),
    publicRoute('/framework', 'framework'),
    publicRoute('/tools', 'tools'),
    publicRoute('/tools/:slug', 'tool'),
    publicRoute('/practice-details', 'practiceDetails'),
    publicRoute('/practice-versions', 'practiceVersions'),
    publicRoute('/tool-details', 'toolDetails'),
    publicRoute('/integration-areas', 'integrationAreas'),
    publicRoute('/target-groups', 'targetGroups'),
    publicRoute('/site', 'site'),
    // Generated from the contract, the same for every request: no content read, no read-generation.
    { method: 'GET' as const, path: '/openapi.json', handler: 'public-api.openapi', config: { auth: false as const, policies: [], middlewares: [] } },
    publicRoute('/item-suggestions', 'itemSuggestions'),
    publicRoute('/insights', 'insights'),
  ],
};
