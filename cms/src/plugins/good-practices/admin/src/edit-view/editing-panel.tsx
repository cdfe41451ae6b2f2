/**
 * The side panel the plugin adds to the Content Manager's edit view
 * (`addEditViewSidePanel`, registered in admin/src/index.ts). A panel is a "description
 * component": Strapi renders it as a component inside the edit view's form (so it may use the
 * form's hooks) and shows the `{ title, content }` it returns, or nothing for null.
 *
 * - On the plugin's content types, edits refused by the server are handed back to the editor
 *   (useKeepEditsOnRefusal; upstream strapi/strapi#22646), with a note saying so.
 * - On practices, the panel checks the values against the server's rules before saving and shows
 *   the validation workflow.
 */
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Notice } from '../components/Notice';
import { useText } from '../translations/messages';
import { PracticePanel } from './PracticePanel';
import { useKeepEditsOnRefusal } from './useKeepEditsOnRefusal';

const PRACTICE = 'plugin::good-practices.practice';
const PLUGIN_TYPES = new Set([PRACTICE, 'plugin::good-practices.tool', 'plugin::good-practices.site']);

export const EditingPanel: PanelComponent = ({ model, documentId, document, activeTab }) => {
  const text = useText();
  const locale = typeof document?.locale === 'string' ? document.locale : undefined;
  const { restored } = useKeepEditsOnRefusal(PLUGIN_TYPES.has(model), `${model}/${documentId ?? 'new'}/${locale ?? ''}/${activeTab}`);
  if (model === PRACTICE) {
    return {
      title: text('editView.panel.title'),
      content: <PracticePanel documentId={documentId} documentLocale={locale} readOnly={activeTab === 'published'} restored={restored} />,
    };
  }
  if (PLUGIN_TYPES.has(model) && restored) {
    return {
      title: text('editView.restored.title'),
      content: <Notice variant="warning">{text('editView.restored.body')}</Notice>,
    };
  }
  return null;
};
