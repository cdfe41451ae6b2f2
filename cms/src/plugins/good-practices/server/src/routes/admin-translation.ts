/**
 * Admin routes of the translation workflow, served under /good-practices to signed-in admins.
 * What each admin may write is checked per entry, locale and field by the import itself (their
 * content-manager permissions), so reading status and exporting is open to every admin.
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
