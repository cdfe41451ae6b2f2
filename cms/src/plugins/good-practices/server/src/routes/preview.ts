/**
 * The site's preview of unpublished practices, served under /api/good-practices/preview:
 *
 *   GET /api/good-practices/preview/practices/:documentId?locale=xx
 *     Authorization: Bearer <SITE_PREVIEW_TOKEN>
 *
 * Returns the latest draft assembled like the public detail (contract `practiceResponse`). Only
 * the preview token reaches it: no token or an unknown one is 401, any other token 403 (see
 * access/preview-token-only.ts for why both `auth` and a check of the token are used).
 */
import { previewTokenOnly } from '../access/preview-token-only';
import { PREVIEW_ACTION } from '../access/site-tokens-spec';

export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET' as const,
      path: '/preview/practices/:documentId',
      handler: 'preview.practice',
      config: {
        auth: { strategies: ['content-api-token'], scope: [PREVIEW_ACTION] },
        middlewares: [previewTokenOnly],
      },
    },
  ],
};
