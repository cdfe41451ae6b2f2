/**
 * Response of GET /good-practices/framework (admin route, controllers/admin-framework.ts). Kept in
 * a file of its own, free of server imports, because the admin panel code (admin/src) type-checks
 * against it too.
 */
import type { FrameworkTree } from '../domain/framework-tree';

export interface AdminFrameworkResponse {
  data: {
    /** The locale of the texts (a text not translated yet is the default locale's). */
    locale: string;
    defaultLocale: string;
    /** Groups, questions and checklist items in order; retired items included, flagged `retired`. */
    groups: FrameworkTree;
  };
}
