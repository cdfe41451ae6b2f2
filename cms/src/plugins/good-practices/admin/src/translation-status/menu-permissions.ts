/**
 * Who sees the translation page in the menu: admins who may read at least one of the plugin's
 * content types in the Content Manager (editors, translators, super admins). The plugin registers
 * no admin action of its own; the page's server routes check the same content-manager
 * permissions per type and locale: what the status and the export show, what an import writes.
 */
import { uids } from '../../../contract/plugin-id';

export const translationPagePermissions = Object.values(uids).map((subject) => ({
  action: 'plugin::content-manager.explorer.read',
  subject,
}));
