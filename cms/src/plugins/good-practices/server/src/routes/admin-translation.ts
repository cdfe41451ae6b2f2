/**
 * Admin routes of the translation workflow, served under /good-practices to signed-in admins.
 * Their content-manager permissions decide the rest, per type and locale, in the service: the
 * status and the export show only what the admin may read (403 when nothing), the import writes
 * only the entries, locales and fields they may write.
 */
const adminRoute = (method: 'GET' | 'POST', path: string, action: string) => ({
  method,
  path,
  handler: `admin-translation.${action}`,
  config: { policies: ['admin::isAuthenticatedAdmin'] },
});

export default {
  type: 'admin',
  routes: [
    adminRoute('GET', '/translation-status', 'status'),
    adminRoute('GET', '/xliff/export', 'exportXliff'),
    adminRoute('POST', '/xliff/import', 'importXliff'),
  ],
};
