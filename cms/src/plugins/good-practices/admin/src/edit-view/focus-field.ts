/**
 * Brings a field of the edit view into sight and focus, for the panel's links. The content
 * manager names each input after its attribute; the plugin's own inputs (assessment, answers)
 * are groups labelled by their label, found through the field's wrapper.
 */
function fieldElement(field: string): HTMLElement | null {
  const byName = document.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`);
  if (byName) return byName;
  return document.querySelector<HTMLElement>(`[data-gp-field="${CSS.escape(field)}"]`) ?? document.getElementById(field);
}

export function focusField(field: string): boolean {
  const element = fieldElement(field);
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}
