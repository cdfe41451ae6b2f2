/**
 * Brings a field of the edit view into sight and focus, for the panel's links. The content
 * manager names each input after its attribute; the plugin's own inputs (assessment, answers)
 * are groups labelled by their field label (the attribute name unless the view's settings give
 * another), whose first control gets the focus.
 */
function groupLabelledAs(labels: readonly string[]): HTMLElement | null {
  const wanted = labels.map((label) => label.trim().toLowerCase());
  for (const group of document.querySelectorAll<HTMLElement>('[role="group"][aria-labelledby]')) {
    const label = document.getElementById(group.getAttribute('aria-labelledby') ?? '');
    const text = (label?.textContent ?? '').replace(/\*$/, '').trim().toLowerCase();
    if (wanted.includes(text)) return group;
  }
  return null;
}

export function focusField(field: string, label?: string): boolean {
  const input = document.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`);
  const group = input ? null : groupLabelledAs(label ? [field, label] : [field]);
  const target = input ?? group?.querySelector<HTMLElement>('input, button, textarea, [tabindex]') ?? group;
  if (!target) return false;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  return true;
}
