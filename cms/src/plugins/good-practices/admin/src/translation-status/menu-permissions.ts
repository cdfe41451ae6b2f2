/**
 * Who sees the translation page in the menu: admins who may read at least one of the plugin's
 * content types in the Content Manager (editors, translators, super admins). The plugin registers
 * no admin action of its own; the page's server routes are open to every signed-in admin, and
 * what an import may write is checked per entry and locale by the server.
 */
import { uids } from '../../../server/src/plugin-id';

export const translationPagePermissions = Object.values(uids).map((subject) => ({
  action: 'plugin::content-manager.explorer.read',
  subject,
}));
