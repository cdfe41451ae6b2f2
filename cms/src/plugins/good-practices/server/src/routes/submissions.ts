/**
 * The public "propose a practice" routes (contract/submissions.ts), served under
 * /api/good-practices. `auth: false`: anyone may propose a practice. The body, its size and the
 * per-client rate limit are handled before Strapi's body parser (submissions/intake-middleware.ts).
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST' as const, path: '/submissions', handler: 'submissions.create', config: { auth: false as const, policies: [] } },
    { method: 'GET' as const, path: '/submissions/status/:token', handler: 'submissions.status', config: { auth: false as const, policies: [] } },
  ],
};
